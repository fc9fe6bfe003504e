-- Dunning (issue 6): each run raises each overdue item at most one level; a level is reached once per item
-- (primary key), and its fee, if any, is an open item of its own (type DUNNING_FEE).
create table dunning_run (
    id     bigserial    primary key,
    run_on date         not null,
    run_at timestamptz  not null,
    run_by varchar(100) not null
);

create table dunning_notice (
    open_item_id bigint        not null references open_item,
    level        integer       not null check (level >= 1),
    run_id       bigint        not null references dunning_run,
    noticed_on   date          not null,
    open_amount  numeric(14,2) not null check (open_amount > 0),
    fee          numeric(14,2) not null check (fee >= 0),
    fee_item_id  bigint        references open_item,
    primary key (open_item_id, level)
);

create index dunning_notice_by_run on dunning_notice (run_id);
