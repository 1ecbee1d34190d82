// Imports every real Annex A workbook in ../shared/reference/annex-a/fixtures/annex_a into a fresh
// in-memory database and checks the outcome (no crash, the lists and layout found, row counts,
// every flagged row explained, known messy cells handled), then checks the project's list and
// code definitions against the template specs, and that reference/annex-a/code-sets.json is what
// scripts/build-annex-a-reference.mjs builds from the specs today.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import { systemActor } from '../domain/access/actor.js';
import { codeSet } from '../domain/annex-a/code-sets.js';
import { annexALists, type FieldType } from '../domain/annex-a/lists.js';
import type { AnnexAIssue } from '../domain/annex-a/parse.js';
import { headerKey } from '../domain/annex-a/normalise.js';
import { loadActivityTypeCatalog } from '../domain/frameworks/catalog.js';
import { isAppError } from '../errors.js';
import { projectRoot, referenceDir as projectReferenceDir } from '../paths.js';
import { changeActivityState } from '../usecases/activities/change-activity-state.js';
import { createActivity } from '../usecases/activities/create-activity.js';
import { importAnnexA } from '../usecases/annex-a/import-annex-a.js';
import { listAnnexARowsForActivity } from '../usecases/annex-a/list-annex-a-rows.js';
import { loadLaReference } from '../usecases/las/load-la-reference.js';
import { conformanceRegister } from './la-register.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

interface Expected {
  layout: '2019' | '2023';
  rows: Record<number, number>;
  ignored: string[];
  /** [list, rule, field] that must be among the flags. */
  flags: [number, string, string][];
  /** [list, rule, field] that must be among the problems reported (e.g. one per column). */
  issues?: [number, string, string][];
}

const TEMPLATE_SHEETS = ['Front_Sheet', 'FAQ_and_changes', 'Guidance', 'Codes_used'];
const LIIA_ROWS = { 1: 5, 2: 5, 3: 6, 4: 5, 5: 5, 6: 5, 7: 7, 8: 5, 9: 6, 10: 5, 11: 5 };
const EMPTY = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0 };

/** What each fixture holds (counted by hand from the files). */
const EXPECTED: Record<string, Expected> = {
  'liia-tools-pipeline_Annex_A_2024_Jan_sample.xlsx': {
    layout: '2023',
    rows: LIIA_ROWS,
    ignored: [],
    flags: [
      [6, 'code.unknown', 'primaryNeed'], // "PSRMEM - Support with memory and cognition"
      [6, 'required', 'team'], // #N/A
      [4, 'code.unknown', 'requiresSupport'], // "CS Assessment Updated"
    ],
    issues: [
      [6, 'column.empty', 'team'], // #N/A in every row: one problem, not five
      [9, 'column.empty', 'uasc'], // the 2023 column, blank in every row
    ],
  },
  'liia-tools_Annex_A_sample_2021.xlsx': {
    layout: '2019',
    rows: LIIA_ROWS,
    ignored: [],
    flags: [
      [6, 'code.unknown', 'primaryNeed'],
      [6, 'required', 'team'],
    ],
  },
  'ofsted_template_aug2019_2015-01-sample.xlsx': {
    layout: '2019',
    rows: { ...EMPTY, 3: 5 },
    ignored: TEMPLATE_SHEETS,
    flags: [[3, 'required', 'referralsLast12Months']],
  },
  'ofsted_template_aug2019_example-B.xlsx': {
    layout: '2019',
    rows: { ...EMPTY, 1: 1, 2: 10 },
    ignored: TEMPLATE_SHEETS,
    flags: [[2, 'required', 'ehOrganisation']], // "N/A"
    issues: [[2, 'column.empty', 'ehOrganisation']],
  },
};

const COMPATIBLE: Record<string, FieldType[]> = {
  string: ['id', 'text', 'staff', 'postcode'],
  date: ['date', 'dob'],
  integer: ['integer', 'age'],
  code: ['code', 'text'],
};

interface DerivedSpec {
  lists: Record<
    string,
    {
      columns: {
        name: string;
        type: string;
        can_be_blank: boolean;
        since?: string;
        codes?: { code: string }[];
      }[];
    }
  >;
}

async function checkFixtures(dir: string, result: ConformanceResult): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => /\.(xlsx|ods|csv)$/i.test(f))
    .sort();
  if (files.length === 0) result.failures.push(`${dir}: no Annex A workbooks found`);
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
  try {
    await migrateToLatest(database.db);
    const ctx = {
      db: database.db,
      actor: systemActor('conformance'),
      catalog: loadActivityTypeCatalog(),
    };
    // A large LA of the national tables (Birmingham's DfE code): every fixture is a sample of a
    // few rows, so each must be flagged as covering far fewer rows than the LA's size suggests.
    await loadLaReference(ctx, {
      reference: conformanceRegister('conformance-la', 'Conformance', 'E06999998', '330', null),
    });
    let previous: string | null = null;
    for (const file of files) {
      // One LA has one inspection on site at a time (a scheduling rule): each fixture gets its
      // own activity, the one before it cancelled.
      if (previous)
        await changeActivityState(ctx, {
          activityId: previous,
          toState: 'cancelled',
          reason: 'Conformance: the next fixture',
        });
      const activity = await createActivity(ctx, {
        laId: 'conformance-la',
        activityType: 'standard_inspection',
        plannedStart: '2021-03-01',
      });
      previous = activity.id;
      const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
      let outcome;
      try {
        outcome = await importAnnexA(ctx, {
          activityId: activity.id,
          fileName: file,
          bytes,
          acceptFlagged: true,
        });
      } catch (err) {
        const detail = isAppError(err) ? err.details.map((d) => d.reason).join('; ') : '';
        result.failures.push(`${file}: import failed: ${(err as Error).message} ${detail}`);
        continue;
      }
      const rows = await listAnnexARowsForActivity(ctx, { activityId: activity.id });
      const perList = outcome.lists.map((l) => `L${l.list}:${l.rows}`).join(' ');
      result.summary.push(
        `${file}: ${outcome.format}, ${outcome.layout} layout, ${outcome.lists.length} lists (${perList}), ${outcome.totals.errors} errors, ${outcome.totals.queries} queries; not read: ${outcome.ignoredSheets.join(', ') || 'none'}`,
      );
      // Every flagged row says why.
      for (const r of rows)
        if (r.severity && (r.flags.length === 0 || r.flags.some((f) => !f.rule)))
          result.failures.push(`${file}: List ${r.list} row ${r.row} is flagged without a reason`);
      const issues = [...outcome.errors, ...outcome.queries];
      checkMessages(file, issues, result);
      if (!outcome.coverage?.low)
        result.failures.push(`${file}: not flagged as covering far fewer rows than the LA's size`);
      // Raw identifiers never stored.
      const stored = JSON.stringify(rows);
      if (/"childId"/.test(stored)) result.failures.push(`${file}: a raw child ID was stored`);
      const expected = EXPECTED[file];
      if (!expected) {
        result.summary.push(`  (no expectations recorded for ${file}; only checked it imports)`);
        continue;
      }
      if (outcome.layout !== expected.layout)
        result.failures.push(`${file}: layout ${outcome.layout}, expected ${expected.layout}`);
      for (const [list, n] of Object.entries(expected.rows)) {
        const got = outcome.lists.find((l) => l.list === Number(list));
        if (!got) result.failures.push(`${file}: List ${list} was not found`);
        else if (got.rows !== n)
          result.failures.push(`${file}: List ${list} has ${got.rows} rows, expected ${n}`);
      }
      for (const s of expected.ignored)
        if (!outcome.ignoredSheets.includes(s))
          result.failures.push(`${file}: sheet '${s}' should have been recognised as not a list`);
      for (const [list, rule, field] of expected.flags)
        if (
          !rows.some(
            (r) => r.list === list && r.flags.some((f) => f.rule === rule && f.field === field),
          )
        )
          result.failures.push(`${file}: expected a '${rule}' flag on '${field}' in List ${list}`);
      for (const [list, rule, field] of expected.issues ?? [])
        if (!issues.some((i) => i.list === list && i.rule === rule && i.field === field))
          result.failures.push(
            `${file}: expected a '${rule}' problem on '${field}' in List ${list}`,
          );
      // Formulas with cached values are read as dates (the liia samples compute List 10 dates).
      if (file.startsWith('liia')) {
        const l10 = rows.filter((r) => r.list === 10);
        if (!l10.every((r) => typeof r.data.decisionToPlace === 'string'))
          result.failures.push(`${file}: List 10 formula dates were not read`);
      }
    }
  } finally {
    await database.close();
  }
}

/** Rules about a row (the others are about a sheet, a list or a column). */
const SHEET_LEVEL = new Set(['list.duplicate', 'header.missing']);

/**
 * What a data officer reads: every problem names the sheet, the row and the column; dates are
 * written DD/MM/YYYY; a column blank in every row is one problem; the value is the cell's.
 */
function checkMessages(file: string, issues: AnnexAIssue[], result: ConformanceResult): void {
  let located = 0;
  let isoDates = 0;
  const empty = new Set(
    issues.filter((i) => i.rule === 'column.empty').map((i) => `${i.list}|${i.field}`),
  );
  let perCellOfEmpty = 0;
  for (const i of issues) {
    if (!i.message || !i.rule) result.failures.push(`${file}: an issue has no message or rule`);
    const where = i.sheet !== null && (SHEET_LEVEL.has(i.rule) || (i.row !== null && i.column));
    if (where) located++;
    else result.failures.push(`${file}: '${i.message}' does not say where (sheet, row, column)`);
    if (/\b\d{4}-\d{2}-\d{2}\b/.test(`${i.message} ${i.value ?? ''}`)) {
      isoDates++;
      result.failures.push(`${file}: '${i.message}' writes a date as YYYY-MM-DD`);
    }
    if (i.rule === 'required' && empty.has(`${i.list}|${i.field}`)) perCellOfEmpty++;
  }
  if (perCellOfEmpty)
    result.failures.push(
      `${file}: ${perCellOfEmpty} per-row problems for columns empty in every row`,
    );
  result.summary.push(
    `  messages: ${located}/${issues.length} name sheet, row and column; ${isoDates} with YYYY-MM-DD dates; ${empty.size} column-level 'empty in every row' problems`,
  );
}

function checkSpecs(referenceDir: string, result: ConformanceResult): void {
  const specPath = path.join(referenceDir, 'annex-a/specs/annex_a_columns_derived.json');
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as DerivedSpec;
  let columns = 0;
  let codes = 0;
  for (const def of annexALists) {
    const listSpec = spec.lists[`List ${def.number}`];
    if (!listSpec) {
      result.failures.push(`spec has no List ${def.number}`);
      continue;
    }
    if (listSpec.columns.length !== def.fields.length)
      result.failures.push(
        `List ${def.number}: the spec has ${listSpec.columns.length} columns, the project ${def.fields.length}`,
      );
    listSpec.columns.forEach((col, i) => {
      columns++;
      const field = def.fields[i];
      if (!field || headerKey(field.header) !== headerKey(col.name)) {
        result.failures.push(
          `List ${def.number} column ${i + 1}: spec '${col.name}', project '${field?.header ?? '-'}'`,
        );
        return;
      }
      if (field.canBeBlank !== col.can_be_blank)
        result.failures.push(
          `List ${def.number} '${col.name}': blank allowed ${col.can_be_blank} in the spec, ${field.canBeBlank} here`,
        );
      if (!(COMPATIBLE[col.type] ?? []).includes(field.type))
        result.failures.push(
          `List ${def.number} '${col.name}': spec type ${col.type}, project ${field.type}`,
        );
      if ((col.since ?? null) !== (field.since ?? null))
        result.failures.push(
          `List ${def.number} '${col.name}': since ${col.since ?? '-'} in the spec, ${field.since ?? '-'} here`,
        );
      if (col.type === 'code' && col.codes?.length && field.codeSet) {
        const set = codeSet(field.codeSet);
        const seen = new Set<string>();
        for (const c of col.codes) {
          if (c.code.startsWith('<')) continue; // "<English LA name>"
          codes++;
          const m = set.match(c.code);
          if (m.kind !== 'code')
            result.failures.push(
              `List ${def.number} '${col.name}': template code '${c.code}' is not in the project's '${field.codeSet}' list`,
            );
          else seen.add(m.code);
        }
        const extra = set.codes.filter((c) => !seen.has(c.code)).map((c) => c.code);
        const allowed = new Set(['5D']); // CIN census source code accepted beyond the 2019 list
        const unexpected = extra.filter((c) => !allowed.has(c));
        if (
          unexpected.length > 0 &&
          !['primaryNeed', 'yesNoUnknown', 'disability'].includes(field.codeSet)
        )
          result.failures.push(
            `List ${def.number} '${col.name}': the project also accepts ${unexpected.join(', ')}, which the template lacks`,
          );
      }
    });
  }
  result.summary.push(
    `Template: ${columns} columns and ${codes} codes compared with annex_a_columns_derived.json`,
  );
}

function checkReferenceTable(referenceDir: string, result: ConformanceResult): void {
  const script = path.join(projectRoot(), 'scripts', 'build-annex-a-reference.mjs');
  if (!existsSync(script)) {
    result.failures.push('scripts/build-annex-a-reference.mjs is missing');
    return;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'tri-annexa-ref-'));
  try {
    const out = path.join(tmp, 'code-sets.json');
    execFileSync(process.execPath, [script, referenceDir, out], { stdio: 'pipe' });
    const fresh = readFileSync(out, 'utf8');
    const shipped = readFileSync(
      path.join(projectReferenceDir(), 'annex-a', 'code-sets.json'),
      'utf8',
    );
    if (fresh !== shipped)
      result.failures.push(
        'reference/annex-a/code-sets.json differs from what the specs give today: run node scripts/build-annex-a-reference.mjs',
      );
    else
      result.summary.push(
        'reference/annex-a/code-sets.json matches the specs (rebuilt and compared)',
      );
  } catch (err) {
    result.failures.push(`rebuilding the code sets failed: ${(err as Error).message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export const checkAnnexAImport: ConformanceCheck = async (referenceDir) => {
  const result: ConformanceResult = {
    name: 'Annex A import and code lists',
    passed: true,
    summary: [],
    failures: [],
  };
  await checkFixtures(path.join(referenceDir, 'annex-a/fixtures/annex_a'), result);
  checkSpecs(referenceDir, result);
  checkReferenceTable(referenceDir, result);
  result.passed = result.failures.length === 0;
  return result;
};
