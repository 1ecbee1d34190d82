// Frozen in time: never import application code here.
// The risk picture linked to the inspection (issue 13, second part):
// - inspection and visit outcomes become intelligence entries of their own (history_id: one entry
//   per history event, kept in step on every import), and a publication in Triangulate adds one
//   (activity_id);
// - a publication asks for the LA's risk assessment to be reviewed (risk_review_requests: open
//   while no assessment version newer than after_version exists; assessments stay unchanged);
// - a line of enquiry remembers the week-zero item it was made from (line_of_enquiry_sources);
// - files attach to intelligence entries (attachments.intelligence_entry_id, no activity).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table intelligence_entries
      add column history_id uuid unique references inspection_history (id) on delete cascade,
      add column activity_id uuid unique references activities (id);

    create table risk_review_requests (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      requested_on date not null,
      reason text not null,
      activity_id uuid references activities (id),
      intelligence_entry_id uuid references intelligence_entries (id) on delete set null,
      after_version integer not null,
      created_at timestamptz not null default now()
    );
    create index risk_review_requests_la on risk_review_requests (la_id, after_version desc);

    create table line_of_enquiry_sources (
      id uuid primary key default gen_random_uuid(),
      line_of_enquiry_id uuid not null references lines_of_enquiry (id) on delete cascade,
      activity_id uuid not null references activities (id),
      source_kind text not null check (source_kind in
        ('intelligence','risk_rating','improvement','self_evaluation','engagement_meeting')),
      source_ref text not null check (length(source_ref) between 1 and 200),
      intelligence_entry_id uuid references intelligence_entries (id) on delete set null,
      label text not null check (length(label) between 1 and 500),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      unique (line_of_enquiry_id, source_kind, source_ref)
    );
    create index line_of_enquiry_sources_activity on line_of_enquiry_sources (activity_id);

    alter table attachments alter column activity_id drop not null;
    alter table attachments
      add column intelligence_entry_id uuid references intelligence_entries (id) on delete cascade;
    alter table attachments drop constraint attachments_check;
    alter table attachments add constraint attachments_one_owner check (
      num_nonnulls(evidence_id, report_comment_id, intelligence_entry_id) = 1
      and (activity_id is not null) = (intelligence_entry_id is null)
    );
    create index attachments_intelligence on attachments (intelligence_entry_id)
      where intelligence_entry_id is not null;

    -- The views' per-LA lookups (bench/risk-views.ts): the latest of some kinds, what is new.
    create index intelligence_entries_la_kind on intelligence_entries (la_id, kind, received_on desc);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index intelligence_entries_la_kind;
    delete from attachments where intelligence_entry_id is not null;
    alter table attachments drop constraint attachments_one_owner;
    alter table attachments drop column intelligence_entry_id;
    alter table attachments alter column activity_id set not null;
    alter table attachments add constraint attachments_check
      check ((evidence_id is null) <> (report_comment_id is null));
    drop table line_of_enquiry_sources;
    drop table risk_review_requests;
    alter table intelligence_entries drop column activity_id, drop column history_id;
  `.execute(db);
}
