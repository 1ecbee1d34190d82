// Frozen in time: never import application code here.
// Attachments: original files kept beside an evidence record's text, and documents the LA sends
// with a factual-accuracy comment. The metadata row says what the file is (its type decided from
// its content, the type the sender declared, size, SHA-256, who sent it, whether it was scanned);
// the bytes live in attachment_contents (bytea), reachable from every server of a deployment. Both
// go with their owner (record or comment) and with their activity.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table attachments (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      evidence_id uuid references evidence_records (id) on delete cascade,
      report_comment_id uuid references report_comments (id) on delete cascade,
      origin text not null check (origin in ('upload', 'evidence_source')),
      file_name text not null check (length(file_name) between 1 and 255),
      media_type text not null,
      declared_type text check (length(declared_type) <= 255),
      size_bytes bigint not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      scan_status text not null check (scan_status in ('clean', 'not_scanned')),
      scan_detail text check (length(scan_detail) <= 1000),
      uploaded_by uuid references users (id),
      uploaded_by_label text not null,
      uploaded_at timestamptz not null default now(),
      check ((evidence_id is null) <> (report_comment_id is null))
    );
    create index attachments_activity on attachments (activity_id);
    create index attachments_evidence on attachments (evidence_id) where evidence_id is not null;
    create index attachments_comment on attachments (report_comment_id)
      where report_comment_id is not null;

    create table attachment_contents (
      attachment_id uuid primary key references attachments (id) on delete cascade,
      bytes bytea not null
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table attachment_contents; drop table attachments;`.execute(db);
}
