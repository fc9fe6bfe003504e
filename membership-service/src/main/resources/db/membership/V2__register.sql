-- Member numbers are handed out once and never again, also when an admission fails after drawing one (§30 GenG).
create sequence member_number_seq start with 1 increment by 1 no cycle;

-- Projections of the event store, rebuilt by replaying it (processing group "register").
create table application_view (
    application_id   uuid         primary key,
    applicant_name   varchar(200),
    body_kind        varchar(40)  not null,
    street           varchar(200),
    postal_code      varchar(20),
    city             varchar(100),
    country          char(2),
    requested_shares integer      not null,
    submitted_on     date         not null,
    status           varchar(20)  not null,
    decided_by       varchar(100),
    decided_on       date,
    reason           varchar(1000),
    member_id        uuid
);
create index application_view_status on application_view (status, submitted_on);

create table member_register (
    member_id      uuid         primary key,
    member_number  bigint       not null unique,
    application_id uuid         not null,
    name           varchar(200) not null,
    body_kind      varchar(40)  not null,
    street         varchar(200) not null,
    postal_code    varchar(20)  not null,
    city           varchar(100) not null,
    country        char(2)      not null,
    shares         integer      not null,
    joined_on      date         not null,
    recorded_at    timestamptz  not null
);
