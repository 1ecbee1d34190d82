// An LA's timeline: its past activities (the published inspection history, its own and that of
// the authorities it replaced) and, for the inspectorate staff who plan its region only, the
// activities its region's published programme plans for it. Inspections are unannounced: LA users
// (and anyone else who may not read the region's plans) never see planned dates.
import { z } from 'zod';
import { listHistoryForLas } from '../../data/repositories/inspection-history.js';
import { loadLaRegister } from '../../data/repositories/local-authorities.js';
import { latestPublication, listRunPlacements } from '../../data/repositories/programme.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { toHistoryItem, type HistoryItem } from '../shared/la-summaries.js';
import { parse } from './saved-runs.js';

export const GetLaTimelineInput = z.object({ id: z.string().trim().min(1).max(200) });

export interface PlannedItem {
  activityType: string;
  typeLabel: string;
  week: number;
  start: string;
  end: string;
  team: { name: string; teamRole: string }[];
}

export interface LaTimeline {
  la: { id: string; name: string; region: string | null };
  past: HistoryItem[];
  /** Null when the actor may not see plans; else the published version's placements. */
  planned: { version: number; runId: string; items: PlannedItem[] } | null;
  canSeePlans: boolean;
}

export async function getLaTimeline(
  ctx: UseCaseContext,
  raw: z.input<typeof GetLaTimelineInput>,
): Promise<LaTimeline> {
  const input = parse(GetLaTimelineInput, raw);
  const register = await loadLaRegister(ctx.db);
  const found = register.find(input.id);
  if (!found.ok) throw new AppError('NOT_FOUND');
  const la = found.la;
  if (!policies.viewLa(ctx.actor, { id: la.id, region: la.ofstedRegion }))
    throw new AppError('NOT_FOUND');
  const names = new Map(register.all.map((l) => [l.id, l]));
  const ancestors = register.ancestorsOf(la.id);
  const events = await listHistoryForLas(ctx.db, [la.id, ...ancestors.map((a) => a.id)]);
  const canSeePlans =
    la.ofstedRegion !== null && policies.viewProgrammeRuns(ctx.actor, la.ofstedRegion);
  let planned: LaTimeline['planned'] = null;
  if (canSeePlans && la.ofstedRegion) {
    const pub = await latestPublication(ctx.db, la.ofstedRegion);
    if (pub) {
      const items = (await listRunPlacements(ctx.db, pub.runId))
        .filter((p) => p.laId === la.id)
        .map((p) => ({
          activityType: p.activityType,
          typeLabel: p.explanation.typeLabel,
          week: p.week,
          start: p.start,
          end: p.end,
          team: p.team.map((m) => ({ name: m.name, teamRole: m.teamRole })),
        }));
      planned = { version: pub.version, runId: pub.runId, items };
    }
  }
  return {
    la: { id: la.id, name: la.name, region: la.ofstedRegion },
    past: events.map((e) => toHistoryItem(e, names.get(e.laId), la.id)),
    planned,
    canSeePlans,
  };
}
