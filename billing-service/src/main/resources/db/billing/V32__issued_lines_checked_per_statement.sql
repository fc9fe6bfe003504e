-- Lines are written a chunk of drafts at a time (ADR 0023). The check that an issued draft's lines stay final ran
-- once per inserted row, as a lookup the planner may plan for an empty table (a scan of every issued draft, once per
-- line: with thousands issued, a chunk's insert ran into the statement timeout). Inserts are now checked once per
-- statement, once per draft of the inserted lines; updates and deletes stay checked per row.
drop trigger issued_lines_are_final on draft_line;
create trigger issued_lines_are_final before update or delete on draft_line
    for each row execute function issued_lines_are_final();

-- One primary-key probe per draft of the statement, never a join the planner could turn into a scan of every issued
-- draft (the transition table has no statistics).
create function issued_lines_are_final_on_insert() returns trigger language plpgsql as $$
declare
    draft uuid;
begin
    for draft in select distinct draft_id from inserted_lines loop
        if (select status from draft_document where draft_id = draft) = 'ISSUED' then
            raise exception 'lines of draft % are final: it was issued', draft;
        end if;
    end loop;
    return null;
end $$;
create trigger issued_lines_are_final_on_insert after insert on draft_line
    referencing new table as inserted_lines
    for each statement execute function issued_lines_are_final_on_insert();
