-- The register shows the capital still owed to a member after exit or given-up shares (§73 GenG), down to zero
-- when billing paid it out, and money billing allocated to capital that the shares could not take (held).
alter table member_register
    add column capital_to_pay_out numeric(14, 2) not null default 0,
    add column capital_held       numeric(14, 2) not null default 0;

-- Projection of CapitalPaymentHeld (processing group "register").
create table capital_payment_held (
    allocation_id bigint        primary key,
    member_id     uuid          not null,
    member_number bigint        not null,
    amount        numeric(14, 2) not null,
    paid_on       date          not null,
    reference     varchar(200),
    reason        varchar(60)   not null,
    recorded_at   timestamptz   not null
);
