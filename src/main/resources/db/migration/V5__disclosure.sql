-- Disclosures: which partner received which secret, under which NDA. Together they are the lineage.
create table disclosure (
  id                    bigint        auto_increment primary key,
  secret_id             bigint        not null,
  partner_id            bigint        not null,
  nda_reference         varchar(64),
  nda_version           int,
  purpose               varchar(2000) not null,
  permitted_recipients  varchar(4000) not null,
  channel               varchar(100),
  status                varchar(16)   not null,
  requested_at          datetime(6)   not null,
  approved_at           datetime(6),
  disclosed_at          datetime(6),
  closed_at             datetime(6),
  version               bigint        not null,
  constraint fk_disclosure_secret foreign key (secret_id) references trade_secret (id),
  constraint fk_disclosure_partner foreign key (partner_id) references partner (id)
);
-- "Who holds secret X" and "what does partner P hold", filtered by status, newest first.
create index ix_disclosure_secret on disclosure (secret_id, status, id);
create index ix_disclosure_partner on disclosure (partner_id, status, id);

-- Who approved (or declined) a disclosure, in which role, when.
create table disclosure_approval (
  disclosure_id bigint       not null,
  position      int          not null,
  approver_id   varchar(64)  not null,
  approver_role varchar(32)  not null,
  decision      varchar(16)  not null,
  decided_at    datetime(6)  not null,
  comment       varchar(500),
  primary key (disclosure_id, position),
  constraint fk_approval_disclosure foreign key (disclosure_id) references disclosure (id)
);
