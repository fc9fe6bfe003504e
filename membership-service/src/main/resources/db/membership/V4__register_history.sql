-- The member register (§30 GenG) as it stands, and every change with the date it takes effect and the moment
-- it was recorded: the register can be read as of any date, as known at any time (bitemporal).
alter table member_register
    add column status                     varchar(20)   not null default 'ACTIVE',
    add column paid_in_capital            numeric(14, 2) not null default 0,
    add column leaving_on                 date,
    add column leaving_cause              varchar(20),
    add column partial_notice_shares      integer,
    add column partial_notice_effective_on date,
    add column ended_on                   date,
    add column successor_member_id        uuid;

create table register_change (
    event_id        varchar(255)   primary key,
    member_id       uuid           not null,
    member_number   bigint         not null,
    kind            varchar(40)    not null,
    description     varchar(2000)  not null,
    shares_after    integer        not null,
    capital_after   numeric(14, 2) not null,
    status_after    varchar(20)    not null,
    effective_on    date           not null,
    recorded_at     timestamptz    not null
);
create index register_change_member on register_change (member_id, effective_on, recorded_at);

-- The board's queue: requests for voluntary shares and proposals to raise obligatory shares (§7a, §15b GenG).
create table share_request (
    request_id   uuid          primary key,
    member_id    uuid          not null,
    kind         varchar(20)   not null check (kind in ('REQUEST', 'PROPOSAL')),
    shares       integer       not null,
    requested_on date          not null,
    requested_by varchar(100),
    status       varchar(20)   not null,
    decided_on   date,
    decided_by   varchar(100)
);
