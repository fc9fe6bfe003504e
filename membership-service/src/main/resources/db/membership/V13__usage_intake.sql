-- Usage records taken in over HTTP and acknowledged by Kafka: (sending_system, record_id) is the sender's
-- idempotency key, so a record sent again is answered as a duplicate and never published twice by a finished
-- batch. Only records that made it onto the usage topic are here (a batch removes the keys Kafka did not take
-- before it commits); rejected records are not remembered, the sender may correct and send them again.
-- member_number, service_code and quantity are what a reversal is checked against.
create table usage_intake (
    sending_system     varchar(100)   not null,
    record_id          varchar(200)   not null,
    member_number      bigint         not null,
    service_code       varchar(40)    not null,
    quantity           numeric(18, 4) not null check (quantity > 0),
    reverses_record_id varchar(200),
    accepted_at        timestamptz    not null,
    primary key (sending_system, record_id)
);

-- What has been taken back of an original already: the sum of its reversals.
create index usage_intake_reversals on usage_intake (sending_system, reverses_record_id)
    where reverses_record_id is not null;
