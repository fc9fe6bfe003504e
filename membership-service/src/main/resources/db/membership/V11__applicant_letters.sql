-- Letters to applicants (admitted, rejected, withdrawn), queued in the transaction that decides, so none is lost
-- and none is sent twice; the sender deletes a letter once the mail server took it (its personal data goes with it).
create table letter_outbox (
    id             uuid          primary key,
    application_id uuid          not null,
    recipient      varchar(320)  not null,
    subject        varchar(300)  not null,
    body           text          not null,
    queued_at      timestamptz   not null,
    attempts       integer       not null default 0,
    last_error     varchar(1000),
    unique (application_id, recipient, subject)
);
