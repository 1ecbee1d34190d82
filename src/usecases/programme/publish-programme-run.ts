// Publishes a saved run as the next version of its region's programme, in one transaction: the
// run is checked again against the hard rules (none may break), each placement becomes a planned
// activity with its team (inspectors with accounts), and the previous version's planned
// activities that have not started are moved to the new dates and teams or cancelled. Planned
// activities are never shown to LA users (policies.viewActivity: not before notification).
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteTeamMember,
  findActivity,
  insertActivity,
  insertStateChange,
  listTeam,
  moveActivityDates,
  moveActivityState,
  upsertTeamMember,
} from '../../data/repositories/activities.js';
import { findInspector } from '../../data/repositories/inspectors.js';
import {
  insertPublication,
  latestPublication,
  linkPublishedActivity,
  listPublishedActivities,
  type StoredPlacement,
} from '../../data/repositories/programme.js';
import type { DB } from '../../data/schema.js';
import { policies } from '../../domain/access/policies.js';
import type { TeamRole } from '../../domain/access/roles.js';
import { activityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { recheckRun } from './plan-check.js';
import { parse, readRun, type ProgrammeRunView } from './saved-runs.js';

export const PublishProgrammeRunInput = z.object({ runId: z.string().min(1) });

export interface ProgrammePublished {
  runId: string;
  region: string;
  version: number;
  created: number;
  moved: number;
  teamsChanged: number;
  cancelled: number;
  /** Activities of the previous version already under way: left as they are. */
  started: number;
  /** Team members of the plan without an inspector account (a synthetic or JSON roster). */
  withoutAccount: string[];
}

const keyOf = (p: { laId: string; activityType: string; ordinal: number }) =>
  `${p.laId}|${p.activityType}|${p.ordinal}`;

export async function publishProgrammeRun(
  ctx: UseCaseContext,
  raw: z.input<typeof PublishProgrammeRunInput>,
): Promise<ProgrammePublished> {
  const input = parse(PublishProgrammeRunInput, raw);
  const view = await readRun(ctx, input.runId);
  const region = view.run.region === 'England' ? null : view.run.region;
  if (view.ownPlacementsOnly) throw new AppError('NOT_FOUND');
  if (!policies.publishProgramme(ctx.actor, region)) throw new AppError('FORBIDDEN');
  const refuse = (rule: string, reason: string) =>
    new AppError('PROGRAMME_NOT_PUBLISHABLE', {
      details: [{ field: 'runId', value: rule, reason }],
    });
  if (view.placements.length === 0 || !['optimal', 'time_limit'].includes(view.run.status))
    throw refuse('no_plan', `The run has no plan to publish (${view.run.status})`);
  const breaches = await recheckRun(ctx, view);
  if (breaches.length > 0)
    throw new AppError('PROGRAMME_NOT_PUBLISHABLE', {
      details: breaches
        .slice(0, 20)
        .map((b) => ({ field: 'runId', value: b.rule, reason: b.detail })),
    });
  const members = new Map<string, TeamRole | null>();
  for (const p of view.placements)
    for (const m of p.team)
      if (!members.has(m.inspectorId)) {
        const insp = await findInspector(ctx.db, m.inspectorId);
        members.set(m.inspectorId, insp && !insp.disabled ? teamRoleFor(m.teamRole, insp) : null);
      }
  return ctx.db.transaction().execute(async (trx) => {
    const previous = await latestPublication(trx, view.run.region);
    if (previous?.runId === view.run.id)
      throw refuse('already_published', `This run is version ${previous.version} already`);
    const version = (previous?.version ?? 0) + 1;
    const by = actorRef(ctx.actor);
    const publicationId = await insertPublication(trx, {
      region: view.run.region,
      version,
      runId: view.run.id,
      by: by.id,
      byLabel: by.label,
    });
    const out: ProgrammePublished = {
      runId: view.run.id,
      region: view.run.region,
      version,
      created: 0,
      moved: 0,
      teamsChanged: 0,
      cancelled: 0,
      started: 0,
      withoutAccount: [...members].filter(([, r]) => r === null).map(([id]) => id),
    };
    const wanted = new Map(view.placements.map((p) => [keyOf(p), p]));
    const carried = new Set<string>();
    for (const link of previous ? await listPublishedActivities(trx, previous.id) : []) {
      const p = wanted.get(keyOf(link));
      if (link.state !== 'planned') {
        out.started += 1;
        if (p) carried.add(keyOf(link));
        continue;
      }
      if (!p) {
        await cancel(ctx, trx, link, version);
        out.cancelled += 1;
        continue;
      }
      carried.add(keyOf(link));
      const changes = await carry(ctx, trx, link, p, members, version);
      if (changes.moved) out.moved += 1;
      if (changes.team) out.teamsChanged += 1;
      await linkPublishedActivity(trx, publicationId, p.id, link.activityId);
    }
    for (const p of view.placements) {
      if (carried.has(keyOf(p))) continue;
      const id = await create(ctx, trx, view, p, members, version);
      await linkPublishedActivity(trx, publicationId, p.id, id);
      out.created += 1;
    }
    await writeAudit(trx, ctx.actor, {
      action: 'programme.published',
      entityType: 'programme_run',
      entityId: view.run.id,
      before: previous ? { version: previous.version, runId: previous.runId } : null,
      after: { ...out },
    });
    return out;
  });
}

/** The activity team role of a plan member with an inspector account. */
function teamRoleFor(
  role: StoredPlacement['team'][number]['teamRole'],
  insp: NonNullable<Awaited<ReturnType<typeof findInspector>>>,
): TeamRole {
  if (role === 'lead') return 'lead_inspector';
  if (role === 'qam') return 'qam';
  const r = insp.profile?.inspectorRole;
  if (role === 'specialist' && (r === 'regulatory_inspector' || r === 'education_inspector'))
    return r;
  return 'team_inspector';
}

async function setTeam(
  trx: Transaction<DB>,
  activityId: string,
  p: StoredPlacement,
  members: Map<string, TeamRole | null>,
): Promise<boolean> {
  const want = new Map(
    p.team.flatMap((m) => {
      const role = members.get(m.inspectorId);
      return role ? [[m.inspectorId, role] as const] : [];
    }),
  );
  const have = await listTeam(trx, activityId);
  let changed = false;
  for (const h of have)
    if (!want.has(h.userId) && h.teamRole !== 'qam') {
      await deleteTeamMember(trx, activityId, h.userId);
      changed = true;
    }
  for (const [userId, role] of want)
    if (have.find((h) => h.userId === userId)?.teamRole !== role) {
      await upsertTeamMember(trx, activityId, userId, role);
      changed = true;
    }
  return changed;
}

async function create(
  ctx: UseCaseContext,
  trx: Transaction<DB>,
  view: ProgrammeRunView,
  p: StoredPlacement,
  members: Map<string, TeamRole | null>,
  version: number,
): Promise<string> {
  const catalog = ctx.catalog ?? activityTypeCatalog(frameworkRegistry());
  const frameworkId = catalog.frameworkFor(p.start, p.activityType);
  const type = frameworkId ? catalog.activityType(frameworkId, p.activityType) : null;
  if (!frameworkId || !type)
    throw new AppError('PROGRAMME_NOT_PUBLISHABLE', {
      details: [
        { field: 'runId', value: p.activityType, reason: `No framework in force on ${p.start}` },
      ],
    });
  const id = await insertActivity(trx, {
    laId: p.laId,
    activityType: p.activityType,
    frameworkId,
    title: `${type.label}${p.ordinal > 1 ? ` ${p.ordinal}` : ''}: ${p.laName} (planned)`,
    theme: null,
    sequenceNumber: type.hasSequenceNumber ? p.ordinal : null,
    partnerInspectorates: [],
    plannedStart: p.start,
    plannedEnd: p.end,
  });
  await insertStateChange(trx, {
    activityId: id,
    fromState: null,
    toState: 'planned',
    reason: `Programme version ${version}`,
    changedBy: actorRef(ctx.actor).id,
  });
  await setTeam(trx, id, p, members);
  await writeAudit(trx, ctx.actor, {
    action: 'activity.created',
    entityType: 'activity',
    entityId: id,
    activityId: id,
    laId: p.laId,
    after: {
      programmeRunId: view.run.id,
      programmeVersion: version,
      activityType: p.activityType,
      plannedStart: p.start,
      plannedEnd: p.end,
      team: p.team.filter((m) => members.get(m.inspectorId)).map((m) => m.inspectorId),
    },
  });
  return id;
}

async function carry(
  ctx: UseCaseContext,
  trx: Transaction<DB>,
  link: Awaited<ReturnType<typeof listPublishedActivities>>[number],
  p: StoredPlacement,
  members: Map<string, TeamRole | null>,
  version: number,
): Promise<{ moved: boolean; team: boolean }> {
  const a = await findActivity(trx, link.activityId);
  if (!a) throw new AppError('INTERNAL');
  const moved = a.plannedStart !== p.start || a.plannedEnd !== p.end;
  if (moved) {
    if (!(await moveActivityDates(trx, a.id, { start: p.start, end: p.end }, a.version)))
      throw new AppError('CONFLICT');
    await writeAudit(trx, ctx.actor, {
      action: 'activity.rescheduled',
      entityType: 'activity',
      entityId: a.id,
      activityId: a.id,
      laId: a.laId,
      before: { plannedStart: a.plannedStart, plannedEnd: a.plannedEnd },
      after: { plannedStart: p.start, plannedEnd: p.end, programmeVersion: version },
    });
  }
  const team = await setTeam(trx, a.id, p, members);
  return { moved, team };
}

async function cancel(
  ctx: UseCaseContext,
  trx: Transaction<DB>,
  link: Awaited<ReturnType<typeof listPublishedActivities>>[number],
  version: number,
): Promise<void> {
  const reason = `Not in programme version ${version}`;
  const ok = await moveActivityState(
    trx,
    { id: link.activityId, state: 'planned', notifiedAt: null },
    'cancelled',
    link.version,
  );
  if (!ok) throw new AppError('CONFLICT');
  await insertStateChange(trx, {
    activityId: link.activityId,
    fromState: 'planned',
    toState: 'cancelled',
    reason,
    changedBy: actorRef(ctx.actor).id,
  });
  await writeAudit(trx, ctx.actor, {
    action: 'activity.state_changed',
    entityType: 'activity',
    entityId: link.activityId,
    activityId: link.activityId,
    laId: link.laId,
    before: { state: 'planned' },
    after: { state: 'cancelled' },
    reason,
  });
}
