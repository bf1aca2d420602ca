-- Evidence packs built in the background: a large pack (a secret disclosed to a thousand partners, with the report's
-- PDF) takes longer than a request should wait. The row says how far the build is; the ZIP is kept for its requester
-- to download. Any node sharing the database answers for it.
create table evidence_pack_build (
  id              varchar(36)   not null primary key,
  subject_kind    varchar(16)   not null,
  subject_code    varchar(64)   not null,
  requested_by    varchar(64)   not null,
  requested_at    datetime(6)   not null,
  status          varchar(16)   not null,
  phase           varchar(100),
  finished_at     datetime(6),
  file_name       varchar(200),
  manifest_sha256 varchar(64),
  files           int,
  bytes           bigint,
  millis          bigint,
  problem         varchar(1000),
  content         longblob
);
create index ix_evidence_pack_build_requester on evidence_pack_build (requested_by, requested_at);
