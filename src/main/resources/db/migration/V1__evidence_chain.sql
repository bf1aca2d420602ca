-- Evidence chain: append-only, hash-chained record of every step (see the evidence module).
-- Rows are only ever inserted; evidence_chain_head is the single row that serialises appends across nodes.
create table evidence_event (
  seq               bigint        not null primary key,
  occurred_at       datetime(6)   not null,
  actor             varchar(64)   not null,
  type              varchar(64)   not null,
  partner_code      varchar(32),
  secret_codes      longtext,
  nda_reference     varchar(64),
  document_hash     char(64),
  process_instance  varchar(64),
  activity          varchar(255),
  payload           longtext      not null,
  prev_hash         char(64)      not null,
  hash              char(64)      not null
);
create index ix_evidence_partner on evidence_event (partner_code, seq);
create index ix_evidence_process on evidence_event (process_instance, seq);

-- One row per (event, secret code): "every event that concerns TS-0042" is an index range scan.
create table evidence_event_secret (
  secret_code varchar(32) not null,
  seq         bigint      not null,
  primary key (secret_code, seq)
);

create table evidence_chain_head (
  id        int          not null primary key,
  last_seq  bigint       not null,
  last_hash char(64)     not null
);
insert into evidence_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
