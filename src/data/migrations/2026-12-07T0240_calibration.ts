// Frozen in time: never import application code here.
// Calibration and double coding (issue 15).
// - A vignette bank: short anonymised practice descriptions, each with the framework criteria it
//   illustrates and a reference grade agreed by a national panel (framework keys, checked by the
//   use case against the framework file).
// - Calibration exercises: a set of vignettes and invited inspectors (each with the region their
//   figures count under); each inspector's blind ratings, submitted once; discussion notes.
// - Blind double coding: an assignment of evidence records to two or more coders. Their codings
//   live in a coder layer of their own (double_codings), tied to the assignment, never in the
//   evidence base's codings, so nobody sees another's work before all have finished; the
//   reconciled coding is written into codings, and the record remembers who decided.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table calibration_vignettes (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) between 1 and 20000),
      framework_id text not null,
      judgement_key text not null,
      criteria text[] not null default '{}',
      reference_grade text not null,
      panel_note text not null default '',
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now(),
      retired_at timestamptz
    );
    create table calibration_exercises (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(title) between 1 and 200),
      region text,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now()
    );
    create table calibration_exercise_vignettes (
      exercise_id uuid not null references calibration_exercises (id) on delete cascade,
      vignette_id uuid not null references calibration_vignettes (id),
      position integer not null,
      primary key (exercise_id, vignette_id)
    );
    create table calibration_participants (
      exercise_id uuid not null references calibration_exercises (id) on delete cascade,
      user_id uuid not null references users (id),
      user_label text not null,
      region text,
      invited_at timestamptz not null default now(),
      submitted_at timestamptz,
      primary key (exercise_id, user_id)
    );
    create index calibration_participants_user on calibration_participants (user_id);
    create table calibration_ratings (
      exercise_id uuid not null references calibration_exercises (id) on delete cascade,
      vignette_id uuid not null references calibration_vignettes (id),
      user_id uuid not null references users (id),
      grade text not null,
      rationale text not null default '',
      rated_at timestamptz not null default now(),
      primary key (exercise_id, vignette_id, user_id)
    );
    create table calibration_notes (
      id uuid primary key default gen_random_uuid(),
      exercise_id uuid not null references calibration_exercises (id) on delete cascade,
      vignette_id uuid not null references calibration_vignettes (id),
      author_id uuid references users (id),
      author_label text not null,
      note text not null check (length(note) between 1 and 5000),
      created_at timestamptz not null default now()
    );
    create index calibration_notes_exercise on calibration_notes (exercise_id, vignette_id, created_at);

    create table double_coding_assignments (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now()
    );
    create index double_coding_assignments_activity on double_coding_assignments (activity_id);
    create table double_coding_records (
      assignment_id uuid not null references double_coding_assignments (id) on delete cascade,
      evidence_id uuid not null references evidence_records (id),
      evidence_version integer not null,
      reconciled_by uuid references users (id),
      reconciled_by_label text,
      reconciled_at timestamptz,
      primary key (assignment_id, evidence_id)
    );
    create table double_coding_coders (
      assignment_id uuid not null references double_coding_assignments (id) on delete cascade,
      user_id uuid not null references users (id),
      user_label text not null,
      finished_at timestamptz,
      primary key (assignment_id, user_id)
    );
    create table double_codings (
      id uuid primary key default gen_random_uuid(),
      assignment_id uuid not null references double_coding_assignments (id) on delete cascade,
      evidence_id uuid not null references evidence_records (id),
      coder_id uuid not null references users (id),
      code_id uuid not null references codes (id),
      start_pos integer not null check (start_pos >= 0),
      end_pos integer not null,
      span_text text not null,
      created_at timestamptz not null default now(),
      check (end_pos > start_pos),
      unique (assignment_id, evidence_id, coder_id, code_id, start_pos, end_pos)
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table double_codings;
    drop table double_coding_coders;
    drop table double_coding_records;
    drop table double_coding_assignments;
    drop table calibration_notes;
    drop table calibration_ratings;
    drop table calibration_participants;
    drop table calibration_exercise_vignettes;
    drop table calibration_exercises;
    drop table calibration_vignettes;
  `.execute(db);
}
