-- Capital calls and billing's facts as events (ADR 0024).

-- Every allocation is announced once in one of billing's events (PaymentReceived, PaymentAllocated, PayoutMade),
-- appended to billing's event store in the transaction that made the allocation. Those made before: announced.
alter table allocation add column announced boolean not null default false;
update allocation set announced = true;
create index allocation_not_announced on allocation (id) where not announced;

-- Billing's allocations to capital calls that membership has recorded as paid-in capital (its
-- CapitalPaymentRecorded names the allocation). Until then, a capital call run counts them as paid but not yet in
-- the member's paid-in capital, so it never calls the same capital twice.
create table capital_acknowledged (
    allocation_id bigint      primary key,
    amount        numeric(14,2) not null,
    recorded_at   timestamptz not null
);
-- Capital paid through billing before its payments were published was recorded in membership by hand.
insert into capital_acknowledged (allocation_id, amount, recorded_at)
select a.id, a.amount, now() from allocation a join open_item i on i.id = a.open_item_id
where i.document_type = 'CAPITAL_CALL';
