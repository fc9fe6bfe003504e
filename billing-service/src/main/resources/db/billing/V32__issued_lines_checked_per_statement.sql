-- Lines are written a chunk of drafts at a time (ADR 0023). The check that an issued draft's lines stay final ran
-- once per inserted row, as a lookup the planner may plan for an empty table (a scan of every issued draft, once per
-- line: with thousands issued, a chunk's insert ran into the statement timeout). Inserts are now checked once per
-- statement, by a join of the inserted lines with their drafts; updates and deletes stay checked per row.
drop trigger issued_lines_are_final on draft_line;
create trigger issued_lines_are_final before update or delete on draft_line
    for each row execute function issued_lines_are_final();

create function issued_lines_are_final_on_insert() returns trigger language plpgsql as $$
declare
    issued uuid;
begin
    select d.draft_id into issued
    from inserted_lines l join draft_document d on d.draft_id = l.draft_id
    where d.status = 'ISSUED'
    limit 1;
    if issued is not null then
        raise exception 'lines of draft % are final: it was issued', issued;
    end if;
    return null;
end $$;
create trigger issued_lines_are_final_on_insert after insert on draft_line
    referencing new table as inserted_lines
    for each statement execute function issued_lines_are_final_on_insert();
