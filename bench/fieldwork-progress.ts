// The fieldwork plan's progress view (issue 17: under 100 ms p95 on the 6,000-record activity).
// The synthetic activity of bench/synthetic-evidence.ts gets a realistic plan, written through
// the plan's own use cases as its lead: 60 sampled children's cases (x factor) allocated round the
// team's inspectors, two in three seen (one in five remotely), 24 conversations with children and
// families across the four service areas, two observations of practice per inspector, half of
// each done. Then p50/p95 of the use case, the HTML page and the JSON API (inject, as the lead),
// at 1x (6,000 records) and 4x (24,000 records and a plan four times as big), with the process
// RSS after seeding and its peak while sampling.
//   npm run bench -- --only fieldwork-progress [--n 200] [--engine postgres|pglite|both] [--factors 1,4]
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { findUserById } from '../src/data/repositories/users.js';
import { toActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { allocateCase } from '../src/usecases/fieldwork/allocate-case.js';
import { getFieldworkProgress } from '../src/usecases/fieldwork/get-fieldwork-progress.js';
import { markFieldworkItem } from '../src/usecases/fieldwork/mark-fieldwork-item.js';
import { planConversation } from '../src/usecases/fieldwork/plan-conversation.js';
import { planObservation } from '../src/usecases/fieldwork/plan-observation.js';
import { setFieldworkExpectations } from '../src/usecases/fieldwork/set-fieldwork-expectations.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import type { Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';
import { type Summary } from './stats.js';
import {
  evidenceScale,
  seedSyntheticEvidence,
  type SyntheticEvidence,
} from './synthetic-evidence.js';
import { measure, openBenchDatabase, sample, signedInApp, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  factor: number;
  adminUrl?: string;
}

const SERVICE_AREAS = ['early_help', 'help_and_protection', 'children_in_care', 'care_leavers'];
const WITH = ['child', 'young_person', 'parent', 'carer'] as const;
const KINDS = ['home_visit', 'meeting', 'conference', 'supervision', 'front_door'] as const;

/** The plan, as the lead writes it and the inspectors mark it, through the use cases. */
export async function seedPlan(db: Kysely<DB>, syn: SyntheticEvidence, factor: number) {
  const catalog = loadActivityTypeCatalog();
  const ctxOf = async (id: string): Promise<UseCaseContext> => ({
    db,
    actor: toActor((await findUserById(db, id))!),
    catalog,
  });
  const lead = await ctxOf(syn.inspectorIds[0]!);
  // Inspectors the plan allocates to: everyone but the QAM (second on the team).
  const people = [syn.inspectorIds[0]!, ...syn.inspectorIds.slice(2)];
  const ctxs = new Map(await Promise.all(people.map(async (p) => [p, await ctxOf(p)] as const)));
  const activityId = syn.activityId;
  await setFieldworkExpectations(lead, {
    activityId,
    remoteShareMaxPercent: 25,
    minutesPerCase: 60,
    observationMode: 'day_per_inspector',
  });
  // The sample: children's cases of the activity, as a draw would add them (a fixture row each).
  const children = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'attributes'])
    .where('activity_id', '=', activityId)
    .where('kind', '=', 'child')
    .orderBy('reference')
    .limit(60 * factor)
    .execute();
  const sampled = await db
    .insertInto('sample_cases')
    .values(
      children.map((c) => ({
        activity_id: activityId,
        cohort: String((c.attributes as Record<string, unknown>).cohort ?? 'child_in_need'),
        child_ref: c.reference,
        case_id: c.id,
        entry_route: 'advance',
        attributes: JSON.stringify({}),
        added_by_label: 'bench',
      })),
    )
    .returning('id')
    .execute();
  for (const [i, s] of sampled.entries()) {
    const who = people[i % people.length]!;
    const visit = await allocateCase(lead, {
      activityId,
      sampleCaseId: s.id,
      inspectorId: who,
      socialWorkerRef: `SW-${100 + i}`,
      socialWorkerRole: i % 4 === 0 ? 'Team manager' : 'Social worker',
      plannedAt: new Date(Date.UTC(2025, 5, 2 + (i % 10), 9 + (i % 7))),
      mode: i % 5 === 0 ? 'remote' : 'in_person',
    });
    if (i % 3 !== 2)
      await markFieldworkItem(ctxs.get(who)!, {
        activityId,
        kind: 'visit',
        itemId: visit.id,
        status: 'done',
        minutesSpent: 30 + ((i * 7) % 60),
      });
  }
  for (let i = 0; i < 24 * factor; i++) {
    const who = people[i % people.length]!;
    const c = await planConversation(lead, {
      activityId,
      withWhom: WITH[i % WITH.length]!,
      serviceArea: SERVICE_AREAS[i % SERVICE_AREAS.length]!,
      sampleCaseId: i % 2 ? sampled[i % sampled.length]!.id : null,
      inspectorId: who,
      plannedOn: `2025-06-${String(2 + (i % 10)).padStart(2, '0')}`,
      infoSheet: i % 2 ? 'given' : 'not_given',
      consent: i % 2 ? 'given' : 'not_asked',
    });
    if (i % 2)
      await markFieldworkItem(ctxs.get(who)!, {
        activityId,
        kind: 'conversation',
        itemId: c.id,
        status: 'done',
      });
  }
  for (let i = 0; i < people.length * 2 * factor; i++) {
    const who = people[i % people.length]!;
    const o = await planObservation(lead, {
      activityId,
      kind: KINDS[i % KINDS.length]!,
      observerId: who,
      plannedOn: `2025-06-${String(2 + (i % 10)).padStart(2, '0')}`,
      description: `Observation ${i + 1}`,
    });
    if (i % 2)
      await markFieldworkItem(ctxs.get(who)!, {
        activityId,
        kind: 'observation',
        itemId: o.id,
        status: 'done',
      });
  }
  return {
    lead,
    visits: sampled.length,
    conversations: 24 * factor,
    observations: people.length * 2 * factor,
  };
}

const row = (label: string, s: Summary, rss: number) =>
  `| ${label} | ${s.p50} | ${s.p95} | ${s.max} | ${rss.toFixed(0)} |`;

export async function benchFieldworkProgress(o: Options): Promise<string[]> {
  const title = `### Fieldwork progress view: ${o.engine}, ${o.factor}x`;
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, `fwprog${o.factor}`, o.adminUrl);
  } catch (err) {
    return [title, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  try {
    await migrateToLatest(db);
    const scale = {
      ...evidenceScale,
      records: evidenceScale.records * o.factor,
      codings: evidenceScale.codings * o.factor,
      cases: evidenceScale.cases * o.factor,
    };
    const syn = await seedSyntheticEvidence(db, scale);
    const plan = await seedPlan(db, syn, o.factor);
    await sql`analyze`.execute(db);
    const lead = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', syn.inspectorIds[0]!)
      .executeTakeFirstOrThrow();
    const { app, headers } = await signedInApp(database, loadActivityTypeCatalog(), {
      email: lead.email,
      password: 'synthetic-not-for-sign-in',
    });
    const a = syn.activityId;
    const check = await getFieldworkProgress(plan.lead, { activityId: a });
    if (check.progress.casesPlanned !== plan.visits)
      throw new Error(`expected ${plan.visits} cases planned, got ${check.progress.casesPlanned}`);
    const seededRss = process.memoryUsage().rss / 1048576;
    const get = (url: string) => async () => {
      const r = await app.inject({ method: 'GET', url, headers });
      if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
    };
    const uc = await measure(() =>
      sample(o.n, () => getFieldworkProgress(plan.lead, { activityId: a })),
    );
    const page = await measure(() => sample(o.n, get(`/activities/${a}/fieldwork/progress`)));
    const api = await measure(() => sample(o.n, get(`/api/v1/activities/${a}/fieldwork/progress`)));
    await app.close();
    const cpu = (m: { cpuMs: number }) => (m.cpuMs / (o.n + Math.min(10, o.n))).toFixed(1);
    return [
      `${title}: ${scale.records.toLocaleString('en-GB')} records, ${scale.codings.toLocaleString('en-GB')} codings; plan of ${plan.visits} case visits, ${plan.conversations} conversations, ${plan.observations} observations (half to two thirds done); n=${o.n} sequential calls as the lead after 10 warm-up; RSS after seeding ${seededRss.toFixed(0)} MB`,
      '',
      '| what | p50 ms | p95 ms | max ms | peak RSS MB |',
      '|---|---|---|---|---|',
      row('getFieldworkProgress (use case)', uc.value, uc.peakRssMb),
      row('GET /activities/:id/fieldwork/progress (HTML page)', page.value, page.peakRssMb),
      row('GET /api/v1/activities/:id/fieldwork/progress (JSON)', api.value, api.peakRssMb),
      '',
      `CPU per call (Node process, mean): use case ${cpu(uc)} ms, page ${cpu(page)} ms, API ${cpu(api)} ms.`,
      '',
    ];
  } finally {
    await cleanup();
  }
}
