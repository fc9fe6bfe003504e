-- Projections of the catalog and the members' subscriptions (processing group "catalog"), rebuilt by replaying
-- the event store. Periods are inclusive on both ends; effective_to null = open.
create table catalog_service (
    code         varchar(40) primary key,
    service_id   uuid        not null unique,
    offered_from date        not null
);

create table catalog_service_version (
    code           varchar(40)  not null,
    version        integer      not null,
    name           varchar(200) not null,
    unit           varchar(20)  not null,
    kind           varchar(20)  not null,
    effective_from date         not null,
    recorded_at    timestamptz  not null,
    primary key (code, version)
);

-- One row per quantity period: a subscription, then one more row for each quantity change.
create table member_subscription (
    member_id      uuid        not null,
    member_number  bigint      not null,
    service_code   varchar(40) not null,
    effective_from date        not null,
    effective_to   date,
    quantity       integer     not null check (quantity > 0),
    primary key (member_id, service_code, effective_from),
    check (effective_to is null or effective_to >= effective_from)
);
create index member_subscription_by_number on member_subscription (member_number, service_code, effective_from);

-- The Member aggregate's version (sequence number of its latest event) as far as this projection has seen it:
-- the expectedVersion a client sends back with a subscription command.
create table member_version (
    member_id uuid   primary key,
    version   bigint not null
);
