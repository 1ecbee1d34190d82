// Frozen in time: never import application code here.
// The research store's counts kept ahead of the query (issue 20): for each code of a published
// inspection, its codings on live evidence (refs) and the distinct live records they code
// (records), so a cross-inspection matrix reads one row per code instead of millions of codings.
// Statement-level triggers keep them exact on every way a count can move: an inspection published
// (its counts computed) or leaving that state (dropped), codings added, removed or moved (merge),
// and evidence records deleted or restored. A coding or deletion takes a share lock on its
// inspection, so a publication running at the same time waits for it (and then counts it) instead
// of missing an uncommitted coding. They derive data only; audit stays with the use cases.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table research_code_counts (
      code_id uuid primary key references codes (id) on delete cascade,
      activity_id uuid not null references activities (id) on delete cascade,
      refs integer not null,
      records integer not null
    );
    create index research_code_counts_activity on research_code_counts (activity_id);

    -- Every code of the given published inspections, counted from their codings (live evidence).
    create function research_counts_compute(ids uuid[]) returns void language plpgsql as $fn$
    begin
      delete from research_code_counts where activity_id = any(ids);
      insert into research_code_counts (code_id, activity_id, refs, records)
      select k.code_id, k.activity_id, count(*), count(distinct k.evidence_id)
        from codings k
        join activities a on a.id = k.activity_id and a.state = 'published'
        join evidence_records e on e.id = k.evidence_id and e.deleted_at is null
       where k.activity_id = any(ids)
       group by k.code_id, k.activity_id;
    end $fn$;

    -- Adds per-code deltas [{code, activity, refs, records}], in code order (no deadlocks).
    create function research_counts_add(deltas jsonb) returns void language plpgsql as $fn$
    begin
      insert into research_code_counts as n (code_id, activity_id, refs, records)
      select (d->>'code')::uuid, (d->>'activity')::uuid, (d->>'refs')::int, (d->>'records')::int
        from jsonb_array_elements(deltas) d
       where (d->>'refs')::int <> 0 or (d->>'records')::int <> 0
       order by 1
      on conflict (code_id) do update
        set refs = n.refs + excluded.refs, records = n.records + excluded.records;
    end $fn$;

    -- Signed codings [{a, code, ev, n}] (live evidence, published inspections) become per-code
    -- deltas: refs move by n; a record counts once its code has a coding on it, so it moves when
    -- the number of codings of (code, record) goes from 0 or to 0 (read after the change).
    create function research_codings_changed(changes jsonb) returns void language plpgsql as $fn$
    begin
      perform research_counts_add(coalesce((
        select jsonb_agg(jsonb_build_object('code', g.code, 'activity', g.a,
                                            'refs', g.refs, 'records', g.records))
          from (
            select c.code, c.a, sum(c.n)::int as refs,
                   sum((w.now > 0)::int - (w.now - c.n > 0)::int)::int as records
              from (select (x->>'a')::uuid as a, (x->>'code')::uuid as code,
                           (x->>'ev')::uuid as ev, sum((x->>'n')::int)::int as n
                      from jsonb_array_elements(changes) x group by 1, 2, 3) c
              cross join lateral (
                select count(*)::int as now from codings k
                 where k.activity_id = c.a and k.code_id = c.code and k.evidence_id = c.ev) w
             where c.n <> 0
             group by c.code, c.a) g), '[]'));
    end $fn$;

    create function research_codings_inserted() returns trigger language plpgsql as $fn$
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

    create function research_codings_deleted() returns trigger language plpgsql as $fn$
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

    -- Only codings whose inspection, code or record changed (not re-anchored spans).
    create function research_codings_updated() returns trigger language plpgsql as $fn$
    begin
      perform 1 from activities
       where id in (select o.activity_id from removed o join inserted k on k.id = o.id
                     where (o.activity_id, o.code_id, o.evidence_id)
                           is distinct from (k.activity_id, k.code_id, k.evidence_id)
                    union
                    select k.activity_id from removed o join inserted k on k.id = o.id
                     where (o.activity_id, o.code_id, o.evidence_id)
                           is distinct from (k.activity_id, k.code_id, k.evidence_id))
       order by id for share;
      perform research_codings_changed(coalesce((
        select jsonb_agg(jsonb_build_object('a', a, 'code', code, 'ev', ev, 'n', n)) from (
          select s.activity_id as a, s.code_id as code, s.evidence_id as ev, sum(s.n)::int as n
            from (
              select o.activity_id, o.code_id, o.evidence_id, -1 as n
                from removed o join inserted k on k.id = o.id
               where (o.activity_id, o.code_id, o.evidence_id)
                     is distinct from (k.activity_id, k.code_id, k.evidence_id)
              union all
              select k.activity_id, k.code_id, k.evidence_id, 1 as n
                from removed o join inserted k on k.id = o.id
               where (o.activity_id, o.code_id, o.evidence_id)
                     is distinct from (k.activity_id, k.code_id, k.evidence_id)) s
            join activities a on a.id = s.activity_id and a.state = 'published'
            join evidence_records e on e.id = s.evidence_id and e.deleted_at is null
           group by 1, 2, 3) s), '[]'));
      return null;
    end $fn$;

    -- A record deleted (or restored): each of its codes loses (or regains) its codings and it.
    create function research_evidence_deletion() returns trigger language plpgsql as $fn$
    begin
      perform 1 from activities
       where id in (select n.activity_id from removed o join inserted n on n.id = o.id
                     where (o.deleted_at is null) <> (n.deleted_at is null))
       order by id for share;
      perform research_counts_add(coalesce((
        select jsonb_agg(jsonb_build_object('code', code, 'activity', a,
                                            'refs', refs, 'records', records)) from (
          select k.code_id as code, k.activity_id as a,
                 sum(case when n.deleted_at is null then 1 else -1 end)::int as refs,
                 count(distinct k.evidence_id) filter (where n.deleted_at is null)
                   - count(distinct k.evidence_id) filter (where n.deleted_at is not null) as records
            from removed o join inserted n on n.id = o.id
            join activities a on a.id = n.activity_id and a.state = 'published'
            join codings k on k.evidence_id = n.id
           where (o.deleted_at is null) <> (n.deleted_at is null)
           group by k.code_id, k.activity_id) g), '[]'));
      return null;
    end $fn$;

    -- Publication computes an inspection's counts; leaving 'published' drops them.
    create function research_activities_state() returns trigger language plpgsql as $fn$
    begin
      delete from research_code_counts n using removed o join inserted a on a.id = o.id
       where n.activity_id = a.id and o.state = 'published' and a.state <> 'published';
      perform research_counts_compute(array(
        select a.id from removed o join inserted a on a.id = o.id
         where o.state <> 'published' and a.state = 'published'));
      return null;
    end $fn$;

    create trigger research_codings_inserted after insert on codings
      referencing new table as inserted for each statement execute function research_codings_inserted();
    create trigger research_codings_deleted after delete on codings
      referencing old table as removed for each statement execute function research_codings_deleted();
    create trigger research_codings_updated after update on codings
      referencing old table as removed new table as inserted
      for each statement execute function research_codings_updated();
    create trigger research_evidence_deletion after update on evidence_records
      referencing old table as removed new table as inserted
      for each statement execute function research_evidence_deletion();
    create trigger research_activities_state after update on activities
      referencing old table as removed new table as inserted
      for each statement execute function research_activities_state();

    -- Inspections published before this migration.
    select research_counts_compute(array(select id from activities where state = 'published'));
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger research_activities_state on activities;
    drop trigger research_evidence_deletion on evidence_records;
    drop trigger research_codings_updated on codings;
    drop trigger research_codings_deleted on codings;
    drop trigger research_codings_inserted on codings;
    drop function research_activities_state();
    drop function research_evidence_deletion();
    drop function research_codings_updated();
    drop function research_codings_deleted();
    drop function research_codings_inserted();
    drop function research_codings_changed(jsonb);
    drop function research_counts_add(jsonb);
    drop function research_counts_compute(uuid[]);
    drop table research_code_counts;
  `.execute(db);
}
