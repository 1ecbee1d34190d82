// The layer rules of ARCHITECTURE.md as lint (eslint-plugin-boundaries). Every file under src/ has
// a kind (below); an import from one element to another is an error unless a policy allows it.
// Imports inside one element (one use-case area, the whole domain, the migrations) are not
// checked. Test files (*.test.ts) stand outside the layers: a test may reach what it tests.
import boundaries from 'eslint-plugin-boundaries';

const folder = (type, pattern) => ({ type, pattern, partialMatch: false });

// Elements are folders; the first descriptor that matches a file gives it its element.
export const elements = [
  folder('domain', 'src/domain'),
  folder('migration', 'src/data/migrations'),
  folder('repository', 'src/data/repositories'),
  folder('data', 'src/data'),
  folder('workers', 'src/workers'),
  folder('usecase-floor', 'src/usecases/shared'),
  // One element per area, so an import between two areas is an import between two elements.
  folder('usecase', 'src/usecases/*'),
  folder('route', 'src/server/routes'),
  folder('server', 'src/server'),
  folder('cli-command', 'src/cli/commands'),
  folder('cli', 'src/cli'),
  folder('demo', 'src/demo'),
  folder('conformance', 'src/conformance'),
  folder('client', 'src/client'),
];

// File categories single out the files whose rank differs from their folder's. First match wins.
export const files = [
  // The floor everything stands on: the error catalogue, where files are, the one clock.
  { category: 'floor', pattern: 'src/{errors,paths,clock}.ts' },
  { category: 'config', pattern: 'src/config.ts' },
  { category: 'usecase-context', pattern: 'src/usecases/context.ts' },
  // Opening and migrating the database: only composition roots import these.
  { category: 'database', pattern: 'src/data/{database,migrate}.ts' },
  { category: 'data-module', pattern: 'src/data/**' },
  // Composition roots build the app from config and the database handle. `triangulate serve`
  // starts the server; `triangulate db` (migrate, backup, restore) works on the database itself.
  {
    category: 'composition-root',
    pattern: [
      'src/server/{app,start-server}.ts',
      'src/cli/{main,runtime}.ts',
      'src/cli/commands/{db,serve}.ts',
    ],
  },
  { category: 'server-module', pattern: 'src/server/**' },
  { category: 'cli-module', pattern: 'src/cli/**' },
];

// The kinds the policies speak of: an element, narrowed by file category where a folder holds
// two ranks. An array means "any of".
const el = (type) => ({ element: { type } });
const cat = (categories, type) => ({
  ...(type ? el(type) : {}),
  file: { categories },
});
export const kinds = {
  floor: cat('floor'),
  config: cat('config'),
  domain: el('domain'),
  migration: el('migration'),
  repository: el('repository'),
  database: cat('database', 'data'),
  data: cat('data-module', 'data'),
  workers: el('workers'),
  'usecase-floor': [el('usecase-floor'), cat('usecase-context')],
  usecase: el('usecase'),
  route: el('route'),
  server: cat('server-module', 'server'),
  'server-root': cat('composition-root', 'server'),
  'cli-command': cat('cli-module', 'cli-command'),
  'cli-root': [el('cli'), cat('composition-root', 'cli-command')],
  demo: el('demo'),
  conformance: el('conformance'),
  client: el('client'),
};

const flat = (names) => names.flatMap((n) => kinds[n] ?? fail(n));
const to = (...names) => ({ to: flat(names) });
const typesFrom = (...names) => ({ ...to(...names), dependency: { kind: 'type' } });
// The one data module a front door may import as a value: which errors mean "database gone".
const connectionErrors = { to: { file: { path: 'src/data/connection-errors.ts' } } };
const anything = [{ element: { type: '*' } }, { file: { categories: '*' } }];

function fail(name) {
  throw new Error(`eslint.architecture.js: no kind named ${name}`);
}

// Each kind's label in ARCHITECTURE.md ("Layers and the rules that hold them").
const LABELS = {
  floor: 'L0',
  config: 'L0',
  domain: 'L1',
  data: 'L2',
  repository: 'L2',
  database: 'L2',
  'usecase-floor': 'L3',
  usecase: 'L4',
  route: 'L5',
  server: 'L5',
  'cli-command': 'L5',
  demo: 'L5',
  conformance: 'L5',
  workers: 'L6',
  migration: 'L7',
  client: 'L8',
  'server-root': 'L9',
  'cli-root': 'L9',
};
const labelled = (name, message) =>
  `${message.replace(/\.$/, '')} (ARCHITECTURE.md, ${LABELS[name] ?? fail(name)}).`;

// Policies are read last-match-wins: first refuse everything from a kind, with the message that
// names the rule, then allow what that kind may import.
const layer = (name, message, allow = []) => [
  { from: flat([name]), disallow: { to: anything }, message: labelled(name, message) },
  ...(allow.length ? [{ from: flat([name]), allow }] : []),
];

const DOMAIN_AND_FLOOR = ['floor', 'domain'];
const DATA = ['data', 'repository', ...DOMAIN_AND_FLOOR];
// Front doors may name the shapes that use cases hand them (the objects repositories return, the
// DB type) in `import type`: a type adds no path to SQL at run time.
const SHAPES = ['data', 'repository', 'database'];

export const policies = [
  ...layer('floor', 'errors.ts, paths.ts and clock.ts import only each other.', [to('floor')]),
  ...layer('config', 'config.ts imports only the floor.', [to('floor')]),
  ...layer(
    'domain',
    'src/domain imports nothing above it: only the domain, errors.ts, paths.ts and clock.ts.',
    [to('floor')],
  ),
  ...layer('migration', 'A migration is frozen in time: it imports no application code.'),
  ...layer(
    'data',
    'src/data imports only data, the domain and the floor: never use cases, server, CLI or views.',
    [to(...DATA)],
  ),
  ...layer(
    'repository',
    'A repository imports only data, the domain and the floor: never use cases, server, CLI or views.',
    [to(...DATA)],
  ),
  ...layer(
    'database',
    'database.ts and migrate.ts import only data, migrations, config, the domain and the floor.',
    [to(...DATA, 'migration', 'config')],
  ),
  ...layer('workers', 'Workers import only the domain and the floor.', [to(...DOMAIN_AND_FLOOR)]),
  ...layer(
    'usecase-floor',
    'usecases/shared and usecases/context.ts import only data, the domain and the floor: never a use-case area.',
    [to('usecase-floor', 'workers', ...DATA)],
  ),
  ...layer(
    'usecase',
    "A use case imports its own area, usecases/shared/*, usecases/context.ts, data and the domain: never another area's use cases, and never the database handle.",
    [to('usecase-floor', 'workers', ...DATA)],
  ),
  ...layer(
    'route',
    'Routes call use cases: never repositories, data modules or the database (`import type` of their shapes is allowed).',
    [
      to('usecase', 'usecase-floor', 'server', ...DOMAIN_AND_FLOOR),
      typesFrom(...SHAPES, 'server-root'),
    ],
  ),
  ...layer(
    'server',
    'Server plugins call use cases: never repositories, data modules or the database handle (`import type` of their shapes is allowed).',
    [
      to('usecase', 'usecase-floor', 'server', 'workers', ...DOMAIN_AND_FLOOR),
      typesFrom(...SHAPES, 'server-root'),
      connectionErrors,
    ],
  ),
  ...layer(
    'server-root',
    'The server composition root builds the app from config, the database handle, plugins, routes and use cases: never repositories.',
    [
      to(
        'server',
        'server-root',
        'route',
        'usecase',
        'usecase-floor',
        'workers',
        'database',
        'data',
        'config',
        ...DOMAIN_AND_FLOOR,
      ),
    ],
  ),
  ...layer(
    'cli-command',
    'CLI commands call use cases: never repositories, data modules or the database (`import type` of their shapes is allowed).',
    [
      to('cli-command', 'cli-root', 'usecase', 'usecase-floor', 'demo', ...DOMAIN_AND_FLOOR),
      typesFrom(...SHAPES),
    ],
  ),
  ...layer(
    'cli-root',
    'The CLI composition roots open the database (or start the server) and run commands: never repositories.',
    [
      to(
        'cli-command',
        'cli-root',
        'server-root',
        'demo',
        'usecase',
        'usecase-floor',
        'workers',
        'database',
        'data',
        'config',
        ...DOMAIN_AND_FLOOR,
      ),
    ],
  ),
  ...layer('demo', 'Demo seeding calls use cases, as the CLI does: never repositories.', [
    to('usecase', 'usecase-floor', ...DOMAIN_AND_FLOOR),
    typesFrom(...SHAPES),
  ]),
  ...layer(
    'conformance',
    'Conformance checks call use cases on a database they open: never repositories.',
    [
      to('usecase', 'usecase-floor', 'database', 'config', ...DOMAIN_AND_FLOOR),
      typesFrom(...SHAPES),
    ],
  ),
  ...layer('client', 'Browser code (src/client) imports only browser code.'),
];

const SQL_BUILDERS = [
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
];
const SQL_MESSAGE = 'SQL lives in src/data/repositories: call a repository function.';

const settings = {
  // Imports are written './x.js' for './x.ts' (NodeNext): the TypeScript resolver finds them.
  'import/resolver': { typescript: { project: 'tsconfig.json' } },
  'boundaries/elements': elements,
  'boundaries/files': files,
  'boundaries/files-single-match': true,
  'boundaries/ignore': ['**/*.test.ts'],
  'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
  'boundaries/legacy-templates': false,
};

export const architectureConfig = [
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { boundaries },
    settings,
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      // A new file or folder under src/ must first be given its place in the layers above.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // SQL lives in src/data (its repositories): use cases and everything above them call a
    // repository function. Kysely's query builders and its sql`` tag are refused elsewhere.
    files: ['src/**/*.ts'],
    ignores: ['src/data/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...SQL_BUILDERS.map((property) => ({ property, message: SQL_MESSAGE })),
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', importNames: ['sql'], message: SQL_MESSAGE }] },
      ],
    },
  },
  {
    // Migrations run against the database as it was the day they landed: no application code,
    // and no package but kysely (and Node's own modules).
    files: ['src/data/migrations/**/*.ts'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            {
              from: kinds.migration,
              disallow: { to: [...anything, { module: { origin: '*' } }] },
              message: labelled(
                'migration',
                'A migration imports only kysely: never application code or other packages.',
              ),
            },
            {
              from: kinds.migration,
              allow: { to: [{ module: { source: 'kysely' } }, { module: { origin: 'core' } }] },
            },
          ],
        },
      ],
    },
  },
];
