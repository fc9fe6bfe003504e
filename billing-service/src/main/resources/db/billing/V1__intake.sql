-- Where billing stands in each Kafka partition. Written in the same transaction as the projections, so a crash
-- or a redelivery can never count a record twice or lose one (ADR 0005).
create table consumer_offset (
    consumer_group varchar(100) not null,
    topic          varchar(200) not null,
    partition_no   integer      not null,
    next_offset    bigint       not null,
    updated_at     timestamptz  not null,
    primary key (consumer_group, topic, partition_no)
);

-- Every applied event, by the producer's event id: the same event delivered twice is applied once.
create table applied_event (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    topic        varchar(200) not null,
    partition_no integer      not null,
    kafka_offset bigint       not null,
    applied_at   timestamptz  not null
);

-- Records billing could not apply, kept with their reason until fixed. A record whose key has an open parked
-- record waits behind it (blocked_by), so each member's events stay in order.
create table parked_record (
    id             bigserial     primary key,
    topic          varchar(200)  not null,
    partition_no   integer       not null,
    kafka_offset   bigint        not null,
    record_key     varchar(200),
    event_type     varchar(100),
    event_id       varchar(100),
    schema_version varchar(20),
    headers        text          not null,
    payload        bytea,
    reason         varchar(2000) not null,
    blocked_by     bigint        references parked_record (id),
    status         varchar(20)   not null check (status in ('PARKED', 'APPLIED', 'DISCARDED')),
    attempts       integer       not null default 0,
    parked_at      timestamptz   not null,
    resolved_at    timestamptz,
    resolved_by    varchar(100),
    resolution     varchar(1000),
    unique (topic, partition_no, kafka_offset)
);
create index parked_record_open_by_key on parked_record (topic, record_key, kafka_offset) where status = 'PARKED';
