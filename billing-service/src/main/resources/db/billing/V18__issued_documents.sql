-- Issued documents as finance and members read them: a projection of billing's event store (the `documents`
-- tracking processor). A replay deletes these rows and writes them again from the events; it takes no number and
-- appends nothing (ADR 0019).
create table issued_document (
    document_id      uuid           primary key,
    number           varchar(40)    not null unique,
    document_type    varchar(20)    not null,
    run_id           uuid           not null,
    run_kind         varchar(20)    not null,
    member_id        uuid           not null,
    member_number    bigint         not null,
    buyer_name       varchar(200)   not null,
    street           varchar(200)   not null,
    postal_code      varchar(20)    not null,
    city             varchar(100)   not null,
    country          char(2)        not null,
    leitweg_id       varchar(46),
    period_from      date           not null,
    period_to        date           not null,
    issued_on        date           not null,
    due_on           date,
    refers_to_number varchar(40),
    currency         char(3)        not null,
    net_total        numeric(14, 2) not null,
    vat_total        numeric(14, 2) not null,
    gross_total      numeric(14, 2) not null,
    event_id         varchar(255)   not null unique,
    recorded_at      timestamptz    not null
);
create index issued_document_of_member on issued_document (member_number, issued_on);

create table issued_vat_subtotal (
    document_id  uuid           not null references issued_document (document_id),
    subtotal_no  integer        not null,
    regime       varchar(30)    not null,
    rate_percent numeric(5, 2)  not null,
    net          numeric(14, 2) not null,
    vat          numeric(14, 2) not null,
    gross        numeric(14, 2) not null,
    primary key (document_id, subtotal_no),
    unique (document_id, regime, rate_percent)
);

create table issued_line (
    document_id      uuid           not null references issued_document (document_id),
    line_no          integer        not null,
    kind             varchar(20)    not null,
    description      varchar(300)   not null,
    service_code     varchar(40),
    quantity         numeric(18, 4) not null,
    unit             varchar(20)    not null,
    unit_price       numeric(18, 4) not null,
    net              numeric(14, 2) not null,
    vat_rate_percent numeric(5, 2)  not null,
    regime           varchar(30)    not null,
    vat              numeric(14, 2) not null,
    gross            numeric(14, 2) not null,
    primary key (document_id, line_no)
);
