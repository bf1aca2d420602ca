-- Human-readable codes (TS-0001, P-0001): one counter row per kind, taken under a row lock.
create table code_sequence (
  name       varchar(32) not null primary key,
  next_value bigint      not null
);
insert into code_sequence (name, next_value) values ('secret', 1);
insert into code_sequence (name, next_value) values ('partner', 1);
