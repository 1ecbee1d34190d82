// Loads what a programme needs from the database: the region's current LAs, each one's last
// judgement and timeline (published history and recorded activities), its risk level, and the
// framework version in force at the start. Inspectors come from the caller (a JSON roster, a
// synthetic one) or, when it gives none, from the inspectors' profiles (loadRoster below).
import { listLaActivityDates } from '../../data/repositories/activities.js';
import { listProgrammePlannedActivityIds } from '../../data/repositories/programme.js';
import {
  listAbsences,
  listConflicts,
  listInspectorProfiles,
} from '../../data/repositories/inspectors.js';
import { latestJudgements, listHistoryForLas } from '../../data/repositories/inspection-history.js';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { currentRiskAssessments } from '../../data/repositories/risk-assessments.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { isCurrent } from '../../domain/las/la.js';
import type {
  InspectorInput,
  Pin,
  ProgrammeLa,
  ProgrammeSettings,
} from '../../domain/programme/instance.js';
import { programmeRulesOf } from '../../domain/programme/rules.js';
import type { TimelineItem } from '../../domain/scheduling/check-rules.js';
import { conflictHolds, mayFillTeamRole } from '../../domain/scheduling/inspector-profile.js';
import type { ActivityRules } from '../../domain/scheduling/rules-schema.js';
import { addDays } from '../../domain/programme/instance.js';
import { AppError } from '../../errors.js';
import type { ProgrammeInstance } from '../../domain/programme/instance.js';
import type { UseCaseContext } from '../context.js';

export async function loadProgrammeInstance(
  ctx: UseCaseContext,
  p: {
    region: string | null;
    start: string;
    weeks: number;
    /** The roster; null: the inspectors' profiles in the database. */
    inspectors: InspectorInput[] | null;
    settings: ProgrammeSettings;
    pins: Pin[];
  },
): Promise<ProgrammeInstance> {
  const fw = frameworkRegistry().forDate(p.start, 'short_inspection');
  const rules = fw ? programmeRulesOf(fw) : null;
  if (!fw || !rules)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'from',
          value: p.start,
          reason: 'No framework with activity rules is in force then',
        },
      ],
    });
  const las = (await listLocalAuthorities(ctx.db, p.region ? { region: p.region } : {})).filter(
    (l) => isCurrent(l) && l.ofstedRegion,
  );
  const ids = las.map((l) => l.id);
  const [latest, history, risk, fromProgramme] = await Promise.all([
    latestJudgements(ctx.db, { laIds: ids, asAt: p.start }),
    listHistoryForLas(ctx.db, ids),
    currentRiskAssessments(ctx.db, ids),
    // Activities a published programme created and not yet started: the new plan replaces them.
    listProgrammePlannedActivityIds(ctx.db, ids),
  ]);
  const out: ProgrammeLa[] = [];
  for (const la of las) {
    const last = latest.get(la.id) ?? null;
    const grades = (last?.grades ?? {}) as Record<string, string>;
    const overall = rules.rules.overallFrom.map((k) => grades[k]).find(Boolean) ?? null;
    const timeline: TimelineItem[] = (await listLaActivityDates(ctx.db, la.id))
      .filter((a) => !fromProgramme.has(a.id))
      .map((a) => ({
        activityType: a.activityType,
        start: a.start,
        end: a.end,
        label: `${a.title} (${a.start})`,
      }));
    const recorded = new Set(timeline.map((t) => `${t.activityType}|${t.start}`));
    for (const h of history)
      if (h.laId === la.id && !recorded.has(`${h.activityType}|${h.startDate}`))
        timeline.push({
          activityType: h.activityType,
          start: h.startDate,
          end: h.endDate ?? null,
          label: `${rules.typeLabels[h.activityType] ?? h.activityType} (${h.startDate})`,
        });
    out.push({
      id: la.id,
      name: la.name,
      region: la.ofstedRegion ?? '',
      lastJudgement: last ? { start: last.startDate, overall, grades } : null,
      lastJudgementType: last?.activityType ?? null,
      riskLevel: risk.get(la.id)?.current.overallLevel ?? null,
      timeline,
    });
  }
  return {
    start: p.start,
    weeks: p.weeks,
    las: out,
    inspectors:
      p.inspectors ??
      (await loadRoster(ctx, {
        region: p.settings.crossRegion ? null : p.region,
        start: p.start,
        end: addDays(p.start, 7 * p.weeks - 1),
        rules: rules.rules,
      })),
    rules,
    settings: p.settings,
    pins: p.pins,
    previous: null,
  };
}

/** Preparation days when a profile sets none: the most a team inspector needs in the framework. */
function frameworkPreparationDays(rules: ActivityRules): number {
  const days = (rules.teams?.workload ?? []).map(
    (w) => w.roles.team_inspector?.preparationDays ?? 0,
  );
  return Math.min(5, Math.max(0, ...days));
}

/**
 * The roster from the inspectors' profiles: those of the region (all for England, or when teams
 * may cross regions) who may be on a team (HMIs and senior HMIs), with their leave and training
 * in the programme's year, the conflicts of interest that hold at any time in it, their working
 * days, quarter limit and preparation days; lead-qualified as the profile says.
 */
export async function loadRoster(
  ctx: UseCaseContext,
  p: { region: string | null; start: string; end: string; rules: ActivityRules },
): Promise<InspectorInput[]> {
  const profiles = (await listInspectorProfiles(ctx.db, { region: p.region })).filter((x) =>
    mayFillTeamRole(x, 'team_inspector'),
  );
  const ids = profiles.map((x) => x.userId);
  const [absences, conflicts] = await Promise.all([
    listAbsences(ctx.db, ids, { from: p.start, to: p.end }),
    listConflicts(ctx.db, ids),
  ]);
  const prep = frameworkPreparationDays(p.rules);
  return profiles.map((x) => ({
    id: x.userId,
    name: x.displayName,
    homeRegion: x.homeRegion,
    leadQualified: mayFillTeamRole(x, 'lead_inspector'),
    roles: [x.inspectorRole],
    unavailable: absences
      .filter((a) => a.userId === x.userId)
      .map((a) => ({ from: a.startsOn, to: a.endsOn, reason: a.kind })),
    conflictedLaIds: [
      ...new Set(
        conflicts
          .filter((c) => c.userId === x.userId && conflictHolds(c, p.start, p.end))
          .map((c) => c.laId),
      ),
    ],
    maxWeeksOnSitePerQuarter: x.maxSiteWeeksPerQuarter,
    preparationDays: Math.min(5, x.preparationDays ?? prep),
    workingDays: [...x.workingDays],
  }));
}
