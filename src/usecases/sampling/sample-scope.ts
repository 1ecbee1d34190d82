// Shared by the sampling use cases: the access check (NOT_FOUND to anyone who may not see the
// sample, FORBIDDEN to viewers who may not change it) and the population of the current Annex A.
import type { Kysely } from 'kysely';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { findAnnexASettings, findCurrentAnnexAImport } from '../../data/repositories/annex-a.js';
import { loadPopulationRows } from '../../data/repositories/sampling.js';
import type { DB } from '../../data/schema.js';
import { EVIDENCE_CLOSED_STATES, policies } from '../../domain/access/policies.js';
import { pseudonymiser } from '../../domain/annex-a/pseudonymise.js';
import { buildPopulation, type PopulationCase } from '../../domain/sampling/population.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface SampleScope {
  activity: Activity;
  can: { draw: boolean; edit: boolean; revealIdentifiers: boolean };
}

export async function sampleScope(
  ctx: UseCaseContext,
  activityId: string,
  need: 'read' | 'draw' | 'edit',
): Promise<SampleScope> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts) || !policies.viewSample(ctx.actor, facts))
    throw new AppError('NOT_FOUND');
  const can = {
    draw: policies.drawSample(ctx.actor, facts),
    edit: policies.editSample(ctx.actor, facts),
    /** Match the sample to the LA's own child IDs (the team but the QAM and shadows). */
    revealIdentifiers: policies.revealChildIdentifiers(ctx.actor, facts),
  };
  if ((need === 'draw' && !can.draw) || (need === 'edit' && !can.edit))
    throw new AppError('FORBIDDEN', {
      message: EVIDENCE_CLOSED_STATES.has(activity.state)
        ? `The sample cannot change once the activity is ${activity.state}.`
        : need === 'draw'
          ? 'Only the lead inspector, the team’s data analyst or an admin can draw the sample.'
          : 'Only the activity’s team (not people shadowing) can change the sample.',
    });
  return { activity, can };
}

export interface LoadedPopulation {
  importId: string;
  referenceDate: string;
  cases: PopulationCase[];
}

/** The sampling population of the activity's current Annex A import (null: none imported). */
export async function loadPopulation(
  db: Kysely<DB>,
  activityId: string,
): Promise<LoadedPopulation | null> {
  const current = await findCurrentAnnexAImport(db, activityId);
  if (!current) return null;
  const rows = await loadPopulationRows(db, current.id);
  return {
    importId: current.id,
    referenceDate: current.referenceDate,
    cases: buildPopulation(rows, current.referenceDate),
  };
}

const PSEUDONYM = /^C-[0-9a-f]{16}$/i;

/**
 * Turns child IDs as the LA writes them into the activity's references (C-…), the same way the
 * Annex A import does; references already in that form are kept.
 */
export async function childRefsOf(
  db: Kysely<DB>,
  activityId: string,
  ids: string[],
): Promise<string[]> {
  const settings = await findAnnexASettings(db, activityId);
  const needKey = ids.some((id) => !PSEUDONYM.test(id.trim()));
  if (needKey && !settings?.pseudonymKey)
    throw new AppError('VALIDATION_FAILED', {
      message: 'Import Annex A first: child IDs are turned into the same references as its rows.',
      details: [
        { field: 'childIds', reason: 'There is no Annex A pseudonym key for this activity.' },
      ],
    });
  const p = settings?.pseudonymKey ? pseudonymiser(settings.pseudonymKey) : null;
  return ids.map((raw) => {
    const id = raw.trim();
    if (PSEUDONYM.test(id)) return `C-${id.slice(2).toLowerCase()}`;
    return p!('child', id);
  });
}
