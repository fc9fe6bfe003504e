-- Capital and the course of a membership, as billing needs them for capital calls and payouts (§73 GenG).
alter table member
    add column paid_in_capital     numeric(14, 2) not null default 0,
    add column status              varchar(20)    not null default 'ACTIVE',
    add column leaving_on          date,
    add column ended_on            date,
    add column capital_to_pay_out  numeric(14, 2),
    add column payout_due_by       date,
    add column successor_member_id uuid;
