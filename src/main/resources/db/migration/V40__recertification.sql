-- Re-certification (see the recertification module): one row per partner and period. Times are UTC.
create table recertification (
  id                      bigint        auto_increment primary key,
  partner_code            varchar(32)   not null,
  period_no               int           not null,
  process_instance        varchar(64),
  risk_tier               varchar(16),
  highest_classification  varchar(16),
  interval_months         int           not null,
  request_at              datetime(6)   not null,
  due_at                  datetime(6)   not null,
  grace_until             datetime(6)   not null,
  status                  varchar(16)   not null,
  requested_at            datetime(6),
  attested_at             datetime(6),
  attested_by             varchar(64),
  late                    boolean       default false not null,
  lapsed_at               datetime(6),
  flags                   varchar(2000),
  reviewed_at             datetime(6),
  reviewed_by             varchar(64),
  review_decision         varchar(16),
  review_comment          varchar(2000),
  closed_at               datetime(6),
  constraint uk_recertification_period unique (partner_code, period_no)
);
-- The calendar: open periods by due date.
create index ix_recertification_due on recertification (status, due_at);

-- The partner's answers for one disclosure in one period.
create table attestation (
  id                   bigint        auto_increment primary key,
  recertification_id   bigint        not null,
  disclosure_id        bigint        not null,
  secret_code          varchar(32)   not null,
  holders              varchar(4000) not null,
  still_needed         boolean       not null,
  incident             varchar(2000),
  onward_disclosure    varchar(2000),
  flags                varchar(200),
  constraint fk_attestation_recertification foreign key (recertification_id) references recertification (id),
  constraint uk_attestation unique (recertification_id, disclosure_id)
);

-- Why a disclosure is suspended by re-certification: a lapsed period or an expired NDA. A disclosure is reinstated
-- only when no cause is left open, and only the causes recorded here are lifted by re-certification.
create table recertification_suspension (
  id                   bigint        auto_increment primary key,
  partner_code         varchar(32)   not null,
  disclosure_id        bigint        not null,
  cause                varchar(16)   not null,
  recertification_id   bigint,
  nda_reference        varchar(64),
  suspended_at         datetime(6)   not null,
  lifted_at            datetime(6)
);
create index ix_recertification_suspension on recertification_suspension (partner_code, lifted_at);
