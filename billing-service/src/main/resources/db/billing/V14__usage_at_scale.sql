-- Periods already invoiced per member (the invoicing issue writes them when it issues an invoice), with where
-- billing stood in each usage partition at that moment (usage_positions[partition + 1] = next offset). A usage
-- record of such a period applied from a later offset arrived after the invoice: it is marked as a correction for
-- the next run. Offsets, not clocks, decide, so a rebuild from offset 0 marks exactly the same records.
create table invoiced_period (
    member_number   bigint      not null,
    period_from     date        not null,
    period_to       date        not null,
    document_number varchar(40) not null,
    invoiced_at     timestamptz not null,
    usage_positions bigint[]    not null,
    primary key (member_number, period_from, period_to, document_number),
    check (period_to >= period_from)
);

alter table usage_record add column late_for_document varchar(40);
create index usage_record_late on usage_record (member_number, used_from) where late_for_document is not null;

-- What is left of an original after its reversals is summed over this index.
create index usage_record_reversals on usage_record (sending_system, reverses_record_id)
    where reverses_record_id is not null;
