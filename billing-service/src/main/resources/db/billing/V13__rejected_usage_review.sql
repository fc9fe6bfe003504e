-- Finance reviews rejected usage: accepts it after a re-check (e.g. the subscription arrived later) or dismisses it.
alter table rejected_usage drop constraint rejected_usage_status_check;
alter table rejected_usage add constraint rejected_usage_status_check check (status in ('OPEN', 'ACCEPTED', 'DISMISSED'));
alter table rejected_usage
    add column resolved_by varchar(100),
    add column resolved_at timestamptz,
    add column resolution  varchar(1000);
