-- An NDA's life after generation: legal approves one version, the partner signs it, it runs for its term.
alter table nda add column status varchar(16) default 'DRAFT' not null;
alter table nda add column approved_version int;
alter table nda add column approved_by varchar(64);
alter table nda add column approved_at datetime(6);
alter table nda add column executed_sha256 varchar(64);
alter table nda add column executed_file_name varchar(255);
alter table nda add column signature_date date;
alter table nda add column signatories varchar(500);
alter table nda add column expires_on date;
alter table nda add column executed_at datetime(6);
alter table nda add column executed_by varchar(64);
