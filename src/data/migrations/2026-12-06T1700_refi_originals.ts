// Frozen in time: never import application code here.
// What a REFI-QDA import keeps of the file as it was written, so that the activity's export gives
// it back: one row per identified element (keyed by its GUID in the file), naming the row it became
// (local_id: a code, case, evidence record, coding or memo; null when it has no row), with what
// Triangulate's own tables cannot hold (data, as JSON) or the whole element as XML for what
// Triangulate has no model for (media sources, sets, graphs, links, users, variables). The files
// those elements name (pictures, PDFs, audio, video) are kept byte for byte in refi_files.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table refi_originals (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      kind text not null check (kind in ('project', 'code', 'case', 'source', 'selection',
        'coding', 'note', 'note-copy', 'user', 'variable', 'media', 'set', 'graph', 'link')),
      guid uuid not null,
      local_id uuid,
      data jsonb,
      xml text,
      position integer not null,
      import_sha256 text not null,
      created_at timestamptz not null default now(),
      unique (activity_id, kind, guid)
    );
    create index refi_originals_local on refi_originals (activity_id, local_id);

    create table refi_files (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      name text not null,
      bytes bytea not null,
      sha256 text not null,
      created_at timestamptz not null default now()
    );
    create unique index refi_files_name on refi_files (activity_id, lower(name));
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table refi_files; drop table refi_originals;`.execute(db);
}
