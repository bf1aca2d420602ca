-- Mail outbox (see the notification module): one row per message and recipient, inserted in the transaction of the
-- step that asks for the mail, sent later by a sweep on any node. (mail_key, recipient) makes enqueueing idempotent;
-- message_id is derived from it, so a message sent twice after a crash carries the same Message-ID.
create table mail_outbox (
  id                bigint        auto_increment primary key,
  mail_key          varchar(200)  not null,
  recipient         varchar(320)  not null,
  recipient_user    varchar(64),
  kind              varchar(32)   not null,
  subject           varchar(500)  not null,
  body_html         longtext      not null,
  body_text         longtext      not null,
  message_id        varchar(255)  not null,
  process_instance  varchar(64),
  activity          varchar(255),
  status            varchar(16)   not null,
  attempts          int           not null,
  next_attempt_at   datetime(6)   not null,
  claimed_by        varchar(100),
  claimed_at        datetime(6),
  sent_at           datetime(6),
  last_error        varchar(500),
  created_at        datetime(6)   not null,
  constraint uk_mail_outbox_key unique (mail_key, recipient)
);
-- The sweep's query: due PENDING rows, oldest first; and SENDING rows whose claim expired.
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_claimed on mail_outbox (status, claimed_at);
