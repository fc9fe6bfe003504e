-- Usage as the sending systems report it (issue: usage metering). The pair (sending_system, record_id) is the
-- idempotency key, enforced here: a record delivered again is a duplicate, never counted twice.
create table usage_record (
    sending_system     varchar(100)   not null,
    record_id          varchar(200)   not null,
    member_number      bigint         not null,
    service_code       varchar(40)    not null,
    quantity           numeric(18, 4) not null check (quantity > 0),
    unit               varchar(20)    not null,
    used_from          date           not null,
    used_to            date           not null,
    reverses_record_id varchar(200),
    recorded_at        timestamptz    not null,
    primary key (sending_system, record_id)
);

-- Totals per member, service and day; a reversal subtracts what its original added.
create table usage_daily (
    member_number bigint         not null,
    service_code  varchar(40)    not null,
    day           date           not null,
    quantity      numeric(18, 4) not null,
    unit          varchar(20)    not null,
    primary key (member_number, service_code, day)
);

-- Records that break a rule: kept with the reason for finance to review, never dropped silently.
create table rejected_usage (
    sending_system varchar(100)  not null,
    record_id      varchar(200)  not null,
    member_number  bigint,
    service_code   varchar(40),
    payload        text          not null,
    rule           varchar(60)   not null,
    reason         varchar(1000) not null,
    status         varchar(20)   not null default 'OPEN' check (status in ('OPEN', 'DISMISSED')),
    rejected_at    timestamptz   not null,
    primary key (sending_system, record_id)
);
