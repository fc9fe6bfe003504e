-- Admission by the board's vote, the application's details, and personal data kept apart (ADR 0012).
alter table application_view
    add column ags                        char(8),
    add column inhabitants                bigint,
    add column inhabitants_reference_date date,
    add column staff_count                integer,
    add column leitweg_id                 varchar(46),
    add column requested_services         varchar(1000),
    add column statutes_version           varchar(40),
    add column approvals                  integer not null default 0,
    add column rejections                 integer not null default 0,
    add column abstentions                integer not null default 0;

create table application_vote (
    application_id uuid         not null,
    board_member   varchar(100) not null,
    kind           varchar(20)  not null check (kind in ('VOTE', 'CONFLICT')),
    vote           varchar(20),
    comment        varchar(2000),
    cast_on        date         not null,
    primary key (application_id, board_member)
);

alter table member_register
    add column ags                        char(8),
    add column inhabitants                bigint,
    add column inhabitants_reference_date date,
    add column staff_count                integer,
    add column leitweg_id                 varchar(46);

-- Personal data of the applicants' and members' contact persons. Not event-sourced, so it can be erased:
-- on rejection and withdrawal the rows go (GDPR Art. 17); the events only ever carry the body's data.
create table contact_person (
    id             uuid          primary key,
    application_id uuid          not null,
    position       integer       not null,
    name           varchar(200)  not null,
    role           varchar(200),
    email          varchar(320)  not null,
    phone          varchar(50),
    recorded_at    timestamptz   not null
);
create index contact_person_application on contact_person (application_id);

-- The applicant's secret to withdraw without a login: only its SHA-256 is kept.
create table application_access (
    application_id uuid     primary key,
    token_sha256   char(64) not null
);
