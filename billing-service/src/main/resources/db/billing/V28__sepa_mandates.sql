-- SEPA direct debit mandates (issue 6): a member's authorisation to collect from its account. The reference is
-- unique for the creditor; a member has at most one active mandate (a new one ends the previous one). Whether the
-- next collection is FRST or RCUR follows from the collections under it (table direct_debit_collection).
create table sepa_mandate (
    id            bigserial    primary key,
    member_number bigint       not null,
    reference     varchar(35)  not null unique,
    signed_on     date         not null,
    debtor_name   varchar(70)  not null,
    iban          varchar(34)  not null,
    bic           varchar(11),
    ended_on      date,
    end_reason    varchar(20)  check (end_reason in ('REPLACED')),
    recorded_at   timestamptz  not null,
    recorded_by   varchar(100) not null,
    check ((ended_on is null) = (end_reason is null))
);

create unique index sepa_mandate_one_active on sepa_mandate (member_number) where ended_on is null;
create index sepa_mandate_by_iban on sepa_mandate (iban);
