-- Invoice runs and their drafts, and the number series (ADR 0019). A run produces drafts; finance reviews and
-- issues them. Issuing a draft takes the next number of its series, appends the document's event to billing's
-- event store and marks the draft ISSUED, all in one transaction.

-- One counter per document type and year, locked (select ... for update) while a number is taken: numbers are
-- unique and gapless, and a rolled-back issue gives its number back. The pattern is fixed with the year's first
-- number.
create table document_series (
    document_type varchar(20) not null check (document_type in ('INVOICE', 'CREDIT_NOTE', 'CAPITAL_CALL')),
    year          integer     not null,
    pattern       varchar(60) not null,
    last_number   bigint      not null check (last_number >= 0),
    primary key (document_type, year)
);

create table invoice_run (
    run_id      uuid         primary key,
    kind        varchar(20)  not null check (kind in ('CONTRIBUTIONS', 'CAPITAL_CALL', 'CORRECTION')),
    period_from date         not null,
    period_to   date         not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    check (period_to >= period_from)
);

create table draft_document (
    draft_id         uuid          primary key,
    run_id           uuid          not null references invoice_run (run_id),
    -- the run's kind and period, copied so the guard below can be an index
    run_kind         varchar(20)   not null,
    period_from      date          not null,
    period_to        date          not null,
    document_type    varchar(20)   not null check (document_type in ('INVOICE', 'CREDIT_NOTE', 'CAPITAL_CALL')),
    member_number    bigint        not null,
    refers_to_number varchar(40),
    status           varchar(20)   not null check (status in ('DRAFT', 'ISSUED', 'SUPERSEDED', 'FAILED')),
    created_at       timestamptz   not null,
    -- set when issued (the document id is the draft id)
    document_number  varchar(40)   unique,
    member_id        uuid,
    issued_on        date,
    issued_at        timestamptz,
    -- set when another run's document for the same member and period was issued first
    superseded_by    varchar(40),
    -- the rule the last attempt to issue broke; the next attempt tries again
    failure_rule     varchar(60),
    failure_message  varchar(1000),
    check ((status = 'ISSUED') = (document_number is not null)),
    check ((document_type = 'CREDIT_NOTE') = (refers_to_number is not null))
);
-- One draft per member and run (per referred invoice for credit notes).
create unique index draft_document_one_per_member_in_run
    on draft_document (run_id, member_number, document_type, coalesce(refers_to_number, ''));
-- The final guard: one invoice (capital call) per member, period and kind of run, whichever run issues it first.
create unique index draft_document_issued_once
    on draft_document (document_type, run_kind, member_number, period_from, period_to)
    where status = 'ISSUED' and document_type <> 'CREDIT_NOTE';
create index draft_document_of_run on draft_document (run_id, member_number);
create index draft_document_credit_notes on draft_document (refers_to_number) where status = 'ISSUED';

create table draft_line (
    draft_id         uuid           not null references draft_document (draft_id),
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
    primary key (draft_id, line_no)
);

-- An issued document is never changed: its draft and lines are final once issued.
create function issued_draft_is_final() returns trigger language plpgsql as $$
begin
    if old.status = 'ISSUED' then
        raise exception 'draft % was issued as % and is final', old.draft_id, old.document_number;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger issued_draft_is_final before update or delete on draft_document
    for each row execute function issued_draft_is_final();

create function issued_lines_are_final() returns trigger language plpgsql as $$
declare
    draft uuid := case when tg_op = 'INSERT' then new.draft_id else old.draft_id end;
begin
    if exists (select 1 from draft_document where draft_id = draft and status = 'ISSUED') then
        raise exception 'lines of draft % are final: it was issued', draft;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger issued_lines_are_final before insert or update or delete on draft_line
    for each row execute function issued_lines_are_final();
