// src/data/schema/matches-migrations.ts makes `npm run typecheck` fail when the hand-written DB
// type and the migrated schema (src/data/schema/generated.ts) disagree. This test proves it can
// fail: it compiles the check with generated.ts swapped for deliberately wrong texts (a column
// gone, another type, null allowed on one side, an extra table) and reads the problems it names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const checkFile = path.join(root, 'src/data/schema/matches-migrations.ts');
const generatedFile = path.join(root, 'src/data/schema/generated.ts');
const generated = readFileSync(generatedFile, 'utf8');

const parsed = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(d.messageText) },
);
const options: ts.CompilerOptions = { ...parsed?.options, noEmit: true };
let previous: ts.Program | undefined;

function fail(message: unknown): never {
  throw new Error(String(message));
}

/** The problems SchemaProblems names, and the compiler's errors, with generated.ts as `text`. */
function compileWith(text: string): { problems: string[]; errors: string[] } {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) =>
    path.resolve(fileName) === generatedFile
      ? ts.createSourceFile(fileName, text, language)
      : getSourceFile(fileName, language, onError, shouldCreate);
  const program = ts.createProgram({ rootNames: [checkFile], options, host, oldProgram: previous });
  previous = program;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(checkFile) ?? fail('no check file');
  const module = checker.getSymbolAtLocation(source) ?? fail('no module symbol');
  const alias =
    checker.getExportsOfModule(module).find((s) => s.name === 'SchemaProblems') ??
    fail('SchemaProblems is not exported');
  const type = checker.getDeclaredTypeOfSymbol(alias);
  const members = type.isUnion() ? type.types : type.flags & ts.TypeFlags.Never ? [] : [type];
  return {
    problems: members.map((t) => (t.isStringLiteral() ? t.value : checker.typeToString(t))).sort(),
    errors: ts
      .getPreEmitDiagnostics(program, source)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  };
}

/** generated.ts with edits, each of which must apply. Its first table is activities, so the
 * first match of a column is that table's. */
function edited(...edits: [RegExp, string][]): string {
  return edits.reduce((text, [from, to]) => {
    const next = text.replace(from, to);
    expect(next, `${from} must match generated.ts`).not.toBe(text);
    return next;
  }, generated);
}

/** A pattern for a line of the activities table's interface: `$1` is everything before it. */
function inActivities(line: RegExp): RegExp {
  return new RegExp(`(\\n {2}activities: \\{\\n(?: {4}.*\\n)*?)${line.source}`);
}

// Each compile takes seconds on a busy machine.
describe('the DB type against the migrated schema', { timeout: 120_000 }, () => {
  it('agrees as committed', () => {
    expect(compileWith(generated)).toEqual({ problems: [], errors: [] });
  });

  it('fails, naming each, when a column is missing or extra, has another type or nullability, or a table is extra', () => {
    // Each edit is to the activities table (other tables have columns of the same names).
    const wrong = edited(
      [inActivities(/ {4}title: string;\n/), '$1'],
      [inActivities(/( {4}theme: string \| null;\n)/), '$1$2    subtitle: string;\n'],
      [inActivities(/( {4}version: )number;/), '$1$2string;'],
      [inActivities(/( {4}theme: string) \| null;/), '$1$2;'],
      [inActivities(/( {4}framework_id: string);/), '$1$2 | null;'],
      [/^export interface MigratedSchema \{\n/m, '$&  extra_table: {\n    id: string;\n  };\n'],
    );
    const { problems, errors } = compileWith(wrong);
    expect(problems).toEqual([
      'activities.framework_id: null is allowed on one side only',
      'activities.subtitle: in the migrations, not in the DB type',
      'activities.theme: null is allowed on one side only',
      'activities.title: in the DB type, not in the migrations',
      "activities.version: the DB type's type is not the migrated column's",
      'extra_table: table in the migrations, not in the DB type',
    ]);
    expect(errors.join('\n')).toMatch(/SchemaProblems' does not satisfy the constraint 'never'/);
  });
});
