-- The address is part of the register (§30 GenG): each change row carries the address after it, so the register
-- read as of a date shows the address of that date.
alter table register_change
    add column street      varchar(200),
    add column postal_code varchar(20),
    add column city        varchar(100),
    add column country     char(2);
update register_change c set street = m.street, postal_code = m.postal_code, city = m.city, country = m.country
from member_register m where m.member_id = c.member_id;
