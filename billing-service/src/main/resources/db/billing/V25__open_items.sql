-- The open-items ledger (issue 6, payments): every issued document that asks a member for money or credits it,
-- and what of it is still open. Amounts are signed from the member's side: positive = the member owes (invoice,
-- capital call, dunning fee), negative = the cooperative owes (credit note). open_amount moves towards 0 as
-- payments and credits are allocated to the item (table allocation), never past it. A document number is an
-- item once: adding it again changes nothing.
create table open_item (
    id              bigserial     primary key,
    member_number   bigint        not null,
    document_number varchar(40)   not null unique,
    document_type   varchar(20)   not null
        check (document_type in ('INVOICE', 'CREDIT_NOTE', 'CAPITAL_CALL', 'DUNNING_FEE')),
    -- a credit note: the invoice it takes back; a dunning fee: the item that was dunned
    refers_to       varchar(40),
    issued_on       date          not null,
    due_on          date          not null check (due_on >= issued_on),
    currency        char(3)       not null check (currency = 'EUR'),
    amount_gross    numeric(14,2) not null,
    open_amount     numeric(14,2) not null,
    -- the highest dunning level reached, and when (table dunning_notice keeps each notice)
    dunning_level   integer       not null default 0 check (dunning_level >= 0),
    last_dunned_on  date,
    recorded_at     timestamptz   not null,
    check ((document_type = 'CREDIT_NOTE' and amount_gross <= 0)
        or (document_type <> 'CREDIT_NOTE' and amount_gross >= 0)),
    check (open_amount between least(amount_gross, 0) and greatest(amount_gross, 0))
);

create index open_item_open_by_member on open_item (member_number, due_on, id) where open_amount <> 0;
create index open_item_by_member on open_item (member_number, issued_on, id);
