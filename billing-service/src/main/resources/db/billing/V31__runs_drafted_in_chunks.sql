-- Invoice runs drafted in chunks (ADR 0023): the drafts of a run are written a few hundred members per transaction,
-- so a run is complete only once its last chunk is written. A run drafted by the invoice run starts DRAFTING and
-- becomes DRAFTED in the transaction that writes its last chunk; a run whose drafting broke off stays DRAFTING, is
-- shown as incomplete and cannot be issued. Runs drafted draft by draft (corrections, capital calls, and every run
-- from before this migration) are DRAFTED from the start: each of their drafts is committed on its own.
alter table invoice_run
    add column status varchar(20) not null default 'DRAFTED' check (status in ('DRAFTING', 'DRAFTED')),
    add column drafted_at timestamptz;

-- The members a run could not draft, and why: kept with the run, so its review shows them later as well.
create table invoice_run_skipped (
    run_id        uuid          not null references invoice_run (run_id),
    member_number bigint        not null,
    rule          varchar(60)   not null,
    reason        varchar(1000) not null,
    primary key (run_id, member_number)
);
