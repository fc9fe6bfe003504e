-- E-invoices of issued documents (ADR 0022).
-- 1. How a document is paid, fixed at issue: the direct debit (mandate, creditor id, debited account) recorded in
--    DocumentIssued, projected here; null for credit transfer (and for documents issued before it was recorded).
alter table issued_document
    add column mandate_reference varchar(35),
    add column creditor_id       varchar(35),
    add column debited_iban      varchar(34),
    add column debtor_name       varchar(70);

-- 2. What was delivered: each format of a document is rendered once, the first time it is asked for, and these bytes
--    are served ever after, so neither a changed seller configuration nor new renderer code changes a document once
--    it went out (GoBD). Keyed by the document's number, not its id in the read model: a rebuild of issued_document
--    must not touch what was sent. Rows are never changed or deleted.
create table document_file (
    document_number varchar(40)  not null,
    format          varchar(20)  not null check (format in ('XRECHNUNG_UBL', 'XRECHNUNG_CII', 'PDF')),
    media_type      varchar(50)  not null,
    file_name       varchar(80)  not null,
    content         bytea        not null,
    sha256          char(64)     not null,
    rendered_at     timestamptz  not null,
    primary key (document_number, format)
);

create function document_file_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'a delivered document file is never changed or deleted (% %)', old.document_number, old.format;
end;
$$;

create trigger document_file_is_final before update or delete on document_file
    for each row execute function document_file_is_final();
