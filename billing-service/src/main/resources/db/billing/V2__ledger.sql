-- Billing's picture of the members, projected from allmende.membership.v1.
create table member (
    member_id     uuid         primary key,
    member_number bigint       not null unique,
    name          varchar(200) not null,
    body_kind     varchar(40)  not null,
    street        varchar(200) not null,
    postal_code   varchar(20)  not null,
    city          varchar(100) not null,
    country       char(2)      not null,
    shares        integer      not null check (shares > 0),
    admitted_on   date         not null,
    updated_at    timestamptz  not null
);
