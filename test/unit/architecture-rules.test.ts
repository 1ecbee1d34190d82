// The layer rules (eslint.architecture.js) must be able to fail: each case lints a probe file
// placed, by path, in a layer, importing a real module from another, through the project's own
// ESLint configuration. The probe is given to ESLint as text with its path, so no file is left
// in src/ for a concurrent lint to trip over.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Some real .ts module (not a test) in a folder of src/, as a path from the repository root. */
function someModule(folder: string): string {
  const name = readdirSync(path.join(root, folder))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
    .sort()[0];
  if (!name) throw new Error(`no module in ${folder}`);
  return `${folder}/${name}`;
}

/** A use-case area other than `except` (shared is the floor, not an area). */
function otherArea(except: string): string {
  const area = readdirSync(path.join(root, 'src/usecases'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['shared', except, 'demo'].includes(d.name))
    .map((d) => d.name)
    .sort()[0];
  if (!area) throw new Error('no other use-case area');
  return `src/usecases/${area}`;
}

/** The import specifier a file at `from` writes for the module at `target` (NodeNext: `.js`). */
function specifier(from: string, target: string): string {
  const rel = path.relative(path.dirname(from), target).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

interface Probe {
  /** Where the probe file pretends to be. */
  at: string;
  /** What it imports: a module path from the root, or a package name. */
  imports: string;
  typeOnly?: boolean;
}

async function architectureErrors(probe: Probe): Promise<string[]> {
  const source = probe.imports.startsWith('src/')
    ? specifier(probe.at, probe.imports)
    : probe.imports;
  const code = probe.typeOnly
    ? `import type * as probe from '${source}';\nexport type Probe = typeof probe;\n`
    : `import * as probe from '${source}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, probe.at) });
  return layerMessages(result);
}

const LAYER_RULES = /^(boundaries\/|no-restricted-(properties|imports)$)/;

function layerMessages(result: ESLint.LintResult | undefined): string[] {
  return (result?.messages ?? [])
    .filter((m) => LAYER_RULES.test(m.ruleId ?? ''))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

/** Lints `code` as if it were the file `at`. */
async function lintAs(at: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, at) });
  return layerMessages(result);
}

const repository = (): string => someModule('src/data/repositories');

// The first lint loads the configuration and the resolver: seconds on a busy machine.
describe(
  'the layer rules fail when an import crosses a layer the wrong way',
  { timeout: 60_000 },
  () => {
    it('domain importing a repository', async () => {
      const errors = await architectureErrors({
        at: 'src/domain/architecture-probe.ts',
        imports: repository(),
      });
      expect(errors).toEqual([
        expect.stringMatching(/^boundaries\/dependencies: src\/domain imports nothing above it/),
      ]);
    });

    it('an HTML route and an API route importing a repository', async () => {
      for (const at of [
        'src/server/routes/html/architecture-probe.ts',
        'src/server/routes/api/architecture-probe.ts',
      ]) {
        const errors = await architectureErrors({ at, imports: repository() });
        expect(errors).toEqual([
          expect.stringMatching(/^boundaries\/dependencies: Routes call use cases/),
        ]);
      }
    });

    it('a CLI command and the demo importing a repository', async () => {
      expect(
        await architectureErrors({
          at: 'src/cli/commands/architecture-probe.ts',
          imports: repository(),
        }),
      ).toEqual([expect.stringMatching(/CLI commands call use cases/)]);
      expect(
        await architectureErrors({ at: 'src/demo/architecture-probe.ts', imports: repository() }),
      ).toEqual([expect.stringMatching(/Demo seeding calls use cases/)]);
    });

    it("a use case importing another area's use case, or the database handle", async () => {
      const at = 'src/usecases/activities/architecture-probe.ts';
      expect(
        await architectureErrors({ at, imports: someModule(otherArea('activities')) }),
      ).toEqual([expect.stringMatching(/never another area's use cases/)]);
      expect(await architectureErrors({ at, imports: 'src/data/database.ts' })).toEqual([
        expect.stringMatching(/never another area's use cases/),
      ]);
    });

    it('data and workers importing upwards', async () => {
      const useCase = someModule('src/usecases/activities');
      expect(
        await architectureErrors({
          at: 'src/data/repositories/architecture-probe.ts',
          imports: useCase,
        }),
      ).toEqual([expect.stringMatching(/A repository imports only data/)]);
      expect(
        await architectureErrors({
          at: 'src/data/architecture-probe.ts',
          imports: 'src/server/app.ts',
        }),
      ).toEqual([expect.stringMatching(/src\/data imports only data/)]);
      expect(
        await architectureErrors({
          at: 'src/workers/architecture-probe.ts',
          imports: repository(),
        }),
      ).toEqual([expect.stringMatching(/Workers import only the domain/)]);
    });

    it('a migration importing application code or another package', async () => {
      const at = 'src/data/migrations/2099-01-01T0000_architecture_probe.ts';
      for (const imports of ['src/errors.ts', someModule('src/domain/calendar'), 'zod']) {
        expect(await architectureErrors({ at, imports })).toEqual([
          expect.stringMatching(/A migration imports only kysely/),
        ]);
      }
    });

    it('SQL outside src/data: a query builder in a use case, the sql tag in a route', async () => {
      const query = [
        "import type { Kysely } from 'kysely';",
        'export const q = (db: Kysely<{ t: { id: string } }>) => db.selectFrom("t").selectAll();',
        '',
      ].join('\n');
      expect(await lintAs('src/usecases/activities/architecture-probe.ts', query)).toEqual([
        expect.stringMatching(/^no-restricted-properties: .*SQL lives in src\/data\/repositories/),
      ]);
      expect(await lintAs('src/data/repositories/architecture-probe.ts', query)).toEqual([]);
      const tag = "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n";
      expect(await lintAs('src/server/routes/api/architecture-probe.ts', tag)).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*SQL lives in src\/data\/repositories/),
      ]);
    });

    it('a new folder or top-level file of src/ that has no place in the layers', async () => {
      for (const at of ['src/elsewhere/architecture-probe.ts', 'src/architecture-probe.ts']) {
        expect(await architectureErrors({ at, imports: 'src/errors.ts' })).toEqual([
          expect.stringMatching(/^boundaries\/no-unknown-files/),
        ]);
      }
    });
  },
);

describe('the layer rules allow the arrows ARCHITECTURE.md draws', { timeout: 60_000 }, () => {
  it.each<Probe>([
    { at: 'src/domain/architecture-probe.ts', imports: 'src/errors.ts' },
    { at: 'src/domain/architecture-probe.ts', imports: 'src/clock.ts' },
    { at: 'src/data/repositories/architecture-probe.ts', imports: 'src/domain/access/policies.ts' },
    {
      at: 'src/usecases/activities/architecture-probe.ts',
      imports: 'src/data/repositories/users.ts',
    },
    { at: 'src/usecases/activities/architecture-probe.ts', imports: 'src/usecases/context.ts' },
    {
      at: 'src/usecases/activities/architecture-probe.ts',
      imports: 'src/domain/access/policies.ts',
    },
    { at: 'src/server/routes/html/architecture-probe.ts', imports: 'src/usecases/context.ts' },
    { at: 'src/server/routes/html/architecture-probe.ts', imports: repository(), typeOnly: true },
    { at: 'src/cli/commands/architecture-probe.ts', imports: 'src/cli/runtime.ts' },
    { at: 'src/demo/architecture-probe.ts', imports: 'src/usecases/context.ts' },
    { at: 'src/server/architecture-probe.ts', imports: 'src/data/connection-errors.ts' },
    { at: 'src/data/migrations/2099-01-01T0000_architecture_probe.ts', imports: 'kysely' },
    { at: 'src/data/migrations/2099-01-01T0000_architecture_probe.ts', imports: 'node:crypto' },
  ])('$at → $imports', async (probe) => {
    expect(await architectureErrors(probe)).toEqual([]);
  });
});
