// The national thematic codebook page (themes, the latest mappings, versions) with its forms for
// national staff, and the deprivation index loader on the research home.
import { z } from 'zod';
import { addThematicCode } from '../../../usecases/research/add-thematic-code.js';
import { getThematicCodebook } from '../../../usecases/research/get-thematic-codebook.js';
import { listStudies } from '../../../usecases/research/list-studies.js';
import { loadDeprivation } from '../../../usecases/research/load-deprivation.js';
import { mapToTheme } from '../../../usecases/research/map-to-theme.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam } from './page-helpers.js';

const one = (v: unknown): string => (typeof v === 'string' ? v : (listParam(v)[0] ?? ''));
const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).optional().catch(undefined),
});
const DONE = { theme: 'The theme was added.', mapped: 'A new codebook version was made.' };

export const registerResearchCodebookRoutes: RouteModule = (app, ctx) => {
  const page = async (
    request: Parameters<typeof useCaseContext>[0],
    extra: Record<string, unknown> = {},
  ) => {
    const { version } = VersionQuery.parse(request.query);
    const book = await getThematicCodebook(useCaseContext(request, ctx), version ?? null);
    const themeName = new Map(book.themes.map((t) => [t.key, t.name]));
    return {
      book,
      mappingRows: book.mappings.map((m) => [
        { text: themeName.get(m.thematicKey) ?? m.thematicKey },
        { text: m.sourceKind === 'criterion' ? 'Framework criterion' : 'Emergent code' },
        { text: m.sourceKey },
      ]),
      themeItems: [
        { value: '', text: 'No theme (remove the mapping)' },
        ...book.themes.map((t) => ({ value: t.key, text: t.name })),
      ],
      sourceItems: [
        ...book.criteria.map((c) => ({
          value: `criterion|${c.key}`,
          text: `Criterion: ${c.name}`,
        })),
        ...book.emergentNames.map((e) => ({
          value: `emergent|${e.name}`,
          text: `Emergent: ${e.name} (${e.inspections} inspections)`,
        })),
      ],
      notice: noticeFor((request.query as Record<string, unknown>).done, DONE),
      ...extra,
    };
  };

  app.get('/research/codebook', async (request, reply) =>
    reply.render('research/codebook.njk', await page(request)),
  );

  app.post('/research/codebook/themes', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    let problems: Problem[] = [];
    try {
      await addThematicCode(useCaseContext(request, ctx), {
        key: one(body.key),
        name: one(body.name),
        description: one(body.description),
      });
      return reply.redirect('/research/codebook?done=theme', 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'ALREADY_EXISTS'], { defaultField: 'key' });
      reply.status(r.status);
      problems = r.problems;
    }
    return reply.render(
      'research/codebook.njk',
      await page(request, { values: body, ...formErrors(problems) }),
    );
  });

  app.post('/research/codebook/mappings', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const [kind, ...key] = one(body.source).split('|');
    let problems: Problem[] = [];
    try {
      await mapToTheme(useCaseContext(request, ctx), {
        changes: [
          {
            sourceKind: kind === 'emergent' ? 'emergent' : 'criterion',
            sourceKey: key.join('|'),
            thematicKey: one(body.thematicKey) || null,
          },
        ],
        note: one(body.note),
      });
      return reply.redirect('/research/codebook?done=mapped', 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'source' });
      reply.status(r.status);
      problems = r.problems;
    }
    return reply.render('research/codebook.njk', await page(request, { ...formErrors(problems) }));
  });

  app.post('/research/deprivation', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const c = useCaseContext(request, ctx);
    let problems: Problem[] = [];
    let notice: string | undefined;
    try {
      const out = await loadDeprivation(c, { indexName: one(body.indexName), csv: one(body.csv) });
      notice = `${out.loaded} authorities loaded${out.unmatched.length ? `; ${out.unmatched.length} rows matched no authority` : ''}.`;
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'IMPORT_INVALID'], { defaultField: 'csv' });
      reply.status(r.status);
      problems = r.problems;
    }
    const home = await listStudies(c);
    const boxes = (name: string, vs: Array<string | { value: string; label: string }>) =>
      vs.map((v) =>
        typeof v === 'string'
          ? { value: v, text: v, name }
          : { value: v.value, text: v.label, name },
      );
    return reply.render('research/home.njk', {
      home,
      options: {
        regions: boxes('regions', home.options.regions),
        grades: boxes('grades', home.options.grades),
        frameworkIds: boxes('frameworkIds', home.options.frameworkIds),
        years: boxes('years', home.options.years.map(String)),
        sizeBands: boxes('sizeBands', home.options.sizeBands),
      },
      notice,
      ...(problems.length ? formErrors(problems) : {}),
    });
  });
};
