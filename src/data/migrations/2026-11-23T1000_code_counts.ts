// Frozen in time: never import application code here.
// Each code carries the number of its codings on live evidence, kept by statement-level triggers
// (one update per statement, whatever the number of rows), so the codebook, the analysis forms
// and the workbench read counts without aggregating 30,000 codings on every page. The triggers
// cover every way a count can move: codings added, removed or moved to another code (merge), and
// evidence records deleted or restored. They derive data only; audit stays with the use cases.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table codes add column coding_count integer not null default 0;

    update codes c set coding_count = n.n
      from (select k.code_id, count(*)::int as n from codings k
              join evidence_records e on e.id = k.evidence_id
             where e.deleted_at is null group by k.code_id) n
     where n.code_id = c.id;

    -- Adds each delta; codes are locked in id order so concurrent statements cannot deadlock.
    create function apply_coding_deltas(deltas jsonb) returns void language plpgsql as $fn$
    begin
      perform 1 from codes where id in (select (d->>'code')::uuid from jsonb_array_elements(deltas) d)
        order by id for update;
      update codes c set coding_count = c.coding_count + (d->>'n')::int
        from jsonb_array_elements(deltas) d
       where c.id = (d->>'code')::uuid and (d->>'n')::int <> 0;
    end $fn$;

    create function codings_counted_insert() returns trigger language plpgsql as $fn$
    begin
      perform apply_coding_deltas(coalesce((
        select jsonb_agg(jsonb_build_object('code', code_id, 'n', n)) from (
          select k.code_id, count(*)::int as n from inserted k
            join evidence_records e on e.id = k.evidence_id
           where e.deleted_at is null group by k.code_id) g), '[]'));
      return null;
    end $fn$;

    create function codings_counted_delete() returns trigger language plpgsql as $fn$
    begin
      perform apply_coding_deltas(coalesce((
        select jsonb_agg(jsonb_build_object('code', code_id, 'n', -n)) from (
          select k.code_id, count(*)::int as n from removed k
            join evidence_records e on e.id = k.evidence_id
           where e.deleted_at is null group by k.code_id) g), '[]'));
      return null;
    end $fn$;

    create function codings_counted_update() returns trigger language plpgsql as $fn$
    begin
      perform apply_coding_deltas(coalesce((
        select jsonb_agg(jsonb_build_object('code', code_id, 'n', n)) from (
          select code_id, sum(n)::int as n from (
            select o.code_id, -1 as n from removed o join inserted k on k.id = o.id
              join evidence_records e on e.id = k.evidence_id
             where e.deleted_at is null and o.code_id <> k.code_id
            union all
            select k.code_id, 1 as n from removed o join inserted k on k.id = o.id
              join evidence_records e on e.id = k.evidence_id
             where e.deleted_at is null and o.code_id <> k.code_id) m
          group by code_id) g), '[]'));
      return null;
    end $fn$;

    create function evidence_deletion_counted() returns trigger language plpgsql as $fn$
    begin
      perform apply_coding_deltas(coalesce((
        select jsonb_agg(jsonb_build_object('code', code_id, 'n', n)) from (
          select k.code_id,
                 sum(case when n.deleted_at is null then 1 else -1 end)::int as n
            from removed o join inserted n on n.id = o.id
            join codings k on k.evidence_id = n.id
           where (o.deleted_at is null) <> (n.deleted_at is null)
           group by k.code_id) g), '[]'));
      return null;
    end $fn$;

    create trigger codings_counted_insert after insert on codings
      referencing new table as inserted for each statement execute function codings_counted_insert();
    create trigger codings_counted_delete after delete on codings
      referencing old table as removed for each statement execute function codings_counted_delete();
    create trigger codings_counted_update after update on codings
      referencing old table as removed new table as inserted
      for each statement execute function codings_counted_update();
    create trigger evidence_deletion_counted after update on evidence_records
      referencing old table as removed new table as inserted
      for each statement execute function evidence_deletion_counted();
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger evidence_deletion_counted on evidence_records;
    drop trigger codings_counted_update on codings;
    drop trigger codings_counted_delete on codings;
    drop trigger codings_counted_insert on codings;
    drop function evidence_deletion_counted();
    drop function codings_counted_update();
    drop function codings_counted_delete();
    drop function codings_counted_insert();
    drop function apply_coding_deltas(jsonb);
    alter table codes drop column coding_count;
  `.execute(db);
}
