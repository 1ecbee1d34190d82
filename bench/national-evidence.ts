// A national evidence store for the search benchmark: every LA with a run of activities and
// 1,000,000 evidence records between them, generated inside PostgreSQL with INSERT ... SELECT
// over generate_series (seeded with setseed, so the same data every run). Texts are 3-6
// inspection-style sentences drawn from a fixed list; the indexes are built after loading.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';
import { evidenceMethods } from '../src/domain/evidence/vocabulary.js';

export interface NationalScale {
  las: number;
  activitiesPerLa: number;
  records: number;
}

export const nationalScale: NationalScale = { las: 153, activitiesPerLa: 8, records: 1_000_000 };

/** Sentences with a realistic spread of rare and common words ({c}: a child's first name). */
const SENTENCES = [
  '{c} told inspectors that the social worker listens and visits often.',
  'Strategy discussions were held within a day, with police and health present.',
  'The assessment is thorough and captures the wishes and feelings of {c}.',
  'Direct work has helped {c} understand why they are in care.',
  'Management oversight is clear and decisions are recorded with reasons.',
  'Supervision is regular and reflective, and workers value it.',
  'Life-story work has started and {c} has a memory box.',
  '{c} is settled with carers who are committed to them long term.',
  'Leaders have an accurate understanding of practice through audit.',
  'Caseloads are manageable, at about fifteen children per worker.',
  'There was a delay of six weeks before the assessment started.',
  'The plan lacks timescales and it is unclear who is responsible.',
  'Visits to {c} were not always within timescales.',
  'Management oversight did not challenge drift in the plan.',
  'The chronology is out of date and does not inform the assessment.',
  '{c} has had four changes of social worker in the last year.',
  'The voice of {c} is not evident in the records.',
  'Return home interviews were not offered after {c} went missing.',
  'Supervision records are brief and do not show reflection.',
  'Pathway plans are not always updated when circumstances change.',
  'Risks of criminal exploitation were recognised and a safety plan agreed.',
  'Neglect was not recognised early enough despite repeated referrals.',
  'The child protection conference was held within fifteen working days.',
  'Pre-proceedings letters were sent but the plan drifted for months.',
  'The personal adviser keeps in touch and helps with education and training.',
  '{c} lives in unsuitable bed and breakfast accommodation.',
  'Private fostering arrangements were assessed promptly.',
  'Disabled children receive short breaks that meet their needs.',
  'The front door responds quickly and thresholds are understood.',
  'Early help assessments are timely and families engage well.',
  'Domestic abuse was the main concern and the MARAC shared information.',
  'Health assessments for children in care are up to date.',
  'Unaccompanied children are supported to claim asylum.',
  'The virtual school tracks attendance and attainment closely.',
  'Sibling contact is promoted and carefully planned.',
  'Permanence planning was considered at the second review.',
  'The local authority reports a rise in contacts this year.',
  'The family were known to early help services before the referral.',
  'Inspectors sampled the file alongside the team manager.',
  'Agency workers cover three vacancies in the team.',
];
const NAMES = [
  'Zoë',
  'Chloé',
  'José',
  'Siobhán',
  'Amara',
  'Kacper',
  'Priya',
  'Jayden',
  'Ayşe',
  'Kian',
];
const AREAS = ['help_and_protection', 'children_in_care', 'care_leavers', 'impact_of_leaders'];
const DIRECTIONS = ['strength', 'area_for_improvement', 'mixed', 'context'];

const arr = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql.lit(x)))}]::text[]`;

/**
 * Loads the national store into an empty migrated database; returns how long each step took.
 * PostgreSQL only (the embedded engine is for one activity at a time).
 */
export async function seedNationalEvidence(
  db: Kysely<DB>,
  scale: NationalScale = nationalScale,
): Promise<{ activities: number; records: number; seconds: Record<string, number> }> {
  const seconds: Record<string, number> = {};
  const activities = scale.las * scale.activitiesPerLa;
  const sentence = sql`replace((${arr(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int], '{c}', (${arr(NAMES)})[1 + floor(random() * ${NAMES.length})::int])`;
  // One connection throughout: setseed and maintenance_work_mem belong to the session.
  await db.connection().execute(async (c) => {
    const step = async (name: string, ...qs: Array<ReturnType<typeof sql>>) => {
      const t0 = performance.now();
      for (const q of qs) await q.execute(c);
      seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
    };
    await step(
      'LAs and activities',
      sql`insert into local_authorities (id, name, gss_code, ofsted_region)
          select 'nat-la-' || i, 'National LA ' || i, 'E' || lpad(i::text, 8, '0'),
                 (array['North West','North East','London','South West','East Midlands'])[1 + i % 5]
          from generate_series(1, ${scale.las}) i`,
      sql`insert into activities (la_id, activity_type, framework_id, state, title, planned_start)
          select 'nat-la-' || l, 'standard_inspection', 'ilacs-2023', 'published',
                 'Inspection ' || a || ' of National LA ' || l, date '2018-01-01' + (a * 180 + l)
          from generate_series(1, ${scale.las}) l, generate_series(1, ${scale.activitiesPerLa}) a`,
    );
    // Load without the secondary indexes, then build each once from sorted data (much faster
    // than maintaining thirteen indexes row by row).
    const indexes = await sql<{ name: string; def: string }>`
      select indexname as name, indexdef as def from pg_indexes
      where tablename = 'evidence_records' and indexname <> 'evidence_records_pkey'`.execute(c);
    for (const i of indexes.rows) await sql`drop index ${sql.id(i.name)}`.execute(c);
    await step(
      'evidence records',
      sql`select setseed(0.42)`,
      sql`insert into evidence_records (activity_id, ref_no, text, method, observed_on,
            judgement_areas, direction, child_voice, recorded_by_label, updated_by_label,
            recorded_at, updated_at)
          select a.id, g.i / ${activities} + 1,
                 concat_ws(' ', ${sentence}, ${sentence}, ${sentence},
                   case when random() < 0.6 then ${sentence} end,
                   case when random() < 0.4 then ${sentence} end,
                   case when random() < 0.2 then ${sentence} end),
                 (${arr(evidenceMethods)})[1 + floor(random() * ${evidenceMethods.length})::int],
                 a.planned_start + floor(random() * 10)::int,
                 array[(${arr(AREAS)})[1 + floor(random() * ${AREAS.length})::int]],
                 (${arr(DIRECTIONS)})[1 + floor(random() * ${DIRECTIONS.length})::int],
                 random() < 0.3, 'synthetic', 'synthetic',
                 a.planned_start + make_interval(hours => floor(random() * 240)::int),
                 a.planned_start + make_interval(hours => floor(random() * 240)::int)
          from generate_series(0, ${scale.records - 1}) g(i)
          join (select id, planned_start, (row_number() over (order by id) - 1)::int as n
                from activities where la_id like 'nat-la-%') a on a.n = g.i % ${activities}`,
    );
    await step(
      'indexes',
      sql`set maintenance_work_mem = '512MB'`,
      ...indexes.rows.map((i) => sql.raw(i.def)),
      sql`reset maintenance_work_mem`,
    );
    await step('analyze', sql`analyze`);
  });
  return { activities, records: scale.records, seconds };
}
