// The research store over JSON: cross-inspection queries and their cells (pseudonymised passages,
// suppressed counts), studies and memos, the thematic codebook and its versioned mappings, the
// deprivation loader. Access as the pages (policies.ts): researchers, national staff, admins.
import { z } from 'zod';
import { ResearchQuery } from '../../../domain/research/query.js';
import { addStudyMemo, AddStudyMemoInput } from '../../../usecases/research/add-study-memo.js';
import {
  addThematicCode,
  AddThematicCodeInput,
} from '../../../usecases/research/add-thematic-code.js';
import { createStudy, CreateStudyInput } from '../../../usecases/research/create-study.js';
import { getStudy } from '../../../usecases/research/get-study.js';
import { getThematicCodebook } from '../../../usecases/research/get-thematic-codebook.js';
import { listStudies } from '../../../usecases/research/list-studies.js';
import {
  loadDeprivation,
  LoadDeprivationInput,
} from '../../../usecases/research/load-deprivation.js';
import { mapToTheme, MapToThemeInput } from '../../../usecases/research/map-to-theme.js';
import { openResearchCell } from '../../../usecases/research/open-research-cell.js';
import { runResearchQuery } from '../../../usecases/research/run-research-query.js';
import {
  setStudyLaIdentity,
  SetStudyLaIdentityInput,
} from '../../../usecases/research/set-study-la-identity.js';
import { OutcomesDefinition } from '../../../domain/research/definitions.js';
import { analyseOutcomes } from '../../../usecases/research/analyse-outcomes.js';
import { exportStudyResults } from '../../../usecases/research/export-study-results.js';
import { listResearchDefinitions } from '../../../usecases/research/list-research-definitions.js';
import { runResearchDefinition } from '../../../usecases/research/run-research-definition.js';
import {
  saveResearchDefinition,
  SaveResearchDefinitionInput,
} from '../../../usecases/research/save-research-definition.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Obj = z.record(z.string(), z.unknown());
const asObj = (v: unknown) => v as Record<string, unknown>;

export const registerResearchApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof listStudies>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/query',
      summary:
        'Run a cross-inspection query (coding, matrix by an LA context dimension, co-occurrence) over published inspections; small counts suppressed; logged',
      tag: 'research',
      body: ResearchQuery,
      response: Obj,
      handler: async ({ actor, body }) => asObj(await runResearchQuery(uc(actor), body)),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/cell',
      summary:
        "A query cell's passages, pseudonymised (CELL_SUPPRESSED under the threshold); logged",
      tag: 'research',
      body: z.object({
        query: ResearchQuery,
        row: z.number().int().min(0),
        column: z.string().max(200),
      }),
      response: Obj,
      handler: async ({ actor, body }) => asObj(await openResearchCell(uc(actor), body)),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/outcomes',
      summary:
        'Outcomes against context: grades by quantile group of deprivation, size or a DfE rate, Spearman rho with a seeded bootstrap 95% interval, and what the data can and cannot show; logged',
      tag: 'research',
      body: OutcomesDefinition,
      response: Obj,
      handler: async ({ actor, body }) => asObj(await analyseOutcomes(uc(actor), body)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/research/definitions',
      summary: 'The saved research definitions (queries, outcomes analyses) the caller may run',
      tag: 'research',
      response: Obj,
      handler: async ({ actor }) => ({ definitions: await listResearchDefinitions(uc(actor)) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/definitions',
      summary:
        'Save a query or outcomes analysis definition ({"name","saved":{"analysis","definition"}})',
      tag: 'research',
      body: SaveResearchDefinitionInput,
      response: Obj,
      handler: async ({ actor, body }) => asObj(await saveResearchDefinition(uc(actor), body)),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/definitions/run',
      summary: 'Run a definition given as JSON ({"saved":{"analysis","definition"}}); logged',
      tag: 'research',
      body: z.object({ saved: z.record(z.string(), z.unknown()) }),
      response: Obj,
      handler: async ({ actor, body }) =>
        asObj(await runResearchDefinition(uc(actor), { saved: body.saved })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/definitions/:id/run',
      summary: 'Run a saved definition again by its id; logged',
      tag: 'research',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await runResearchDefinition(uc(actor), { id: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/studies/:id/qdpx',
      summary:
        "A study's results as QDPX (REFI-QDA): each row's pseudonymised passages (rows under the threshold: none), coded by row, with the memos; base64",
      tag: 'research',
      body: z.object({ rows: ResearchQuery.shape.rows }),
      response: Obj,
      handler: async ({ actor, params, body }) => {
        const file = await exportStudyResults(uc(actor), {
          studyId: params.id ?? '',
          query: { kind: 'coding', rows: body.rows },
          format: 'qdpx',
        });
        return {
          fileName: file.fileName,
          contentType: file.contentType,
          base64: Buffer.from(file.body).toString('base64'),
        };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/research/studies',
      summary: 'The studies the caller may open, and what the store holds to select by',
      tag: 'research',
      response: Obj,
      handler: async ({ actor }) => asObj(await listStudies(uc(actor))),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/studies',
      summary: 'Start a study (a thematic review): title, question, selection by context',
      tag: 'research',
      body: CreateStudyInput,
      response: Obj,
      handler: async ({ actor, body }) => asObj(await createStudy(uc(actor), body)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/research/studies/:id',
      summary: "A study's workspace: question, selection, memos, rows and dimensions it may use",
      tag: 'research',
      response: Obj,
      handler: async ({ actor, params }) => asObj(await getStudy(uc(actor), params.id ?? '')),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/studies/:id/memos',
      summary: 'Add a memo to a study',
      tag: 'research',
      body: AddStudyMemoInput.omit({ studyId: true }),
      response: Obj,
      handler: async ({ actor, params, body }) => ({
        id: await addStudyMemo(uc(actor), { ...body, studyId: params.id ?? '' }),
      }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/studies/:id/la-identity',
      summary: 'Show or hide LA identity in a study (national staff and admins)',
      tag: 'research',
      body: SetStudyLaIdentityInput.omit({ studyId: true }),
      response: Obj,
      handler: async ({ actor, params, body }) => {
        await setStudyLaIdentity(uc(actor), { ...body, studyId: params.id ?? '' });
        return { ok: true };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/research/codebook',
      summary: 'The national thematic codebook: themes, mappings (latest or ?version=N), versions',
      tag: 'research',
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      response: Obj,
      handler: async ({ actor, query }) =>
        asObj(await getThematicCodebook(uc(actor), query.version ?? null)),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/codebook/themes',
      summary: 'Add a theme to the national thematic codebook (national staff and admins)',
      tag: 'research',
      body: AddThematicCodeInput,
      response: Obj,
      handler: async ({ actor, body }) => {
        await addThematicCode(uc(actor), body);
        return { ok: true };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/codebook/mappings',
      summary: 'Map criteria or emergent codes to themes: a new codebook version',
      tag: 'research',
      body: MapToThemeInput,
      response: Obj,
      handler: async ({ actor, body }) => ({ version: await mapToTheme(uc(actor), body) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/research/deprivation',
      summary: 'Load a deprivation index per LA from CSV text (national staff and admins)',
      tag: 'research',
      body: LoadDeprivationInput,
      response: Obj,
      handler: async ({ actor, body }) => asObj(await loadDeprivation(uc(actor), body)),
    }),
  ]);
};
