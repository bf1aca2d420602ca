create table partner (
  id                   bigint        auto_increment primary key,
  code                 varchar(16)   not null,
  legal_name           varchar(200)  not null,
  native_name          varchar(200),
  country              varchar(2)    not null,
  registration_id      varchar(64),
  type                 varchar(32)   not null,
  parent_id            bigint,
  contacts             varchar(8000) not null,
  status               varchar(16)   not null,
  risk_tier            varchar(16),
  next_recertification date,
  version              bigint        not null,
  created_at           datetime(6)   not null,
  updated_at           datetime(6)   not null,
  constraint uk_partner_code unique (code),
  constraint fk_partner_parent foreign key (parent_id) references partner (id)
);
create index ix_partner_status on partner (status);
create index ix_partner_recert on partner (next_recertification);
