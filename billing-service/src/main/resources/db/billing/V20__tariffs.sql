-- Price plans (issue 6: tariffs), published by finance as versions: each applies from its effective_from until the
-- day before the next version of the same service. Never edited or deleted: a new price is a new version.
-- unit and kind are the catalog's for the service on effective_from (kind decides VAT: goods are always taxed);
-- model is the price model as JSON (org.allmende.billing.tariff.PriceModelData).
create table price_plan (
    service_code          varchar(40)  not null,
    effective_from        date         not null,
    unit                  varchar(20)  not null,
    kind                  varchar(20)  not null check (kind in ('SERVICE', 'GOODS')),
    cost_sharing_eligible boolean      not null check (not (cost_sharing_eligible and kind = 'GOODS')),
    model                 jsonb        not null,
    recorded_at           timestamptz  not null,
    recorded_by           varchar(100) not null,
    primary key (service_code, effective_from)
);
