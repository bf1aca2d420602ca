-- Partner links (see the portal module): one row per request and partner contact. The token itself is never stored:
-- token_hash is its SHA-256 (hex), set when the mail carrying it is sent (null until then), replaced when a new link
-- is sent. A link is open while it is neither used, expired nor revoked.
create table partner_link (
  id                bigint        auto_increment primary key,
  token_hash        char(64),
  request_kind      varchar(32)   not null,
  request_id        bigint        not null,
  partner_code      varchar(16)   not null,
  contact_name      varchar(100)  not null,
  contact_email     varchar(254)  not null,
  contact_role      varchar(60),
  process_instance  varchar(64),
  created_at        datetime(6)   not null,
  expires_at        datetime(6)   not null,
  issued_at         datetime(6),
  used_at           datetime(6),
  revoked_at        datetime(6),
  revoked_reason    varchar(200),
  constraint uk_partner_link_token unique (token_hash)
);
create index ix_partner_link_request on partner_link (request_kind, request_id);
create index ix_partner_link_partner on partner_link (partner_code, revoked_at);

-- What a partner contact submitted through a link, exactly as hashed: content is the canonical JSON whose SHA-256 is
-- sha256; evidence_seq is the position of the PARTNER_RESPONSE_RECEIVED event in the evidence chain (the receipt).
create table partner_submission (
  id                bigint        auto_increment primary key,
  link_id           bigint        not null,
  request_kind      varchar(32)   not null,
  request_id        bigint        not null,
  partner_code      varchar(16)   not null,
  respondent_name   varchar(100)  not null,
  respondent_role   varchar(60)   not null,
  respondent_email  varchar(254)  not null,
  content           longtext      not null,
  sha256            char(64)      not null,
  evidence_seq      bigint        not null,
  submitted_at      datetime(6)   not null,
  constraint uk_partner_submission_link unique (link_id),
  constraint fk_partner_submission_link foreign key (link_id) references partner_link (id)
);
create index ix_partner_submission_request on partner_submission (request_kind, request_id);
