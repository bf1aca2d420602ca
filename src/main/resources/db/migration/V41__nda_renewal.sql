-- An NDA's term extended by a signed renewal (amendment): the copy, its hash, and the term before and after.
create table nda_renewal (
  id                  bigint        auto_increment primary key,
  nda_reference       varchar(64)   not null,
  sha256              varchar(64)   not null,
  file_name           varchar(255),
  signature_date      date          not null,
  signatories         varchar(500),
  previous_expires_on date          not null,
  expires_on          date          not null,
  recorded_at         datetime(6)   not null,
  recorded_by         varchar(64)
);
create index ix_nda_renewal_reference on nda_renewal (nda_reference);
