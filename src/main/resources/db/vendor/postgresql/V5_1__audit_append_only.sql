-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): the audit trail is append-only in the
-- database too. Any UPDATE, DELETE or TRUNCATE of audit_entry fails, whoever sends it.

create function audit_entry_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
