-- Trade secrets: metadata only. The secret's content never enters Cordon.
create table trade_secret (
  id                  bigint        auto_increment primary key,
  code                varchar(16)   not null,
  title               varchar(200)  not null,
  summary             varchar(2000),
  category            varchar(16)   not null,
  classification      varchar(16)   not null,
  owner_id            varchar(64)   not null,
  systems             varchar(4000) not null,
  sites               varchar(4000) not null,
  countries           varchar(1000) not null,
  protection_measures varchar(200)  not null,
  status              varchar(16)   not null,
  version             bigint        not null,
  created_at          datetime(6)   not null,
  updated_at          datetime(6)   not null,
  constraint uk_trade_secret_code unique (code)
);
create index ix_trade_secret_owner on trade_secret (owner_id);
create index ix_trade_secret_status on trade_secret (status, classification);
