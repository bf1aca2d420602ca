-- NDA engine: template versions, generated NDA versions and the documents themselves.
-- Documents are stored in the database, content-addressed by SHA-256: every node of a cluster sees them, they are
-- backed up and restored with the records that cite their hash, and identical documents are stored once.

create table nda_blob (
  sha256      varchar(64)  not null primary key,
  size_bytes  bigint       not null,
  content     longblob     not null
);

-- Renditions (PDF) of a stored document, made on first request.
create table nda_rendition (
  source_sha256 varchar(64)  not null,
  format        varchar(16)  not null,
  content       longblob     not null,
  primary key (source_sha256, format)
);

create table nda_template_version (
  id            bigint       auto_increment primary key,
  template_key  varchar(64)  not null,
  version       int          not null,
  sha256        varchar(64)  not null,
  source        varchar(16)  not null,
  file_name     varchar(255),
  created_at    datetime(6)  not null,
  created_by    varchar(64)  not null,
  constraint uk_nda_template_version unique (template_key, version),
  constraint uk_nda_template_content unique (template_key, sha256)
);

create table nda (
  id              bigint       auto_increment primary key,
  reference       varchar(32),
  partner_code    varchar(32)  not null,
  kind            varchar(16)  not null,
  latest_version  int          not null,
  created_at      datetime(6)  not null,
  created_by      varchar(64)  not null,
  constraint uk_nda_reference unique (reference)
);
create index ix_nda_partner on nda (partner_code);

create table nda_version (
  id                bigint       auto_increment primary key,
  nda_id            bigint       not null,
  version           int          not null,
  template_key      varchar(64)  not null,
  template_version  int          not null,
  template_sha256   varchar(64)  not null,
  clauses           longtext     not null,
  inputs            longtext     not null,
  document_sha256   varchar(64)  not null,
  created_at        datetime(6)  not null,
  created_by        varchar(64)  not null,
  constraint uk_nda_version unique (nda_id, version),
  constraint fk_nda_version_nda foreign key (nda_id) references nda (id)
);
