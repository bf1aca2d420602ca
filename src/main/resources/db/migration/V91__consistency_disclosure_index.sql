-- The consistency checker reads every DISCLOSED disclosure with its partner, secret and NDA reference. Without this
-- index each of those rows is read from the table (wide rows, in random order: about 100 s for 466,847 rows on the
-- benchmark host); with it the statements read the index alone.
create index ix_disclosure_consistency on disclosure (status, partner_id, secret_id, nda_reference, nda_version, id);
