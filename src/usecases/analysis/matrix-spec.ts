// The input of a matrix query and what it resolves to: the rows (codes with their subcodes, or
// judgement areas), the column dimension and its values in a stable order with labels.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Activity } from '../../data/repositories/activities.js';
import { codebookEntries } from '../../data/repositories/coding-query.js';
import {
  NOT_RECORDED,
  UNFILED,
  UNSET,
  type MatrixCellCount,
  type MatrixColumn,
  type MatrixSpec,
} from '../../data/repositories/matrix-query.js';
import type { DB } from '../../data/schema.js';
import { expandInTree } from '../../domain/analysis/code-tree.js';
import { caseAttributeCatalogue } from '../../domain/evidence/case-attributes.js';
import { humaniseKey } from '../../domain/evidence/codebook-seed.js';
import {
  caseKinds,
  evidenceDirectionLabels,
  evidenceDirections,
  evidenceMethodLabels,
  evidenceMethods,
  methodFamilies,
} from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';
import {
  CodingFilterInput,
  codingConditions,
  EvidenceFilterInput,
  evidenceConditions,
} from './analysis-input.js';

const values = z.array(z.string().max(200)).max(100).optional();

export const MatrixInput = {
  rows: z.union([
    z.object({
      kind: z.literal('codes'),
      codes: z.array(z.string()).min(1).max(100),
      /** A code (or folder) row also counts the codes below it. */
      includeSubcodes: z.boolean().default(true),
    }),
    z.object({ kind: z.literal('judgementAreas'), areas: z.array(z.string()).max(20).optional() }),
  ]),
  columns: z.union([
    z.object({
      kind: z.enum(['method', 'methodFamily', 'direction', 'coder', 'recordedBy', 'judgementArea']),
      values,
    }),
    z.object({
      kind: z.literal('attribute'),
      caseKind: z.enum(caseKinds),
      name: z.string().max(100),
      values,
    }),
  ]),
  filter: EvidenceFilterInput.optional(),
  coding: CodingFilterInput.optional(),
};
export const MatrixSchema = z.object(MatrixInput);
export type MatrixInput = z.infer<typeof MatrixSchema>;

export interface Labelled {
  key: string;
  label: string;
}

export interface ResolvedMatrix {
  spec: MatrixSpec;
  rows: Labelled[];
  /** Columns known before counting (enumerations); observed values are added after. */
  knownColumns: Labelled[] | null;
  unit: 'coding references' | 'evidence records';
}

const FAMILY_LABELS: Record<string, string> = {
  written: 'Written records',
  discussion: 'Discussion',
  observation: 'Observation',
  children_and_families: 'Children and families',
};

function enumColumns(activity: Activity, c: MatrixInput['columns']): Labelled[] | null {
  const label = (k: string) => (k === NOT_RECORDED ? 'Not recorded' : humaniseKey(k));
  switch (c.kind) {
    case 'method':
      return evidenceMethods.map((m) => ({ key: m, label: evidenceMethodLabels[m] }));
    case 'methodFamily':
      return Object.keys(methodFamilies).map((f) => ({ key: f, label: FAMILY_LABELS[f] ?? f }));
    case 'direction':
      return [
        ...evidenceDirections.map((d) => ({ key: d, label: evidenceDirectionLabels[d] })),
        { key: UNSET, label: 'Not recorded' },
      ];
    case 'judgementArea':
      return [
        ...judgementAreasOf(activity).map((a) => ({ key: a.key, label: a.title })),
        { key: UNFILED, label: 'Not filed under an area' },
      ];
    case 'attribute': {
      const attributes = caseAttributeCatalogue()[c.caseKind];
      const attr = attributes.find((a) => a.name === c.name);
      if (!attr)
        throw new AppError('VALIDATION_FAILED', {
          details: [
            {
              field: 'columns.name',
              value: c.name,
              reason: `Not an attribute of ${c.caseKind} cases (use one of: ${attributes.map((a) => a.name).join(', ')})`,
            },
          ],
        });
      if (attr.type === 'enum')
        return [...(attr.values ?? []), NOT_RECORDED].map((v) => ({ key: v, label: label(v) }));
      if (attr.type === 'boolean')
        return ['true', 'false', NOT_RECORDED].map((v) => ({
          key: v,
          label: v === 'true' ? 'Yes' : v === 'false' ? 'No' : 'Not recorded',
        }));
      return null;
    }
    default:
      return null;
  }
}

export async function resolveMatrix(
  db: Kysely<DB>,
  activity: Activity,
  input: MatrixInput,
): Promise<ResolvedMatrix> {
  const column: MatrixColumn =
    input.columns.kind === 'attribute'
      ? { kind: 'attribute', caseKind: input.columns.caseKind, name: input.columns.name }
      : { kind: input.columns.kind };
  let knownColumns = enumColumns(activity, input.columns);
  const wanted = input.columns.values;
  if (knownColumns && wanted?.length) {
    const unknown = wanted.filter((v) => !knownColumns!.some((c) => c.key === v));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        details: unknown.map((v) => ({
          field: 'columns.values',
          value: v,
          reason: 'Not a value of this column',
        })),
      });
    knownColumns = wanted.map((v) => knownColumns!.find((c) => c.key === v)!);
  }
  const evidence = evidenceConditions(activity, input.filter);
  const coding = codingConditions(input.coding);
  const base = { column, ...(wanted?.length ? { values: wanted } : {}), evidence, coding };
  if (input.rows.kind === 'codes') {
    const codes = await codebookEntries(db, activity.id);
    const names = new Map(codes.map((c) => [c.id, c.name]));
    const unknown = input.rows.codes.filter((id) => !names.has(id));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        details: unknown.map((id) => ({
          field: 'rows.codes',
          value: id,
          reason: 'No such code in this activity’s codebook',
        })),
      });
    const expanded = expandInTree(codes, input.rows.codes, input.rows.includeSubcodes);
    return {
      spec: {
        ...base,
        rows: {
          kind: 'codes',
          rows: input.rows.codes.map((id) => ({ codeIds: expanded.get(id) ?? [id] })),
        },
      },
      rows: input.rows.codes.map((id) => ({ key: id, label: names.get(id) ?? id })),
      knownColumns,
      unit: 'coding references',
    };
  }
  if (column.kind === 'coder')
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'columns.kind',
          reason: 'Judgement-area rows count records, which have no coder: use codes as rows',
        },
      ],
    });
  const areas = judgementAreasOf(activity);
  const keys = input.rows.areas?.length ? input.rows.areas : areas.map((a) => a.key);
  const unknown = keys.filter((k) => !areas.some((a) => a.key === k));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      details: unknown.map((k) => ({
        field: 'rows.areas',
        value: k,
        reason: `Not a judgement area of ${activity.frameworkId}`,
      })),
    });
  return {
    spec: { ...base, rows: { kind: 'judgementAreas', rows: keys.map((area) => ({ area })) } },
    rows: keys.map((k) => ({ key: k, label: areas.find((a) => a.key === k)?.title ?? k })),
    knownColumns,
    unit: 'evidence records',
  };
}

export interface MatrixTable {
  rows: Labelled[];
  columns: Labelled[];
  unit: 'coding references' | 'evidence records';
  /** [row][column]: coding references (code rows) or records (area rows). */
  counts: number[][];
  /** [row][column]: distinct evidence records. */
  records: number[][];
  rowTotals: number[];
  columnTotals: number[];
}

/** The counts laid out in rows and columns (observed values of open columns sorted by label). */
export function layOut(m: ResolvedMatrix, cells: MatrixCellCount[]): MatrixTable {
  const observed = new Map(cells.map((c) => [c.column, c.columnLabel || c.column]));
  const label = (key: string) =>
    key === NOT_RECORDED ? 'Not recorded' : (observed.get(key) ?? key);
  // Enumerations keep their order; open columns (coders, text attributes) are the values asked
  // for, in that order, or those observed, by label.
  const columns =
    m.knownColumns ??
    (m.spec.values?.length
      ? m.spec.values.map((key) => ({ key, label: label(key) }))
      : [...observed.keys()]
          .map((key) => ({ key, label: label(key) }))
          .sort((a, b) => a.label.localeCompare(b.label)));
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const zero = () => m.rows.map(() => columns.map(() => 0));
  const counts = zero();
  const records = zero();
  for (const c of cells) {
    const j = index.get(c.column);
    if (j === undefined) continue;
    counts[c.row]![j] = c.references;
    records[c.row]![j] = c.records;
  }
  return {
    rows: m.rows,
    columns,
    unit: m.unit,
    counts,
    records,
    rowTotals: counts.map((r) => r.reduce((a, b) => a + b, 0)),
    columnTotals: columns.map((_, j) => counts.reduce((a, r) => a + r[j]!, 0)),
  };
}
