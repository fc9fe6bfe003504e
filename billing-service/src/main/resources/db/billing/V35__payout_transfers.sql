-- The transfer of a payout's rest (ADR 0024): the member's account it went to and, where the cooperative's own
-- account is configured, the SEPA credit transfer file (pain.001.001.03) as made, for the bank.
alter table payout
    add column account_iban   varchar(34),
    add column account_bic    varchar(11),
    add column account_holder varchar(70),
    add column message_id     varchar(35),
    add column pain001        text;
