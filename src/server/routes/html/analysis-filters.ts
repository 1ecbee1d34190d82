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
import { dateFilter, formErrors, type DateFilter, type Problem } from '../form-problems.js';
import { listParam } from './page-helpers.js';

export type Query = Record<string, unknown>;

const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';

/** The filter dates: GOV.UK date inputs (name-day, name-month, name-year), or YYYY-MM-DD in links. */
const DATE_FIELDS = [
  { name: 'from', label: '‘gathered from’ date' },
  { name: 'to', label: '‘gathered to’ date' },
  { name: 'codedFrom', label: '‘coded from’ date' },
  { name: 'codedTo', label: '‘coded to’ date' },
] as const;
type DateField = (typeof DATE_FIELDS)[number]['name'];

/** Where a date's problem links to in the error summary: its day box. */
export const dateAnchors: Record<string, string> = Object.fromEntries(
  DATE_FIELDS.map((f) => [f.name, `${f.name}-day`]),
);

/** The filter dates, what each date input shows, and the problems (named by field). */
export function readFilterDates(q: Query): {
  values: Record<DateField, string>;
  parts: Record<DateField, DateFilter['parts']>;
  problems: Problem[];
} {
  const values = {} as Record<DateField, string>;
  const parts = {} as Record<DateField, DateFilter['parts']>;
  const problems: Problem[] = [];
  for (const f of DATE_FIELDS) {
    const d = dateFilter(q, f.name, f.label);
    parts[f.name] = d.parts;
    values[f.name] = d.problem ? '' : (d.value ?? '');
    if (d.problem) problems.push({ field: f.name, reason: d.problem });
  }
  for (const [from, to, what] of [
    ['from', 'to', 'gathered'],
    ['codedFrom', 'codedTo', 'coded'],
  ] as const)
    if (values[from] && values[to] && values[to] < values[from]) {
      problems.push({
        field: to,
        reason: `The ‘${what} to’ date must be the same as or after the ‘${what} from’ date`,
      });
      values[to] = '';
    }
  return { values, parts, problems };
}

/**
 * What a page with the filter form renders besides its filters: each date input's parts, and the
 * page's own problems with the dates' (the error summary, and each problem by its field).
 */
export function filterForm(
  q: Query,
  problems: Problem[],
  anchors: Record<string, string> = {},
  opts: { withCoding?: boolean } = { withCoding: true },
) {
  const dates = readFilterDates(q);
  // A page without the coding filters shows no coding dates, so names none of their problems.
  const shown = dates.problems.filter(
    (p) => opts.withCoding || (p.field !== 'codedFrom' && p.field !== 'codedTo'),
  );
  return {
    dateParts: dates.parts,
    ...formErrors([...problems, ...shown], { ...anchors, ...dateAnchors }),
  };
}

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
  const dates = readFilterDates(q).values;
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
    from: dates.from,
    to: dates.to,
    attr: known(
      attr,
      attributeChoices().some((a) => a.value === attr),
    ),
    attrValue: str(q.attrValue).slice(0, 200),
    coder: known(
      coder,
      page.team.some((p) => p.id === coder),
    ),
    codedFrom: dates.codedFrom,
    codedTo: dates.codedTo,
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
