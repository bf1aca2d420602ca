-- Legal holds: while a hold on a secret, partner or NDA is active (released_at null), nothing that concerns it is
-- removed by history cleanup. Rows are kept after release, as the record of the hold.
create table legal_hold (
  id           bigint        not null auto_increment primary key,
  subject_kind varchar(16)   not null,
  subject_code varchar(64)   not null,
  reason       varchar(1000) not null,
  placed_by    varchar(64)   not null,
  placed_at    datetime(6)   not null,
  released_by  varchar(64),
  released_at  datetime(6),
  release_reason varchar(1000)
);
create index ix_legal_hold_subject on legal_hold (subject_kind, subject_code, released_at);
