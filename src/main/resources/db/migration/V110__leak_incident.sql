-- Leak response: one row per reported leak (one LeakResponseProcess), the secrets it concerns, the snapshot of their
-- lineage taken in the reporting transaction, the suspected partners and their legal actions, and the evidence pack.
-- The free texts are text columns: as varchar(2000..4000) in utf8mb4 they would pass MariaDB's 64 KB row limit.
create table leak_incident (
  id                   bigint        auto_increment primary key,
  code                 varchar(16)   not null,
  process_instance     varchar(64),
  status               varchar(16)   not null,
  reported_by          varchar(64)   not null,
  reported_at          datetime(6)   not null,
  noticed_how          text          not null,
  suspected            text,
  since_date           date,
  personal_data        boolean       not null,
  holders              int           not null,
  assessment           varchar(16),
  assessment_note      text,
  assessed_by          varchar(64),
  containment          varchar(24),
  containment_note     varchar(500),
  suspended            int,
  regulator_regime     varchar(16),
  regulator_deadline   datetime(6),
  dpa_outcome          varchar(24),
  dpa_note             text,
  summary              text,
  lessons              text,
  closed_by            varchar(64),
  closed_at            datetime(6),
  constraint uk_leak_incident_code unique (code)
);
create index ix_leak_incident_status on leak_incident (status, id);

create table leak_incident_secret (
  incident_id          bigint        not null,
  secret_code          varchar(32)   not null,
  status_before        varchar(16)   not null,
  -- The evidence pack built for the secret when evidence was preserved, and the legal hold on it.
  pack_sha256          varchar(64),
  pack_file_name       varchar(255),
  pack_content         longblob,
  hold_id              bigint,
  -- The secret code while the incident is open, else null: at most one open incident per secret, even when two
  -- reports race past the service's check.
  open_secret          varchar(32),
  primary key (incident_id, secret_code),
  constraint fk_leak_secret_incident foreign key (incident_id) references leak_incident (id),
  constraint uk_leak_secret_open unique (open_secret)
);
create index ix_leak_secret_code on leak_incident_secret (secret_code, incident_id);

-- The lineage at the moment of reporting: one row per current holder (disclosure) of each secret, with the NDA
-- version and the clauses that bind it and the holders named in the partner's last attestation. Never updated.
create table leak_snapshot (
  incident_id          bigint        not null,
  disclosure_id        bigint        not null,
  secret_code          varchar(32)   not null,
  partner_code         varchar(32)   not null,
  partner_name         varchar(500)  not null,
  partner_country      varchar(2),
  disclosure_status    varchar(16)   not null,
  disclosed_at         datetime(6),
  nda_reference        varchar(64),
  nda_version          int,
  governing_law        varchar(128),
  remedies             varchar(128),
  return_destroy       varchar(128),
  audit_rights         varchar(128),
  permitted_recipients varchar(4000),
  attested_holders     varchar(4000),
  attested_at          datetime(6),
  primary key (incident_id, disclosure_id),
  constraint fk_leak_snapshot_incident foreign key (incident_id) references leak_incident (id)
);

create table leak_partner (
  incident_id          bigint        not null,
  partner_code         varchar(32)   not null,
  legal_action         varchar(32),
  action_note          varchar(2000),
  letter_sha256        varchar(64),
  letter_content       longblob,
  offboarding_process  varchar(64),
  decided_by           varchar(64),
  decided_at           datetime(6),
  primary key (incident_id, partner_code),
  constraint fk_leak_partner_incident foreign key (incident_id) references leak_incident (id)
);
insert into code_sequence (name, next_value) values ('incident', 1);
