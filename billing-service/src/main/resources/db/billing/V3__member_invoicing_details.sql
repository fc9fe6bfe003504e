-- What billing needs for e-invoices and fees by size: the Leitweg-ID (buyer reference, BT-10), the AGS,
-- inhabitants and staff.
alter table member
    add column ags                        char(8),
    add column inhabitants                bigint,
    add column inhabitants_reference_date date,
    add column staff_count                integer,
    add column leitweg_id                 varchar(46);
