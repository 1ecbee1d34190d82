// A saved run checked again against the hard rules as things are now (leave or conflicts recorded
// since it was solved, activities created by hand): the independent checker of
// domain/programme/check-plan.ts on the stored placements. Publishing asks this first.
import type { HardBreach } from '../../domain/programme/check-plan.js';
import { checkPlan } from '../../domain/programme/check-plan.js';
import type { Plan } from '../../domain/programme/decode.js';
import { defaultSettings } from '../../domain/programme/instance.js';
import type { UseCaseContext } from '../context.js';
import { loadProgrammeInstance } from './programme-instance.js';
import { loadRoster } from './roster.js';
import type { ProgrammeRunView } from './saved-runs.js';

export async function recheckRun(
  ctx: UseCaseContext,
  view: ProgrammeRunView,
): Promise<HardBreach[]> {
  const o = view.run.options;
  const region = view.run.region === 'England' ? null : view.run.region;
  const inspectors = o.rosterFromProfiles
    ? await loadRoster(ctx, {
        region: o.crossRegion ? null : region,
        start: view.run.start,
        weeks: view.run.weeks,
        members: 'all',
        workingDays: false,
      })
    : (o.inspectors ?? null);
  const inst = await loadProgrammeInstance(ctx, {
    region,
    start: view.run.start,
    weeks: view.run.weeks,
    inspectors,
    settings: {
      ...defaultSettings,
      weights: { ...defaultSettings.weights, ...(o.weights ?? {}) },
      crossRegion: o.crossRegion ?? defaultSettings.crossRegion,
    },
    pins: o.pins,
  });
  const plan: Plan = {
    start: view.run.start,
    weeks: view.run.weeks,
    placements: view.placements.map((p) => ({
      laId: p.laId,
      laName: p.laName,
      region: p.laRegion ?? '',
      activityType: p.activityType,
      typeLabel: p.explanation.typeLabel,
      ordinal: p.ordinal,
      week: p.week,
      start: p.start,
      end: p.end,
      team: p.team.map((m) => ({
        inspectorId: m.inspectorId,
        name: m.name,
        lead: m.teamRole === 'lead',
        homeRegion: m.homeRegion,
      })),
      costs: p.explanation.costs,
      binding: p.explanation.binding,
    })),
    skipped: view.run.summary.skipped,
    softBreaches: view.run.summary.softBreaches,
    loads: view.run.summary.loads,
  };
  return checkPlan(inst, plan);
}
