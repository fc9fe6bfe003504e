-- SEPA direct debit files (pain.008) and the collections in them (issue 6). An open item is collected once: while
-- a collection of it stands (SUBMITTED) no other file takes it (partial unique index); a RETURNED one frees it.
create table direct_debit_file (
    id                     bigserial     primary key,
    message_id             varchar(35)   not null unique,
    collection_date        date          not null,
    creditor_id            varchar(35)   not null,
    number_of_transactions integer       not null check (number_of_transactions > 0),
    control_sum            numeric(14,2) not null check (control_sum > 0),
    document               text          not null,
    created_at             timestamptz   not null,
    created_by             varchar(100)  not null
);

create table direct_debit_collection (
    id                     bigserial     primary key,
    file_id                bigint        not null references direct_debit_file,
    open_item_id           bigint        not null references open_item,
    mandate_id             bigint        not null references sepa_mandate,
    end_to_end_id          varchar(35)   not null unique,
    payment_information_id varchar(35)   not null,
    sequence_type          varchar(4)    not null check (sequence_type in ('FRST', 'RCUR')),
    amount                 numeric(14,2) not null check (amount > 0),
    status                 varchar(10)   not null default 'SUBMITTED' check (status in ('SUBMITTED', 'RETURNED')),
    returned_on            date,
    return_reason          varchar(35),
    check ((status = 'RETURNED') = (returned_on is not null))
);

create unique index direct_debit_collected_once on direct_debit_collection (open_item_id) where status = 'SUBMITTED';
create index direct_debit_collection_by_mandate on direct_debit_collection (mandate_id);
create index direct_debit_collection_by_file on direct_debit_collection (file_id);
