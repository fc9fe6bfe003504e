-- §76 GenG: transfers agreed for an applicant, carried out at its admission (processing group admission-transfers).
create table applicant_transfer (
    application_id uuid          not null,
    from_member_id uuid          not null,
    shares         integer       not null,
    agreed_on      date          not null,
    status         varchar(20)   not null check (status in ('AGREED', 'DONE', 'FAILED')),
    reason         varchar(2000),
    member_id      uuid,
    primary key (application_id, from_member_id)
);
