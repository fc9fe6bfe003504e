-- Usage counted after a member's draft read its facts but before the invoice was issued was neither on the invoice nor
-- marked late (ADR 0029). The invoice's usage is what its draft read, so "late" is now decided against the draft.

-- Where a record was applied from: its usage partition and offset (null for records counted outside the stream's
-- order: a retried parked record, a rejected record accepted by finance or re-checked; they count as arriving at
-- recorded_at, which is then the moment of that decision, also when a rebuild replays them).
-- after_draft: counted while a run for its period existed and before the member's period was invoiced, so the
-- invoice's issue must decide whether its draft saw it (only these few records are looked at then).
alter table usage_record
    add column arrival_partition integer,
    add column arrival_offset    bigint,
    add column after_draft       boolean not null default false;
create index usage_record_after_draft on usage_record (member_number, used_from) where after_draft;

-- A drafted chunk's position: where billing stood in each usage partition in the snapshot its facts were read in
-- (usage_positions[partition + 1] = next offset), and when (for records counted outside the stream). Null for drafts
-- added one by one (capital calls, corrections by hand), whose invoices take the positions at issue as before.
alter table draft_document
    add column usage_positions  bigint[],
    add column usage_counted_at timestamptz;

-- invoiced_period.usage_positions are now the issued draft's (its usage as read), usage_counted_at its moment.
alter table invoiced_period add column usage_counted_at timestamptz;
update invoiced_period set usage_counted_at = invoiced_at;
alter table invoiced_period alter column usage_counted_at set not null;
