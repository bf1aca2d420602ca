-- Partner requests that wait at a user task (due diligence, the signed NDA, the signed certificate): one row each time
-- such a task is created, closed when the task completes or is cancelled. Its id is the request_id of its links
-- (partner_link.request_id with the same request_kind), so answering or closing one task withdraws only its links.
create table partner_request (
  id                bigint        auto_increment primary key,
  request_kind      varchar(32)   not null,
  partner_code      varchar(16)   not null,
  process_instance  varchar(64)   not null,
  task_id           varchar(64)   not null,
  task_key          varchar(255)  not null,
  created_at        datetime(6)   not null,
  closed_at         datetime(6),
  closed_reason     varchar(200),
  constraint uk_partner_request_task unique (task_id)
);
create index ix_partner_request_process on partner_request (process_instance, task_key);
