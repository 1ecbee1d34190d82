// The research home: the studies the actor may open, what the store holds (how many published
// inspections, which context values exist to select by) and what they may do.
import {
  listStudies as loadStudies,
  type Study,
} from '../../data/repositories/research-studies.js';
import { publishedContexts } from '../../data/repositories/research.js';
import { policies } from '../../domain/access/policies.js';
import { researchSettings } from '../../domain/research/settings.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface SelectionOptions {
  regions: string[];
  grades: string[];
  frameworkIds: string[];
  years: number[];
  sizeBands: Array<{ value: string; label: string }>;
  riskLevels: string[];
}

export interface ResearchHome {
  studies: Study[];
  inspections: number;
  options: SelectionOptions;
  threshold: number;
  can: { maintainCodebook: boolean; loadContext: boolean };
}

const uniq = <T>(xs: Array<T | null>): T[] =>
  [...new Set(xs.filter((x): x is T => x !== null))].sort();

export async function listStudies(ctx: UseCaseContext): Promise<ResearchHome> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  const settings = researchSettings();
  const contexts = await publishedContexts(ctx.db);
  const studies = (await loadStudies(ctx.db)).filter((s) =>
    policies.viewResearchStudy(ctx.actor, s),
  );
  return {
    studies,
    inspections: contexts.length,
    options: {
      regions: uniq(contexts.map((c) => c.region)),
      grades: uniq(contexts.map((c) => c.grade)),
      frameworkIds: uniq(contexts.map((c) => c.frameworkId)),
      years: uniq(contexts.map((c) => c.year)),
      sizeBands: settings.sizeBands.map((b) => ({ value: b.key, label: b.label })),
      riskLevels: uniq(contexts.map((c) => c.riskLevel)),
    },
    threshold: settings.suppressionThreshold,
    can: {
      maintainCodebook: policies.maintainThematicCodebook(ctx.actor),
      loadContext: policies.loadLaContext(ctx.actor),
    },
  };
}
