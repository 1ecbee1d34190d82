// Frozen in time: never import application code here.
// Coding a span, fewer steps per write (issue 19, fifth round):
// - audit_chain_head(key): takes the audit chain's advisory lock and then reads the last hash, in
//   one round trip. A VOLATILE PL/pgSQL function reads with a fresh snapshot after the lock, so
//   the chain cannot fork on PostgreSQL (a single statement would read with the snapshot it began
//   with, taken before the lock).
// - The research-count triggers on codings take their share lock on the inspections and stop
//   there when none of them is published (every coding of an inspection still in progress), so a
//   coding pays one statement in the trigger instead of the lock, a join and two nested calls.
//   The lock is still taken on every inspection, published or not: a publication running at the
//   same time waits for the coding (and counts it), as before.
// - apply_coding_deltas locks the codes it counts FOR NO KEY UPDATE (was FOR UPDATE): the
//   coding's foreign-key check holds FOR KEY SHARE on its code, and FOR UPDATE conflicts with
//   it, so two people coding with the same code at once on PostgreSQL deadlocked (each held the
//   key share the other's count needed). The count update itself needs no more than this lock.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function apply_coding_deltas(deltas jsonb) returns void language plpgsql as $fn$
    begin
      perform 1 from codes where id in (select (d->>'code')::uuid from jsonb_array_elements(deltas) d)
        order by id for no key update;
      update codes c set coding_count = c.coding_count + (d->>'n')::int
        from jsonb_array_elements(deltas) d
       where c.id = (d->>'code')::uuid and (d->>'n')::int <> 0;
    end $fn$;

    create function audit_chain_head(lock_key bigint) returns text
      language plpgsql volatile as $fn$
    declare
      head text;
    begin
      perform pg_advisory_xact_lock(lock_key);
      select hash into head from audit_events order by seq desc limit 1;
      return head;
    end $fn$;

    create or replace function research_codings_inserted() returns trigger language plpgsql as $fn$
    declare
      published boolean;
    begin
      -- The lock returns each inspection as it is after any publication it waited for.
      select coalesce(bool_or(a.state = 'published'), false) into published
        from (select state from activities where id in (select activity_id from inserted)
               order by id for share) a;
      if not published then
        return null;
      end if;
      perform research_codings_changed(coalesce((
        select jsonb_agg(jsonb_build_object('a', a, 'code', code, 'ev', ev, 'n', n)) from (
          select k.activity_id as a, k.code_id as code, k.evidence_id as ev, count(*)::int as n
            from inserted k
            join activities a on a.id = k.activity_id and a.state = 'published'
            join evidence_records e on e.id = k.evidence_id and e.deleted_at is null
           group by 1, 2, 3) s), '[]'));
      return null;
    end $fn$;

    create or replace function research_codings_deleted() returns trigger language plpgsql as $fn$
    declare
      published boolean;
    begin
      select coalesce(bool_or(a.state = 'published'), false) into published
        from (select state from activities where id in (select activity_id from removed)
               order by id for share) a;
      if not published then
        return null;
      end if;
      perform research_codings_changed(coalesce((
        select jsonb_agg(jsonb_build_object('a', a, 'code', code, 'ev', ev, 'n', -n)) from (
          select k.activity_id as a, k.code_id as code, k.evidence_id as ev, count(*)::int as n
            from removed k
            join activities a on a.id = k.activity_id and a.state = 'published'
            join evidence_records e on e.id = k.evidence_id and e.deleted_at is null
           group by 1, 2, 3) s), '[]'));
      return null;
    end $fn$;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop function audit_chain_head(bigint);

    create or replace function apply_coding_deltas(deltas jsonb) returns void language plpgsql as $fn$
    begin
      perform 1 from codes where id in (select (d->>'code')::uuid from jsonb_array_elements(deltas) d)
        order by id for update;
      update codes c set coding_count = c.coding_count + (d->>'n')::int
        from jsonb_array_elements(deltas) d
       where c.id = (d->>'code')::uuid and (d->>'n')::int <> 0;
    end $fn$;

    create or replace function research_codings_inserted() returns trigger language plpgsql as $fn$
    begin
      perform 1 from activities where id in (select activity_id from inserted) order by id for share;
      perform research_codings_changed(coalesce((
        select jsonb_agg(jsonb_build_object('a', a, 'code', code, 'ev', ev, 'n', n)) from (
          select k.activity_id as a, k.code_id as code, k.evidence_id as ev, count(*)::int as n
            from inserted k
            join activities a on a.id = k.activity_id and a.state = 'published'
            join evidence_records e on e.id = k.evidence_id and e.deleted_at is null
           group by 1, 2, 3) s), '[]'));
      return null;
    end $fn$;

    create or replace function research_codings_deleted() returns trigger language plpgsql as $fn$
    begin
      perform 1 from activities where id in (select activity_id from removed) order by id for share;
      perform research_codings_changed(coalesce((
        select jsonb_agg(jsonb_build_object('a', a, 'code', code, 'ev', ev, 'n', -n)) from (
          select k.activity_id as a, k.code_id as code, k.evidence_id as ev, count(*)::int as n
            from removed k
            join activities a on a.id = k.activity_id and a.state = 'published'
            join evidence_records e on e.id = k.evidence_id and e.deleted_at is null
           group by 1, 2, 3) s), '[]'));
      return null;
    end $fn$;
  `.execute(db);
}
