-- Membership reads billing's facts (allmende.billing.v1, ADR 0024): capital paid through billing and payouts.

-- Where the consumer stands in each partition. The Member aggregate records each billing allocation and payout
-- once, so a record read again after a crash (the offset is stored after the command) changes nothing.
create table billing_intake_offset (
    topic        varchar(200) not null,
    partition_no integer      not null,
    next_offset  bigint       not null,
    updated_at   timestamptz  not null,
    primary key (topic, partition_no)
);

-- Records membership could not apply (malformed, a newer schema, a member it does not know, a rule refused):
-- kept with the reason for an operator, never silently dropped.
create table billing_intake_parked (
    id           bigserial     primary key,
    topic        varchar(200)  not null,
    partition_no integer       not null,
    kafka_offset bigint        not null,
    record_key   varchar(200),
    event_type   varchar(100),
    event_id     varchar(100),
    reason       varchar(60)   not null,
    detail       varchar(2000) not null,
    payload      bytea,
    parked_at    timestamptz   not null,
    unique (topic, partition_no, kafka_offset)
);
