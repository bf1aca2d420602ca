-- Offboarding: the end of a relationship (or of single disclosures no longer needed). One row per offboarding process,
-- its items (the disclosures it closes), and the certificates of return or destruction generated for it, one per NDA.
create table offboarding (
  id                  bigint        auto_increment primary key,
  process_instance    varchar(64)   not null,
  partner_code        varchar(32)   not null,
  whole_relationship  boolean       not null,
  -- The partner code while a whole-relationship offboarding runs, else null: at most one such offboarding per partner.
  running_partner     varchar(32),
  reason              varchar(500)  not null,
  status              varchar(16)   not null,
  started_at          datetime(6)   not null,
  started_by          varchar(64)   not null,
  signed_sha256       varchar(64),
  signed_file_name    varchar(255),
  signature_date      date,
  signatory           varchar(500),
  signed_recorded_by  varchar(64),
  survives_until      date,
  survival            varchar(2000),
  ended_at            datetime(6),
  constraint uk_offboarding_process unique (process_instance),
  constraint uk_offboarding_running_partner unique (running_partner)
);
create index ix_offboarding_partner on offboarding (partner_code, id);

create table offboarding_item (
  offboarding_id      bigint        not null,
  disclosure_id       bigint        not null,
  secret_code         varchar(32)   not null,
  nda_reference       varchar(64)   not null,
  outcome             varchar(16),
  -- The disclosure id while a single-disclosure offboarding runs, else null: no disclosure in two of them at once.
  running_disclosure  bigint,
  primary key (offboarding_id, disclosure_id),
  constraint fk_offboarding_item_offboarding foreign key (offboarding_id) references offboarding (id),
  constraint uk_offboarding_item_running unique (running_disclosure)
);

create table offboarding_certificate (
  offboarding_id      bigint        not null,
  nda_reference       varchar(64)   not null,
  sha256              varchar(64)   not null,
  template_key        varchar(64)   not null,
  template_version    int           not null,
  certificate_date    date          not null,
  survives_until      date,
  survival            varchar(1000),
  primary key (offboarding_id, nda_reference),
  constraint fk_offboarding_certificate_offboarding foreign key (offboarding_id) references offboarding (id)
);
