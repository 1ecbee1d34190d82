// `npm run arch:metrics [-- DIR] [-- --json] [-- --lint]`: the architecture's numbers for a source
// tree (this one, or DIR: another checkout, to compare before and after). Lines of src/, files
// over 400 lines, functions over 80 lines (from the TypeScript syntax tree), route and CLI imports
// of repositories, use-case files that build SQL, and imports between use-case areas. Test files
// (*.test.ts) are counted apart and left out of the rest. --lint also counts the layer-rule
// violations in DIR's src/ under THIS checkout's eslint.config.js (about a minute).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const FILE_LIMIT = 400;
const FUNCTION_LIMIT = 80;
const SQL_BUILDERS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);

const args = process.argv.slice(2);
const json = args.includes('--json');
const lint = args.includes('--lint');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? process.cwd());

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const rel = (p) => path.relative(root, p).split(path.sep).join('/');
const isTest = (f) => f.endsWith('.test.ts');
const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The repository-relative path an import specifier in `from` points at, or null (a package). */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    base,
    `${base}.ts`,
    path.join(base, 'index.ts'),
  ];
  const found = candidates.find((c) => existsSync(c) && !c.endsWith('/'));
  return rel(found ?? base);
}

/** Import, export-from and import() specifiers of a file, with whether each is type-only. */
function importsOf(source) {
  const out = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node)
        ? Boolean(node.importClause?.isTypeOnly)
        : node.isTypeOnly;
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push({ spec: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function functionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name))
    return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name))
    return parent.name.text;
  return '(anonymous)';
}

const isFunction = (node) =>
  (ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)) &&
  Boolean(node.body);

/**
 * Functions (any form with a body) longer than the limit, first line to last. `own` leaves out
 * the lines of functions written inside it (a route module's handlers inside its register
 * function), so a long list of short handlers can be told from one long function.
 */
function longFunctions(source) {
  const out = [];
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  const span = (node) => lineOf(node.end) - lineOf(node.getStart(source)) + 1;
  const nestedLines = (fn) => {
    let lines = 0;
    const visit = (node) => {
      if (isFunction(node)) lines += span(node);
      else ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
    return lines;
  };
  const visit = (node) => {
    if (isFunction(node)) {
      const lines = span(node);
      if (lines > FUNCTION_LIMIT) {
        const line = lineOf(node.getStart(source)) + 1;
        out.push({ name: functionName(node), line, lines, own: lines - nestedLines(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Kysely query-builder calls and sql`` templates. */
function sqlBuilderCalls(source) {
  let count = 0;
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SQL_BUILDERS.has(node.expression.name.text)
    ) {
      count += 1;
    } else if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag;
      const name = ts.isIdentifier(tag)
        ? tag.text
        : ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression)
          ? tag.expression.text
          : '';
      if (name === 'sql') count += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return count;
}

// Frozen or generated: counted apart from the size limits, since nobody may split them.
const isExempt = (file) =>
  /^src\/data\/migrations\//.test(file) || file === 'src/data/schema/generated.ts';

const areaOf = (file) => /^src\/usecases\/([^/]+)\//.exec(file)?.[1] ?? null;
const SHARED_AREAS = new Set(['shared']);

function measure() {
  const all = walk(path.join(root, 'src')).filter((f) => /\.(ts|mts)$/.test(f));
  const sources = all.filter((f) => !isTest(f));
  const tests = all.filter(isTest);
  const m = {
    root,
    srcFiles: sources.length,
    srcLines: 0,
    testFilesInSrc: tests.length,
    testLinesInSrc: tests.reduce((n, f) => n + lineCount(readFileSync(f, 'utf8')), 0),
    filesOver400: [],
    functionsOver80: [],
    exempt: { files: 0, filesOver400: 0, functionsOver80: 0 },
    routeCliRepositoryImports: { value: 0, typeOnly: 0, files: new Set() },
    useCaseSql: { files: [], calls: 0 },
    crossAreaImports: { count: 0, files: new Set(), targets: {} },
  };
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    const name = rel(file);
    const lines = lineCount(text);
    m.srcLines += lines;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const long = longFunctions(source);
    if (isExempt(name)) {
      m.exempt.files += 1;
      if (lines > FILE_LIMIT) m.exempt.filesOver400 += 1;
      m.exempt.functionsOver80 += long.length;
    } else {
      if (lines > FILE_LIMIT) m.filesOver400.push({ file: name, lines });
      for (const f of long) m.functionsOver80.push({ file: name, ...f });
    }
    const imports = importsOf(source).map((i) => ({ ...i, target: resolveImport(file, i.spec) }));
    if (/^src\/(server\/routes|cli\/commands)\//.test(name)) {
      for (const i of imports) {
        if (!i.target?.startsWith('src/data/repositories/')) continue;
        if (i.typeOnly) m.routeCliRepositoryImports.typeOnly += 1;
        else {
          m.routeCliRepositoryImports.value += 1;
          m.routeCliRepositoryImports.files.add(name);
        }
      }
    }
    const area = areaOf(name);
    if (area && !SHARED_AREAS.has(area)) {
      const calls = sqlBuilderCalls(source);
      if (calls) {
        m.useCaseSql.files.push({ file: name, calls });
        m.useCaseSql.calls += calls;
      }
      for (const i of imports) {
        const other = i.target ? areaOf(i.target) : null;
        if (!other || other === area || SHARED_AREAS.has(other)) continue;
        m.crossAreaImports.count += 1;
        m.crossAreaImports.files.add(name);
        m.crossAreaImports.targets[i.target] = (m.crossAreaImports.targets[i.target] ?? 0) + 1;
      }
    }
  }
  m.filesOver400.sort((a, b) => b.lines - a.lines);
  m.functionsOver80.sort((a, b) => b.lines - a.lines);
  return m;
}

const LAYER_RULES = /^(boundaries\/|no-restricted-(properties|imports)$)/;

/** Layer-rule violations in root's src/, by rule, under this checkout's lint configuration. */
async function lintViolations() {
  const { ESLint } = await import('eslint');
  const config = path.join(import.meta.dirname, '../eslint.config.js');
  // The layer settings (element patterns, tsconfig.json) are relative to the working directory.
  process.chdir(root);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: config });
  const results = await eslint.lintFiles(['src']);
  const byRule = {};
  for (const r of results)
    for (const msg of r.messages)
      if (LAYER_RULES.test(msg.ruleId ?? '')) byRule[msg.ruleId] = (byRule[msg.ruleId] ?? 0) + 1;
  return byRule;
}

function summary(m) {
  const ownLong = m.functionsOver80.filter((f) => f.own > FUNCTION_LIMIT).length;
  const topTargets = Object.entries(m.crossAreaImports.targets)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([t, n]) => `    ${n}  ${t}`);
  return [
    `Architecture metrics of ${m.root}`,
    `  src: ${m.srcLines} lines in ${m.srcFiles} files (and ${m.testLinesInSrc} lines in ${m.testFilesInSrc} test files beside them)`,
    `  files over ${FILE_LIMIT} lines: ${m.filesOver400.length}`,
    ...m.filesOver400.map((f) => `    ${f.lines}  ${f.file}`),
    `  functions over ${FUNCTION_LIMIT} lines: ${m.functionsOver80.length}, of which ${ownLong} over ${FUNCTION_LIMIT} lines of their own (not counting functions inside them)`,
    ...m.functionsOver80.map((f) => `    ${f.lines} (own ${f.own})  ${f.file}:${f.line} ${f.name}`),
    `  not held to the limits (migrations, generated.ts): ${m.exempt.files} files, ${m.exempt.filesOver400} over ${FILE_LIMIT} lines, ${m.exempt.functionsOver80} functions over ${FUNCTION_LIMIT}`,
    `  route and CLI imports of repositories: ${m.routeCliRepositoryImports.value} (in ${m.routeCliRepositoryImports.files.size} files), and ${m.routeCliRepositoryImports.typeOnly} import type`,
    ...[...m.routeCliRepositoryImports.files].sort().map((f) => `    ${f}`),
    `  use-case files building SQL: ${m.useCaseSql.files.length} (${m.useCaseSql.calls} query-builder calls and sql\`\` templates)`,
    `  imports between use-case areas: ${m.crossAreaImports.count} (in ${m.crossAreaImports.files.size} files); most imported:`,
    ...topTargets,
    ...(m.lint
      ? [
          `  layer-rule lint violations: ${Object.values(m.lint).reduce((a, b) => a + b, 0)}`,
          ...Object.entries(m.lint).map(([rule, n]) => `    ${n}  ${rule}`),
        ]
      : []),
  ].join('\n');
}

const m = measure();
if (lint) m.lint = await lintViolations();
if (json) {
  console.log(
    JSON.stringify(
      {
        ...m,
        routeCliRepositoryImports: {
          ...m.routeCliRepositoryImports,
          files: [...m.routeCliRepositoryImports.files].sort(),
        },
        crossAreaImports: { ...m.crossAreaImports, files: [...m.crossAreaImports.files].sort() },
      },
      null,
      2,
    ),
  );
} else {
  console.log(summary(m));
}
