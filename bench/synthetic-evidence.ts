// A seeded synthetic evidence base for one realistic activity: 7 inspectors over two weeks of
// fieldwork, 6,000 evidence records in inspection style, 400 cases with typed attributes, a
// 250-code codebook (the framework's criteria plus emergent codes) and 30,000 codings at
// sentence spans, with offsets in code points (names with accents, the odd emoji). Same seed,
// same data. Rows are written in bulk (no audit events): it is a fixture, not a history.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';
import { hashPassword } from '../src/domain/auth/password.js';
import { seedCodebook } from '../src/domain/evidence/codebook-seed.js';
import { cpLength } from '../src/domain/evidence/offsets.js';
import {
  ageBands,
  childCohorts,
  ethnicGroups,
  experienceBands,
  legalStatuses,
} from '../src/domain/evidence/case-attributes.js';
import { evidenceMethods } from '../src/domain/evidence/vocabulary.js';
import { loadFrameworks } from '../src/domain/frameworks/index.js';
import { frameworksDir } from '../src/paths.js';
import {
  CONCERN,
  CONTEXT,
  EMOJI,
  LOCALITIES,
  NAMES,
  STRENGTH,
  TEAMS,
  WORKERS,
} from './evidence-templates.js';
import { createRandom, type Random } from '../src/domain/sampling/seeded-random.js';

export interface EvidenceScale {
  inspectors: number;
  days: number;
  records: number;
  codes: number;
  codings: number;
  cases: number;
}

export const evidenceScale: EvidenceScale = {
  inspectors: 7,
  days: 10,
  records: 6_000,
  codes: 250,
  codings: 30_000,
  cases: 400,
};

export interface SyntheticEvidence {
  activityId: string;
  inspectorIds: string[];
  codeIds: string[];
  evidenceIds: string[];
  caseIds: string[];
}

function fill(template: string, rnd: Random, child: string): string {
  return template
    .replaceAll('{c}', child)
    .replaceAll('{w}', rnd.pick(WORKERS))
    .replaceAll('{t}', rnd.pick(TEAMS))
    .replaceAll('{n}', String(rnd.int(2, 18)));
}

/** An evidence text of 3-8 sentences, with the code-point span of each sentence. */
function makeText(
  rnd: Random,
  direction: string,
): { text: string; spans: Array<[number, number]> } {
  const child = rnd.pick(NAMES);
  const sentences: string[] = [];
  const count = rnd.int(3, 8);
  for (let i = 0; i < count; i++) {
    const pool =
      direction === 'strength'
        ? rnd.chance(0.8)
          ? STRENGTH
          : CONTEXT
        : direction === 'area_for_improvement'
          ? rnd.chance(0.8)
            ? CONCERN
            : CONTEXT
          : direction === 'context'
            ? CONTEXT
            : rnd.pick([STRENGTH, CONCERN, CONTEXT]);
    let s = fill(rnd.pick(pool), rnd, child);
    if (rnd.chance(0.04)) s = `${s} ${rnd.pick(EMOJI)}`;
    sentences.push(s);
  }
  const spans: Array<[number, number]> = [];
  let at = 0;
  for (const s of sentences) {
    const len = cpLength(s);
    spans.push([at, at + len]);
    at += len + 1;
  }
  return { text: sentences.join(' '), spans };
}

async function insertInBatches<T>(
  items: T[],
  size: number,
  write: (batch: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}

export async function seedSyntheticEvidence(
  db: Kysely<DB>,
  scale: EvidenceScale = evidenceScale,
  seed = 2026,
): Promise<SyntheticEvidence> {
  const rnd = createRandom(seed);
  const laId = `synthetic-evidence-${seed}`;
  await db
    .insertInto('local_authorities')
    .values({
      id: laId,
      name: 'Synthetic Evidence Borough',
      gss_code: `E09${seed}`,
      ofsted_region: 'North West',
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const passwordHash = await hashPassword('synthetic-not-for-sign-in');
  const inspectors = await db
    .insertInto('users')
    .values(
      Array.from({ length: scale.inspectors }, (_, i) => ({
        email: `evidence.inspector${i}.s${seed}.${Date.now()}@synthetic.example`,
        display_name: `${rnd.pick(['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Robin', 'Kim'])} ${rnd.pick(['Okafor', 'Smith', 'Nowak', 'Patel', 'Jones', 'Byrne', 'Ahmed'])} (${i})`,
        password_hash: passwordHash,
        role: 'inspector' as const,
      })),
    )
    .returning(['id', 'display_name'])
    .execute();
  const start = Date.UTC(2025, 5, 2);
  const activity = await db
    .insertInto('activities')
    .values({
      la_id: laId,
      activity_type: 'standard_inspection',
      framework_id: 'ilacs-2023',
      state: 'on_site',
      title: 'Standard inspection: Synthetic Evidence Borough',
      planned_start: '2025-06-02',
      planned_end: '2025-06-13',
      notified_at: new Date(start - 3 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('team_members')
    .values(
      inspectors.map((u, i) => ({
        activity_id: activity.id,
        user_id: u.id,
        team_role: i === 0 ? 'lead_inspector' : i === 1 ? 'qam' : 'team_inspector',
      })),
    )
    .execute();

  // Cases: 5/8 children, 1/4 practitioners, 1/8 teams.
  const kinds = Array.from({ length: scale.cases }, (_, i) =>
    i % 8 < 5 ? 'child' : i % 8 < 7 ? 'practitioner' : 'team',
  ) as Array<'child' | 'practitioner' | 'team'>;
  const caseRows = kinds.map((kind, i) => ({
    activity_id: activity.id,
    kind,
    reference:
      kind === 'child'
        ? `C-${1000 + i}`
        : kind === 'practitioner'
          ? `SW-${100 + i}`
          : `${rnd.pick(TEAMS)} ${i}`,
    attributes: JSON.stringify(
      kind === 'child'
        ? {
            cohort: rnd.pick(childCohorts),
            legalStatus: rnd.pick(legalStatuses),
            ageBand: rnd.pick(ageBands),
            ethnicity: rnd.pick(ethnicGroups),
            disability: rnd.chance(0.15),
          }
        : kind === 'practitioner'
          ? { team: rnd.pick(TEAMS), experienceBand: rnd.pick(experienceBands) }
          : { locality: rnd.pick(LOCALITIES) },
    ),
    created_by: inspectors[0]!.id,
    created_by_label: inspectors[0]!.display_name,
  }));
  const cases = await db.insertInto('cases').values(caseRows).returning(['id', 'kind']).execute();
  const byKind = (k: string) => cases.filter((c) => c.kind === k).map((c) => c.id);
  const children = byKind('child');
  const practitioners = byKind('practitioner');
  const teams = byKind('team');

  const lines = await db
    .insertInto('lines_of_enquiry')
    .values(
      [
        'Timeliness of strategy discussions',
        'Drift in pre-proceedings',
        'Voice of disabled children',
        'Stability for older children in care',
        'Care leavers in unsuitable accommodation',
        'Quality of supervision',
        'Impact of the new practice model',
        'Missing from home and care',
      ].map((title, i) => ({
        activity_id: activity.id,
        title,
        source: i % 2 ? 'data' : 'inspector',
        created_by: inspectors[0]!.id,
        created_by_label: inspectors[0]!.display_name,
      })),
    )
    .returning('id')
    .execute();

  // Codebook: the framework's folders and criteria, then emergent codes up to the scale.
  const fw = loadFrameworks(frameworksDir()).get('ilacs-2023')!;
  const idByKey = new Map<string, string>();
  for (const s of seedCodebook(fw)) {
    const row = await db
      .insertInto('codes')
      .values({
        activity_id: activity.id,
        parent_id: s.parentKey ? (idByKey.get(s.parentKey) ?? null) : null,
        name: s.name,
        description: s.description,
        colour: s.colour,
        is_codable: s.isCodable,
        source: 'framework',
        framework_key: s.frameworkKey,
        sort_order: s.sortOrder,
        created_by: inspectors[0]!.id,
        created_by_label: inspectors[0]!.display_name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    idByKey.set(s.frameworkKey, row.id);
  }
  const criteria = fw.criteria.areas.flatMap((a) =>
    a.items.map((item) => ({ area: a.judgement, id: idByKey.get(item.key)! })),
  );
  const emergent: Array<{ id: string; area: string }> = [];
  const areaKeys = fw.criteria.areas.map((a) => a.judgement);
  for (let i = 0; emergent.length + idByKey.size < scale.codes; i++) {
    const parent = rnd.chance(0.7)
      ? rnd.pick(criteria)
      : { area: rnd.pick(areaKeys), id: idByKey.get(rnd.pick(areaKeys))! };
    const row = await db
      .insertInto('codes')
      .values({
        activity_id: activity.id,
        parent_id: parent.id,
        name: `${rnd.pick(['Theme', 'Pattern', 'Concern', 'Strength', 'Issue', 'Practice'])} ${i + 1}: ${rnd.pick(['drift', 'timeliness', 'voice', 'stability', 'oversight', 'partnership', 'recording', 'supervision', 'contact', 'health'])}`,
        source: 'emergent',
        sort_order: 1000 + i,
        created_by: rnd.pick(inspectors).id,
        created_by_label: 'synthetic',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    emergent.push({ id: row.id, area: parent.area });
  }
  const codable = [...criteria, ...emergent];
  const codesByArea = new Map(areaKeys.map((k) => [k, codable.filter((c) => c.area === k)]));

  // Evidence records over the fieldwork days, each inspector with their own rhythm.
  const directions = ['strength', 'area_for_improvement', 'mixed', 'context', null] as const;
  const records = Array.from({ length: scale.records }, () => {
    const who = rnd.pick(inspectors);
    const day = Math.min(scale.days - 1, Math.floor(rnd.next() ** 1.3 * scale.days));
    const direction = rnd.pick(directions);
    const method = rnd.pick(evidenceMethods);
    const area = rnd.pick(areaKeys);
    const { text, spans } = makeText(rnd, direction ?? 'mixed');
    const at = new Date(
      start + (day + Math.floor(day / 5) * 2) * 86_400_000 + rnd.int(8, 21) * 3_600_000,
    );
    const talk = method === 'child_conversation' || method === 'parent_carer_conversation';
    return {
      spans,
      area,
      row: {
        activity_id: activity.id,
        ref_no: 0,
        text,
        method,
        observed_on: at.toISOString().slice(0, 10),
        child_case_id: rnd.chance(0.7) ? rnd.pick(children) : null,
        practitioner_case_id: rnd.chance(0.5) ? rnd.pick(practitioners) : null,
        team_case_id: rnd.chance(0.4) ? rnd.pick(teams) : null,
        locality: rnd.pick(LOCALITIES),
        line_of_enquiry_id: rnd.chance(0.3) ? rnd.pick(lines).id : null,
        judgement_areas: rnd.chance(0.9) ? [area] : [],
        minutes_spent: rnd.int(10, 120),
        child_voice: rnd.chance(talk ? 0.9 : 0.3),
        lived_experience: rnd.chance(0.3),
        direction,
        consent_info_sheet_given: talk ? true : null,
        consent_given: talk ? true : null,
        consent_given_by: talk ? (method === 'child_conversation' ? 'child' : 'parent') : null,
        recorded_by: who.id,
        recorded_by_label: who.display_name,
        recorded_at: at,
        updated_by: who.id,
        updated_by_label: who.display_name,
        updated_at: at,
      },
    };
  });
  records.sort((a, b) => a.row.recorded_at.getTime() - b.row.recorded_at.getTime());
  records.forEach((r, i) => (r.row.ref_no = i + 1));
  const evidenceIds: string[] = [];
  await insertInBatches(records, 500, async (batch) => {
    const ids = await db
      .insertInto('evidence_records')
      .values(batch.map((b) => b.row))
      .returning('id')
      .execute();
    evidenceIds.push(...ids.map((r) => r.id));
    await db
      .insertInto('evidence_versions')
      .values(
        batch.map((b, i) => ({
          evidence_id: ids[i]!.id,
          version: 1,
          text: b.row.text,
          fields: JSON.stringify({
            method: b.row.method,
            observedOn: b.row.observed_on,
            childCaseId: b.row.child_case_id,
            practitionerCaseId: b.row.practitioner_case_id,
            teamCaseId: b.row.team_case_id,
            locality: b.row.locality,
            lineOfEnquiryId: b.row.line_of_enquiry_id,
            judgementAreas: b.row.judgement_areas,
            minutesSpent: b.row.minutes_spent,
            childVoice: b.row.child_voice,
            livedExperience: b.row.lived_experience,
            direction: b.row.direction,
            consent: b.row.consent_given
              ? { infoSheetGiven: true, consentGiven: true, givenBy: b.row.consent_given_by }
              : null,
          }),
          created_by: b.row.recorded_by,
          created_by_label: b.row.recorded_by_label,
          created_at: b.row.recorded_at,
        })),
      )
      .execute();
  });

  // Codings at sentence spans, mostly with codes of the record's area, by team members.
  const seen = new Set<string>();
  const codings: Array<Record<string, unknown>> = [];
  while (codings.length < scale.codings) {
    const i = rnd.int(0, records.length - 1);
    const rec = records[i]!;
    const [s, e] = rnd.pick(rec.spans);
    const pool = rnd.chance(0.85) ? (codesByArea.get(rec.area) ?? codable) : codable;
    const code = rnd.pick(pool);
    const coder = rnd.pick(inspectors);
    const key = `${i}:${code.id}:${s}:${e}:${coder.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    codings.push({
      activity_id: activity.id,
      evidence_id: evidenceIds[i]!,
      evidence_version: 1,
      code_id: code.id,
      start_pos: s,
      end_pos: e,
      span_text: Array.from(rec.row.text).slice(s, e).join(''),
      coder_id: coder.id,
      coder_label: coder.display_name,
      created_at: new Date(rec.row.recorded_at.getTime() + rnd.int(1, 48) * 3_600_000),
    });
  }
  await insertInBatches(codings, 1000, (batch) =>
    db
      .insertInto('codings')
      .values(batch as never)
      .execute(),
  );
  await sql`analyze`.execute(db);
  return {
    activityId: activity.id,
    inspectorIds: inspectors.map((u) => u.id),
    codeIds: codable.map((c) => c.id),
    evidenceIds,
    caseIds: cases.map((c) => c.id),
  };
}
