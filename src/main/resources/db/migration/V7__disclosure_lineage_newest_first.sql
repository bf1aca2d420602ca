-- "Who holds X" and "what does P hold" list newest first over several statuses at once (all of them, or DISCLOSED and
-- SUSPENDED). With (secret_id, status, id) the rows of different statuses are not in id order, so the database reads
-- every matching row and sorts it before it returns the first 20: 15-170 ms on MariaDB for a secret held by a few
-- thousand partners (docs/benchmarks.md). With id before status the index yields the rows in page order and the status
-- is checked in the index, so a first page reads about 20 rows whatever the size. The (.., status, id) indexes stay:
-- they serve a single status and the counts.
create index ix_disclosure_secret_newest on disclosure (secret_id, id, status);
create index ix_disclosure_partner_newest on disclosure (partner_id, id, status);
