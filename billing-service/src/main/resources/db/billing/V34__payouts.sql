-- Payouts of capital (§73 GenG, ADR 0024): after a membership ended, or after voluntary shares were given up, the
-- capital is paid out by a date, set off against the member's open items first. payout_id is the id of the
-- membership event that made it due, so the same event read twice makes one payout.
create table payout (
    payout_id      uuid          primary key,
    member_id      uuid          not null,
    member_number  bigint        not null,
    cause          varchar(20)   not null check (cause in ('EXIT', 'SHARES_GIVEN_UP')),
    effective_on   date          not null,
    due_by         date          not null,
    currency       char(3)       not null check (currency = 'EUR'),
    capital        numeric(14,2) not null check (capital > 0),
    status         varchar(10)   not null check (status in ('DUE', 'PAID')),
    netted         numeric(14,2),
    paid_out       numeric(14,2),
    paid_on        date,
    reference      varchar(35),
    recorded_at    timestamptz   not null,
    paid_at        timestamptz,
    paid_by        varchar(100),
    check ((status = 'PAID') = (paid_on is not null)),
    check (status = 'DUE' or netted + paid_out = capital)
);
create index payout_due on payout (due_by, member_number) where status = 'DUE';
create index payout_by_member on payout (member_number, effective_on);

-- A payout set off against an open item is an allocation of its own kind.
alter table allocation add column payout_id uuid references payout;
alter table allocation drop constraint allocation_check;
alter table allocation add constraint allocation_one_source check (num_nonnulls(payment_id, credit_item_id, payout_id) = 1);
