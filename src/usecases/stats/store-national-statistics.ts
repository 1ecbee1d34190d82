// The stats area's shared step: store figures and neighbour lists in the caller's transaction,
// writing only what changed, and raise each change past the settings' thresholds as one
// intelligence entry (kind national statistics) unless it was raised before. The import and the
// demo's bundled table both come through here.
import type { Transaction } from 'kysely';
import { insertIntelligenceEntries } from '../../data/repositories/intelligence.js';
import { lockNationalStatistics } from '../../data/repositories/locks.js';
import {
  insertAlerts,
  listAllFigures,
  listAllNeighbours,
  listRaisedAlertKeys,
  replaceNeighbours,
  upsertFigures,
} from '../../data/repositories/national-statistics.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { changesPastThresholds, describeChange } from '../../domain/national-stats/compare.js';
import type { Figure, NeighbourRow } from '../../domain/national-stats/indicators.js';
import { statsSettings } from '../../domain/national-stats/installed.js';
import { riskModel } from '../../domain/risk/installed.js';
import { todayInEngland } from '../../clock.js';
import { actorRef } from '../shared/actor-ref.js';

export interface StoreOutcome {
  figures: { inserted: number; updated: number; unchanged: number };
  neighbours: { models: string[]; changed: number };
  alerts: { raised: number; alreadyRaised: number };
  /** Whether anything in the database changed. */
  changed: boolean;
}

const key = (f: Pick<Figure, 'indicator' | 'areaCode' | 'year'>) =>
  `${f.indicator}|${f.areaCode}|${f.year}`;

const same = (a: Figure, b: Figure) =>
  a.value === b.value && a.marker === b.marker && a.areaName === b.areaName && a.level === b.level;

export async function storeNationalStatistics(
  trx: Transaction<DB>,
  actor: Actor,
  incoming: { figures: readonly Figure[]; neighbours: readonly NeighbourRow[] },
): Promise<StoreOutcome> {
  await lockNationalStatistics(trx);
  const existing = new Map((await listAllFigures(trx)).map((f) => [key(f), f]));
  const write: Figure[] = [];
  let inserted = 0;
  let updated = 0;
  for (const f of incoming.figures) {
    const old = existing.get(key(f));
    if (!old) inserted++;
    else if (!same(old, f)) updated++;
    else continue;
    write.push(f);
  }
  await upsertFigures(trx, write);

  const neighbours = await storeNeighbours(trx, incoming.neighbours);
  const alerts = await raiseAlerts(trx, actor, incoming.figures);
  return {
    figures: { inserted, updated, unchanged: incoming.figures.length - inserted - updated },
    neighbours,
    alerts,
    changed: write.length > 0 || neighbours.changed > 0 || alerts.raised > 0,
  };
}

/** Each model's lists replace the stored ones of the same LAs, when they differ. */
async function storeNeighbours(
  trx: Transaction<DB>,
  rows: readonly NeighbourRow[],
): Promise<StoreOutcome['neighbours']> {
  const models = [...new Set(rows.map((r) => r.model))].sort();
  const stored = await listAllNeighbours(trx);
  const text = (list: readonly NeighbourRow[]) =>
    list.map((n) => `${n.rank}:${n.neighbourLaId}:${n.closeness ?? ''}`).join(',');
  let changed = 0;
  for (const model of models) {
    const mine = rows.filter((r) => r.model === model);
    const las = [...new Set(mine.map((r) => r.laId))];
    const differing = las.filter(
      (la) =>
        text(mine.filter((r) => r.laId === la)) !==
        text(stored.filter((r) => r.model === model && r.laId === la)),
    );
    if (differing.length === 0) continue;
    const set = new Set(differing);
    await replaceNeighbours(
      trx,
      model,
      differing,
      mine.filter((r) => set.has(r.laId)),
    );
    changed += differing.length;
  }
  return { models, changed };
}

async function raiseAlerts(
  trx: Transaction<DB>,
  actor: Actor,
  figures: readonly Figure[],
): Promise<StoreOutcome['alerts']> {
  const today = todayInEngland();
  const settings = statsSettings(today);
  const domains = new Set(riskModel({ onDate: today }).domains.map((d) => d.key));
  const changes = changesPastThresholds(figures, settings.indicators);
  const raised = await listRaisedAlertKeys(trx);
  const fresh = changes.filter((c) => !raised.has(`${c.laId}|${c.indicator}|${c.toYear}`));
  if (fresh.length === 0) return { raised: 0, alreadyRaised: changes.length };
  const by = actorRef(actor);
  const entries = await insertIntelligenceEntries(
    trx,
    fresh.map((c) => {
      const s = settings.indicators.find((i) => i.key === c.indicator)!;
      const { title, summary } = describeChange(c, s);
      return {
        laId: c.laId,
        kind: 'national_statistics' as const,
        title,
        summary,
        source: `DfE national statistics (${settings.id})`,
        receivedOn: today,
        recordedBy: by.id,
        recordedByLabel: by.label,
        sensitivity: 'standard' as const,
        // Public figures: the LA sees the entry too.
        sharedWithLa: true,
        domainKeys: s.domainKeys.filter((d) => domains.has(d)),
      };
    }),
  );
  await insertAlerts(
    trx,
    fresh.map((c, i) => ({
      laId: c.laId,
      indicator: c.indicator,
      toYear: c.toYear,
      entryId: entries[i]!.id,
    })),
  );
  return { raised: fresh.length, alreadyRaised: changes.length - fresh.length };
}
