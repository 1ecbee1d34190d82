// The filters the analysis pages share, read from the query string (GET forms, so every result
// has a link that can be shared and reloaded): methods, directions, judgement areas, dates, who
// recorded it, case attributes, coders and coding dates; and the coding-query builder (up to
// four codes joined by AND, OR and AND NOT, or a typed expression).
import { addDays, startOfDayInEngland } from '../../../clock.js';
import type { CodeExpr } from '../../../domain/analysis/code-expression.js';
import { caseAttributeCatalogue } from '../../../domain/evidence/case-attributes.js';
import { humaniseKey } from '../../../domain/evidence/codebook-seed.js';
import {
  evidenceDirectionLabels,
  evidenceMethodLabels,
  type EvidenceDirection,
  type EvidenceMethod,
} from '../../../domain/evidence/vocabulary.js';
import type {
  EvidenceFilterInput,
  CodingFilterInput,
} from '../../../usecases/analysis/analysis-input.js';
import type { EvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { listParam } from './page-helpers.js';

export type Query = Record<string, unknown>;

const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
const isoDate = (v: unknown): string | undefined => {
  const s = str(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};

/** Case attributes a filter or a matrix column can use: "child.cohort" and their values. */
export function attributeChoices(): Array<{
  value: string;
  text: string;
  values: Array<{ value: string; text: string }>;
}> {
  const catalogue = caseAttributeCatalogue();
  return (Object.keys(catalogue) as Array<keyof typeof catalogue>).flatMap((kind) =>
    catalogue[kind].map((a) => ({
      value: `${kind}.${a.name}`,
      text: `${humaniseKey(kind)} case: ${humaniseKey(a.name).toLowerCase()}`,
      values:
        a.type === 'enum'
          ? (a.values ?? []).map((v) => ({ value: v, text: humaniseKey(v) }))
          : a.type === 'boolean'
            ? [
                { value: 'true', text: 'Yes' },
                { value: 'false', text: 'No' },
              ]
            : [],
    })),
  );
}

/** The filter values as the form shows them. */
export interface FilterValues {
  method: string;
  direction: string;
  area: string;
  person: string;
  from: string;
  to: string;
  attr: string;
  attrValue: string;
  coder: string;
  codedFrom: string;
  codedTo: string;
}

export function readFilters(q: Query, page: EvidencePageContext): FilterValues {
  const known = (v: string, ok: boolean) => (ok ? v : '');
  const method = str(q.method);
  const direction = str(q.direction);
  const area = str(q.area);
  const person = str(q.person);
  const coder = str(q.coder);
  const attr = str(q.attr);
  return {
    method: known(method, method in evidenceMethodLabels),
    direction: known(direction, direction in evidenceDirectionLabels || direction === 'unset'),
    area: known(
      area,
      page.areas.some((a) => a.key === area),
    ),
    person: known(
      person,
      page.team.some((p) => p.id === person),
    ),
    from: isoDate(q.from) ?? '',
    to: isoDate(q.to) ?? '',
    attr: known(
      attr,
      attributeChoices().some((a) => a.value === attr),
    ),
    attrValue: str(q.attrValue).slice(0, 200),
    coder: known(
      coder,
      page.team.some((p) => p.id === coder),
    ),
    codedFrom: isoDate(q.codedFrom) ?? '',
    codedTo: isoDate(q.codedTo) ?? '',
  };
}

export function evidenceFilter(f: FilterValues): EvidenceFilterInput {
  const [kind, name] = f.attr.split('.');
  const attrValue =
    f.attrValue === 'true' ? true : f.attrValue === 'false' ? false : f.attrValue.trim();
  return {
    ...(f.method ? { methods: [f.method as EvidenceMethod] } : {}),
    ...(f.direction ? { directions: [f.direction as EvidenceDirection | 'unset'] } : {}),
    ...(f.area ? { judgementAreas: [f.area] } : {}),
    ...(f.person ? { recordedBy: [f.person] } : {}),
    ...(f.from ? { observedFrom: f.from } : {}),
    ...(f.to ? { observedTo: f.to } : {}),
    ...(kind && name && attrValue !== ''
      ? { attributes: [{ kind: kind as 'child', name, value: attrValue }] }
      : {}),
  };
}

export function codingFilter(f: FilterValues): CodingFilterInput {
  return {
    ...(f.coder ? { coderIds: [f.coder] } : {}),
    // England's days (BST in summer); the 'to' day is inclusive (before the next one begins).
    ...(f.codedFrom ? { codedFrom: startOfDayInEngland(f.codedFrom) } : {}),
    ...(f.codedTo ? { codedTo: startOfDayInEngland(addDays(f.codedTo, 1)) } : {}),
  };
}

/** The choices of the filter form. */
export function filterChoices(page: EvidencePageContext) {
  return {
    methods: Object.entries(evidenceMethodLabels).map(([value, text]) => ({ value, text })),
    directions: [
      ...Object.entries(evidenceDirectionLabels).map(([value, text]) => ({ value, text })),
      { value: 'unset', text: 'Not recorded' },
    ],
    areas: page.areas,
    team: page.team,
    attributes: attributeChoices(),
  };
}

export const BUILDER_SLOTS = 4;
export const operators = [
  { value: 'and', text: 'AND' },
  { value: 'or', text: 'OR' },
  { value: 'not', text: 'AND NOT' },
];

export interface BuilderValues {
  codes: string[];
  ops: string[];
  expression: string;
  scope: 'passage' | 'record';
}

export function readBuilder(q: Query, page: EvidencePageContext): BuilderValues {
  const codes: string[] = [];
  const ops: string[] = [];
  for (let i = 1; i <= BUILDER_SLOTS; i++) {
    const c = str(q[`c${i}`]);
    codes.push(page.codes.some((x) => x.id === c) ? c : '');
    const op = str(q[`op${i}`]);
    ops.push(i === 1 ? '' : operators.some((o) => o.value === op) ? op : 'and');
  }
  return {
    codes,
    ops,
    expression: str(q.expression).slice(0, 2000),
    scope: str(q.scope) === 'record' ? 'record' : 'passage',
  };
}

/** The builder's codes folded left to right: ((a AND b) OR c) AND NOT d. */
export function builderExpression(b: BuilderValues): CodeExpr | string | null {
  if (b.expression.trim()) return b.expression.trim();
  let acc: CodeExpr | null = null;
  b.codes.forEach((code, i) => {
    if (!code) return;
    const leaf: CodeExpr = { code };
    const op = b.ops[i];
    if (!acc) acc = op === 'not' ? { not: leaf } : leaf;
    else if (op === 'or') acc = { or: [acc, leaf] };
    else if (op === 'not') acc = { and: [acc, { not: leaf }] };
    else acc = { and: [acc, leaf] };
  });
  return acc;
}

/** The query-string entries that reproduce a builder and filters (for links and exports). */
export function builderParams(
  b: BuilderValues,
  f: FilterValues,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {
    ...f,
    expression: b.expression,
    scope: b.scope,
  };
  b.codes.forEach((c, i) => {
    out[`c${i + 1}`] = c;
    if (i > 0 && c) out[`op${i + 1}`] = b.ops[i];
  });
  return out;
}

export { listParam };
