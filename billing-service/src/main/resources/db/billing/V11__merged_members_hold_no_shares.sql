-- A member merged into its successor (§77a GenG) holds no shares until its membership ends.
alter table member drop constraint member_shares_check;
alter table member add constraint member_shares_not_negative check (shares >= 0);
