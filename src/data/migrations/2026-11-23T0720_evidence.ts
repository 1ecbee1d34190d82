// Frozen in time: never import application code here.
// The evidence base of an activity and its qualitative coding, shaped after REFI-QDA 1.5
// (Project.xsd): evidence records are text sources, codes carry GUIDs and isCodable, codings are
// code-point selections with their own coder and time, cases carry typed attributes (variables),
// memos are notes attached to any of these.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table cases (
      id uuid primary key default gen_random_uuid(),
      guid uuid not null default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      kind text not null check (kind in ('child','practitioner','team')),
      reference text not null check (length(reference) between 1 and 200),
      description text,
      attributes jsonb not null default '{}',
      version integer not null default 1,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index cases_reference on cases (activity_id, kind, lower(reference));
    create unique index cases_guid on cases (activity_id, guid);
    create index cases_attributes on cases using gin (attributes jsonb_path_ops);

    create table lines_of_enquiry (
      id uuid primary key default gen_random_uuid(),
      guid uuid not null default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      title text not null check (length(title) between 1 and 300),
      description text,
      status text not null default 'open' check (status in ('open','exploring','closed')),
      conclusion text,
      source text not null default 'inspector',
      judgement_areas text[] not null default '{}',
      version integer not null default 1,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index lines_of_enquiry_activity on lines_of_enquiry (activity_id, status);

    create table evidence_records (
      id uuid primary key default gen_random_uuid(),
      guid uuid not null default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      ref_no integer not null,
      version integer not null default 1,
      text text not null,
      method text not null check (method in (
        'social_worker_discussion','case_file_reading','remote_sampling','practice_observation',
        'child_conversation','parent_carer_conversation','manager_leader_meeting',
        'performance_data','la_audit','meeting_observed','self_evaluation')),
      observed_on date not null,
      child_case_id uuid references cases (id),
      practitioner_case_id uuid references cases (id),
      team_case_id uuid references cases (id),
      locality text,
      line_of_enquiry_id uuid references lines_of_enquiry (id),
      judgement_areas text[] not null default '{}',
      minutes_spent integer check (minutes_spent between 0 and 1440),
      child_voice boolean not null default false,
      lived_experience boolean not null default false,
      direction text check (direction in ('strength','area_for_improvement','mixed','context')),
      consent_info_sheet_given boolean,
      consent_given boolean,
      consent_given_by text,
      source_kind text not null default 'typed'
        check (source_kind in ('typed','txt','docx','pdf','imported')),
      source_file text,
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now(),
      updated_by uuid references users (id),
      updated_by_label text not null,
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      deleted_by uuid references users (id),
      deleted_by_label text,
      deleted_reason text,
      search tsvector generated always as (to_tsvector('english', text)) stored
    );
    create unique index evidence_records_ref_no on evidence_records (activity_id, ref_no);
    create unique index evidence_records_guid on evidence_records (activity_id, guid);
    create index evidence_records_activity on evidence_records (activity_id, observed_on, recorded_at);
    create index evidence_records_recorded_by on evidence_records (activity_id, recorded_by);
    create index evidence_records_method on evidence_records (activity_id, method);
    create index evidence_records_child_case on evidence_records (child_case_id);
    create index evidence_records_practitioner_case on evidence_records (practitioner_case_id);
    create index evidence_records_team_case on evidence_records (team_case_id);
    create index evidence_records_line on evidence_records (line_of_enquiry_id);
    create index evidence_records_areas on evidence_records using gin (judgement_areas);
    create index evidence_records_search on evidence_records using gin (search);

    create table evidence_versions (
      evidence_id uuid not null references evidence_records (id),
      version integer not null,
      text text not null,
      fields jsonb not null,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      primary key (evidence_id, version)
    );

    create table codes (
      id uuid primary key default gen_random_uuid(),
      guid uuid not null default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      parent_id uuid references codes (id),
      name text not null check (length(name) between 1 and 200),
      description text,
      colour text check (colour ~ '^#[0-9a-f]{6}$'),
      is_codable boolean not null default true,
      source text not null check (source in ('framework','emergent','imported')),
      framework_key text,
      sort_order integer not null default 0,
      merged_into_id uuid references codes (id),
      merged_at timestamptz,
      version integer not null default 1,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index codes_guid on codes (activity_id, guid);
    create unique index codes_framework_key on codes (activity_id, framework_key)
      where framework_key is not null and merged_into_id is null;
    create unique index codes_sibling_name on codes
      (activity_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))
      where merged_into_id is null;
    create index codes_parent on codes (parent_id);

    create table codings (
      id uuid primary key default gen_random_uuid(),
      guid uuid not null default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      evidence_id uuid not null references evidence_records (id),
      evidence_version integer not null,
      code_id uuid not null references codes (id),
      start_pos integer not null check (start_pos >= 0),
      end_pos integer not null,
      span_text text not null,
      anchor_status text not null default 'ok' check (anchor_status in ('ok','moved','lost')),
      coder_id uuid references users (id),
      coder_label text not null,
      created_at timestamptz not null default now(),
      check (end_pos > start_pos)
    );
    create unique index codings_unique on codings
      (evidence_id, code_id, start_pos, end_pos,
       coalesce(coder_id, '00000000-0000-0000-0000-000000000000'::uuid));
    create unique index codings_guid on codings (activity_id, guid);
    create index codings_code on codings (activity_id, code_id);
    create index codings_evidence on codings (evidence_id, start_pos);
    create index codings_coder on codings (activity_id, coder_id, created_at);

    create table memos (
      id uuid primary key default gen_random_uuid(),
      guid uuid not null default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      target_type text not null check (target_type in
        ('activity','evidence','code','coding','case','line_of_enquiry')),
      target_id uuid,
      title text,
      text text not null,
      version integer not null default 1,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((target_type = 'activity') = (target_id is null))
    );
    create unique index memos_guid on memos (activity_id, guid);
    create index memos_target on memos (activity_id, target_type, target_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table memos; drop table codings; drop table codes; drop table evidence_versions;
    drop table evidence_records; drop table lines_of_enquiry; drop table cases;
  `.execute(db);
}
