-- Due-diligence reviews of a partner: the questionnaire answers, findings and the resulting risk tier.
create table due_diligence (
  id                     bigint        auto_increment primary key,
  partner_id             bigint        not null,
  process_instance       varchar(64),
  security_certifications varchar(500),
  access_control         boolean       not null,
  uses_subcontractors    boolean       not null,
  incidents_five_years   boolean       not null,
  data_location          varchar(200),
  staff_turnover         varchar(16)   not null,
  privacy_regime         varchar(200),
  findings               varchar(4000) not null,
  risk_tier              varchar(16),
  reviewer_id            varchar(64)   not null,
  reviewed_at            datetime(6)   not null,
  constraint fk_due_diligence_partner foreign key (partner_id) references partner (id)
);
create index ix_due_diligence_partner on due_diligence (partner_id, id);
