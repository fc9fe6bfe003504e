-- Payments (issue 6): money received from the bank (camt.053 statements) or entered by finance, and what it paid.
-- bank_reference identifies a payment (the bank's entry reference, or what finance entered): the unique
-- constraint is what makes importing a statement twice book nothing twice.

-- Each import of a statement, as it was received (the answer lists what became of each entry).
create table statement_import (
    id            bigserial    primary key,
    format        varchar(20)  not null,
    message_id    varchar(35),
    statement_id  varchar(35)  not null,
    account_iban  varchar(34),
    sha256        char(64)     not null,
    entries       integer      not null,
    booked        integer      not null,
    duplicates    integer      not null,
    imported_at   timestamptz  not null,
    imported_by   varchar(100) not null
);

-- RECEIVED: money in (amount > 0). RETURN: a direct debit the debtor's bank gave back (amount < 0), which
-- re-opens the item the collection had paid. member_number is the account the payment is booked to; null while
-- it is unmatched (finance assigns it by hand). unallocated is what of a received payment has paid no item yet:
-- the member's credit balance, applied to the next open item.
create table payment (
    id                  bigserial     primary key,
    bank_reference      varchar(140)  not null unique,
    kind                varchar(10)   not null check (kind in ('RECEIVED', 'RETURN')),
    source              varchar(10)   not null check (source in ('MANUAL', 'CAMT053')),
    statement_import_id bigint        references statement_import,
    amount              numeric(14,2) not null,
    currency            char(3)       not null check (currency = 'EUR'),
    booked_on           date          not null,
    value_date          date,
    remittance_text     varchar(1000),
    end_to_end_id       varchar(35),
    mandate_reference   varchar(35),
    debtor_name         varchar(140),
    debtor_iban         varchar(34),
    return_reason       varchar(35),
    -- who the payment named (a member number entered or found in the text, or a mandate's IBAN), matched or not
    member_hint         bigint,
    member_number       bigint,
    matched_by          varchar(20)
        check (matched_by in ('DIRECT_DEBIT', 'DOCUMENT_NUMBER', 'MEMBER_AND_AMOUNT', 'ASSIGNED')),
    unallocated         numeric(14,2) not null,
    recorded_at         timestamptz   not null,
    recorded_by         varchar(100)  not null,
    assigned_at         timestamptz,
    assigned_by         varchar(100),
    check ((kind = 'RECEIVED' and amount > 0) or (kind = 'RETURN' and amount < 0)),
    check (unallocated >= 0 and unallocated <= greatest(amount, 0)),
    check ((member_number is null) = (matched_by is null))
);

create index payment_by_member on payment (member_number, booked_on, id) where member_number is not null;
create index payment_unmatched on payment (id) where member_number is null;
create index payment_credit_left on payment (member_number, booked_on, id) where unallocated > 0;
create index payment_by_end_to_end_id on payment (end_to_end_id) where end_to_end_id is not null;

-- What paid what: a payment (or a return, negatively) or a credit note's credit, applied to an open item.
create table allocation (
    id             bigserial     primary key,
    open_item_id   bigint        not null references open_item,
    payment_id     bigint        references payment,
    credit_item_id bigint        references open_item,
    amount         numeric(14,2) not null check (amount <> 0),
    allocated_on   date          not null,
    recorded_at    timestamptz   not null,
    check (num_nonnulls(payment_id, credit_item_id) = 1)
);

create index allocation_by_item on allocation (open_item_id);
create index allocation_by_payment on allocation (payment_id) where payment_id is not null;
