-- Late usage (ADR 0018) becomes CORRECTION lines in the member's next invoice run (ADR 0025). Both tables live
-- outside the usage projections: a usage rebuild (truncate usage_record, usage_daily; replay from offset 0) leaves
-- them alone, so a record corrected once is never corrected again, whatever is rebuilt or rerun.

-- The late records a draft's correction lines carry, written with the draft.
create table draft_late_usage (
    draft_id       uuid         not null references draft_document (draft_id),
    sending_system varchar(100) not null,
    record_id      varchar(200) not null,
    primary key (draft_id, sending_system, record_id)
);
create index draft_late_usage_of_record on draft_late_usage (sending_system, record_id);

-- A late record settled by the invoice that corrected it: once, by the first invoice issued with it.
create table late_usage_settlement (
    sending_system  varchar(100) not null,
    record_id       varchar(200) not null,
    member_number   bigint       not null,
    document_number varchar(40)  not null,
    settled_at      timestamptz  not null,
    primary key (sending_system, record_id)
);
