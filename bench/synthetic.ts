// Seeded synthetic data at realistic and national scale: inspectors, activities across every LA,
// teams and state histories. Later benchmarks (evidence, Annex A) build on these records.
import type { Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';
import { hashPassword } from '../src/domain/auth/password.js';
import { createRandom } from '../src/domain/sampling/seeded-random.js';

export interface SyntheticScale {
  inspectors: number;
  activitiesPerLa: number;
}

export const scales: Record<'realistic' | 'national', SyntheticScale> = {
  // One region's year of work.
  realistic: { inspectors: 40, activitiesPerLa: 3 },
  // Every LA with a decade of activities.
  national: { inspectors: 400, activitiesPerLa: 30 },
};

const TEAM_ROLES = [
  'team_inspector',
  'team_inspector',
  'regulatory_inspector',
  'qam',
  'analyst',
] as const;
const STATES = [
  'planned',
  'notified',
  'on_site',
  'analysis',
  'drafting',
  'quality_assurance',
  'published',
  'published',
  'published',
] as const;
const TYPES = [
  { type: 'standard_inspection', theme: null },
  { type: 'short_inspection', theme: null },
  { type: 'focused_visit', theme: 'Front door' },
  { type: 'monitoring_visit', theme: null },
] as const;

export interface SyntheticResult {
  inspectorIds: string[];
  activityIds: string[];
}

/** Inserts synthetic inspectors and activities directly (bulk); returns their ids. */
export async function seedSynthetic(
  db: Kysely<DB>,
  scale: SyntheticScale,
  seed = 42,
): Promise<SyntheticResult> {
  const rnd = createRandom(seed);
  const las = await db
    .selectFrom('local_authorities')
    .select(['id', 'name'])
    .where('valid_to', 'is', null)
    .execute();
  const passwordHash = await hashPassword('synthetic-not-for-sign-in');
  const inspectorIds: string[] = [];
  for (let i = 0; i < scale.inspectors; i += 200) {
    const rows = Array.from({ length: Math.min(200, scale.inspectors - i) }, (_, k) => ({
      email: `inspector${i + k}.s${seed}@synthetic.example`,
      display_name: `Synthetic Inspector ${i + k}`,
      password_hash: passwordHash,
      role: 'inspector' as const,
    }));
    const ids = await db.insertInto('users').values(rows).returning('id').execute();
    inspectorIds.push(...ids.map((r) => r.id));
  }
  const activityIds: string[] = [];
  const base = Date.UTC(2018, 0, 8);
  for (const la of las) {
    const rows = Array.from({ length: scale.activitiesPerLa }, () => {
      const t = rnd.pick(TYPES);
      const start = new Date(base + rnd.int(0, 8 * 365) * 86_400_000);
      const state = rnd.pick(STATES);
      return {
        la_id: la.id,
        activity_type: t.type,
        framework_id: start.getUTCFullYear() >= 2023 ? 'ilacs-2023' : 'ilacs-2018',
        state,
        title: `${t.type.replace('_', ' ')} ${la.name}`,
        theme: t.theme,
        sequence_number: t.type === 'monitoring_visit' ? rnd.int(1, 8) : null,
        planned_start: start.toISOString().slice(0, 10),
        notified_at: state === 'planned' ? null : start,
      };
    });
    const ids = await db.insertInto('activities').values(rows).returning('id').execute();
    for (const { id } of ids) {
      activityIds.push(id);
      const team = new Set<string>();
      const lead = rnd.pick(inspectorIds);
      team.add(lead);
      const members = [{ activity_id: id, user_id: lead, team_role: 'lead_inspector' }];
      for (let m = 0; m < rnd.int(2, 5); m++) {
        const u = rnd.pick(inspectorIds);
        if (team.has(u)) continue;
        team.add(u);
        members.push({ activity_id: id, user_id: u, team_role: rnd.pick(TEAM_ROLES) });
      }
      await db.insertInto('team_members').values(members).execute();
    }
  }
  return { inspectorIds, activityIds };
}
