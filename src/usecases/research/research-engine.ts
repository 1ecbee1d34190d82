// The steps every research query shares: who may ask, which study (and so which selection and
// LA identity setting) applies, which published inspections are in, what each row stands for,
// and the log entry every query leaves. Not a use case: the use cases in this folder call it.
import type { Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import {
  codebookMappings,
  findStudy,
  listThematicCodes,
} from '../../data/repositories/research-studies.js';
import {
  publishedContexts,
  publishedCriteria,
  type StoreRow,
} from '../../data/repositories/research.js';
import type { DB } from '../../data/schema.js';
import { policies } from '../../domain/access/policies.js';
import { rowSource } from '../../domain/research/codebook.js';
import { sizeBandOf } from '../../domain/research/dimensions.js';
import type { ResearchQuery, ResearchRowLabel } from '../../domain/research/query.js';
import { researchSettings, type ResearchSettings } from '../../domain/research/settings.js';
import {
  selects,
  type InspectionContext,
  type StudySelection,
} from '../../domain/research/selection.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { withNationalContext } from './national-context.js';

export interface QueryScope {
  settings: ResearchSettings;
  contexts: InspectionContext[];
  selection: StudySelection;
  laIdentityShown: boolean;
  codebookVersion: number | null;
  rows: Array<StoreRow & ResearchRowLabel>;
  /** "Inspection 1".. in the order of the selected inspections. */
  pseudonymOf: Map<string, string>;
}

/** Authorizes, loads the selected inspections and resolves the rows. */
export async function queryScope(ctx: UseCaseContext, q: ResearchQuery): Promise<QueryScope> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  let selection = q.selection;
  let laIdentityShown = false;
  if (q.studyId) {
    const study = await findStudy(ctx.db, q.studyId);
    if (!study || !policies.viewResearchStudy(ctx.actor, study)) throw new AppError('NOT_FOUND');
    // The study's selection narrows; the query may narrow it further, never widen it.
    selection = {
      ...study.selection,
      ...Object.fromEntries(Object.entries(q.selection).filter(([, v]) => v?.length)),
    };
    laIdentityShown = study.laIdentity === 'shown';
  }
  const settings = researchSettings();
  // Independent reads, side by side (on PostgreSQL each on its own pooled connection).
  const [all, codebook, thematic, published] = await Promise.all([
    publishedContexts(ctx.db).then((c) => withNationalContext(ctx.db, c)),
    codebookMappings(ctx.db, q.codebookVersion ?? null),
    listThematicCodes(ctx.db),
    publishedCriteria(ctx.db),
  ]);
  const band = (c: InspectionContext) => sizeBandOf(c, settings)?.value ?? null;
  const contexts = all
    .filter((c) => selects(selection, c, band))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.activityId.localeCompare(b.activityId));
  const { version, mappings } = codebook;
  if (q.codebookVersion && version === null) throw new AppError('NOT_FOUND');
  const themes = new Map(thematic.map((t) => [t.key, t.name]));
  const criteria = new Map(published.map((c) => [c.key, c.name]));
  const rows = q.rows.map((key, row) => {
    const [kind, ...rest] = key.split(':');
    const k = rest.join(':');
    const label = kind === 'theme' ? `Theme: ${themes.get(k) ?? k}` : `${criteria.get(k) ?? k}`;
    return { row, key, label, ...rowSource(key, mappings) };
  });
  return {
    settings,
    contexts,
    selection,
    laIdentityShown,
    codebookVersion: version,
    rows,
    pseudonymOf: new Map(contexts.map((c, i) => [c.activityId, `Inspection ${i + 1}`])),
  };
}

/** Every query, cell opening and export is logged with its definition. */
export async function logResearchQuery(
  trx: Transaction<DB>,
  ctx: UseCaseContext,
  what: string,
  q: ResearchQuery,
  extra: Record<string, unknown>,
): Promise<void> {
  await writeAudit(trx, ctx.actor, {
    action: 'research.queried',
    entityType: q.studyId ? 'research_study' : 'research_query',
    entityId: q.studyId ?? q.kind,
    after: { what, query: q, ...extra },
  });
}
