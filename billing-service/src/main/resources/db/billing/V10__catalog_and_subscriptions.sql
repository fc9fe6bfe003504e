-- The service catalog and the members' subscriptions as billing sees them, projected from allmende.membership.v1.
-- All periods are inclusive on both ends; effective_to null = open.
create table catalog_service (
    code         varchar(40) primary key,
    service_id   uuid        not null unique,
    offered_from date        not null,
    updated_at   timestamptz not null
);

-- Each version applies from its effective_from until the day before the next version's.
create table catalog_service_version (
    code           varchar(40)  not null,
    version        integer      not null,
    name           varchar(200) not null,
    unit           varchar(20)  not null,
    kind           varchar(20)  not null,
    effective_from date         not null,
    updated_at     timestamptz  not null,
    primary key (code, version)
);

-- One row per period with one quantity. "Which services did member X use on day D":
--   where member_number = X and effective_from <= D and (effective_to is null or effective_to >= D)
create table subscription (
    member_id      uuid        not null,
    member_number  bigint      not null,
    service_code   varchar(40) not null,
    effective_from date        not null,
    effective_to   date,
    quantity       integer     not null check (quantity > 0),
    updated_at     timestamptz not null,
    primary key (member_id, service_code, effective_from),
    check (effective_to is null or effective_to >= effective_from)
);
create index subscription_by_member_and_day on subscription (member_number, effective_from, effective_to);
