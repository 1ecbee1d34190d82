// An activity's week-zero material: the LA's risk picture (level and domain ratings), recent
// intelligence, the last report's areas for improvement, the LA's latest self-evaluation and the
// last engagement meeting's released notes and actions, each item with the lines of enquiry made
// from it. For whoever may read the activity's evidence (its team, national staff); risk ratings
// and intelligence as policies.ts allows, confidential entries never to the team.
import { z } from 'zod';
import { listEnquirySources, type EnquirySource } from '../../data/repositories/enquiry-sources.js';
import { teamRoleOf, type Activity } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import {
  sectionLoaders,
  type SectionContext,
  type WeekZeroItem,
  type WeekZeroSection,
} from './week-zero-sections.js';

export const GetWeekZeroInput = z.object({ activityId: z.string().max(200) });

export interface WeekZeroItemView extends WeekZeroItem {
  /** Lines of enquiry already made from this item. */
  enquiries: { id: string; title: string }[];
}

export interface WeekZero {
  activity: { id: string; title: string; laId: string; laName: string };
  sections: (Omit<WeekZeroSection, 'items'> & { items: WeekZeroItemView[] })[];
  /** May turn items into lines of enquiry. */
  canWrite: boolean;
  /** What informed the inspection: every line of enquiry made from an item, with its item. */
  informedBy: EnquirySource[];
}

/** The scope and the sections' context: who may read what of the LA's picture. */
export async function weekZeroContext(
  ctx: UseCaseContext,
  activityId: string,
  need: 'read' | 'write',
): Promise<{ activity: Activity; canWrite: boolean; sections: SectionContext }> {
  const { activity, canWrite } = await evidenceScope(ctx, activityId, need);
  const facts = { id: activity.laId, region: activity.laRegion };
  const onTeam = (await teamRoleOf(ctx.db, activity.id, ctx.actor)) !== null;
  return {
    activity,
    canWrite,
    sections: {
      db: ctx.db,
      activity,
      risk: policies.viewRiskPicture(ctx.actor, facts, onTeam),
      confidential: policies.viewConfidentialIntelligence(ctx.actor, facts),
    },
  };
}

/** Every item the actor may see, section by section. */
export async function loadSections(c: SectionContext): Promise<WeekZeroSection[]> {
  const loaded = await Promise.all(sectionLoaders.map((load) => load(c)));
  return loaded.filter((s): s is WeekZeroSection => s !== null);
}

export async function getWeekZero(
  ctx: UseCaseContext,
  raw: z.input<typeof GetWeekZeroInput>,
): Promise<WeekZero> {
  const input = GetWeekZeroInput.parse(raw);
  const scope = await weekZeroContext(ctx, input.activityId, 'read');
  const [sections, sources] = await Promise.all([
    loadSections(scope.sections),
    listEnquirySources(ctx.db, scope.activity.id),
  ]);
  const linked = (item: WeekZeroItem) =>
    sources
      .filter((s) => s.kind === item.kind && s.ref === item.ref)
      .map((s) => ({ id: s.lineOfEnquiryId, title: s.lineTitle }));
  const { activity } = scope;
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      laId: activity.laId,
      laName: activity.laName,
    },
    sections: sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, enquiries: linked(i) })),
    })),
    canWrite: scope.canWrite,
    informedBy: sources,
  };
}
