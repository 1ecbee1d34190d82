// Cases of an imported project: the kind and typed attributes come from Triangulate's own
// Variables when the file has them (a re-imported export); other variables are kept, as text, in
// the case's description; cases with the same kind and reference are merged.
import { caseAttributeSchemas } from '../evidence/case-attributes.js';
import type { CaseKind } from '../evidence/vocabulary.js';
import type { RefiVariableValue } from './model.js';
import type { ImportedProject, ReadReport } from './read-project.js';
import { caseKindFromText, caseVariables, recogniseVariable } from './variables.js';

export const DEFAULT_CASE_KIND: CaseKind = 'child';

export interface PlanCase {
  guid: string;
  kind: CaseKind;
  kindDefaulted: boolean;
  reference: string;
  description: string | null;
  attributes: Record<string, string | number | boolean>;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export type Values = Map<string, RefiVariableValue['value']>;

export function valuesOf(
  vv: RefiVariableValue[],
  varNames: Map<string, string>,
  table: Record<string, { name: string }>,
  other: (name: string, value: string) => void,
): Values {
  const out: Values = new Map();
  for (const v of vv) {
    const name = varNames.get(v.variableGuid);
    if (!name) continue;
    const key = recogniseVariable(name, table);
    if (key) out.set(key, v.value);
    else other(name, String(v.value));
  }
  return out;
}

export const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
export const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);

export function planCases(
  p: ImportedProject,
  varNames: Map<string, string>,
  report: ReadReport,
  alias: Map<string, string>,
): PlanCase[] {
  const out: PlanCase[] = [];
  const byRef = new Map<string, string>();
  p.cases.forEach((c, i) => {
    const extra: string[] = [];
    const vals = valuesOf(c.variableValues, varNames, caseVariables, (n, v) =>
      extra.push(`${n}: ${v}`),
    );
    const kindText = text(vals.get('kind'));
    const kind = (kindText && caseKindFromText(kindText)) || DEFAULT_CASE_KIND;
    const attributes: Record<string, string | number | boolean> = {};
    for (const [k, raw] of vals) {
      if (k === 'kind') continue;
      const v =
        typeof raw === 'string'
          ? raw
              .trim()
              .toLowerCase()
              .replace(/[\s-]+/g, '_')
          : raw;
      const value = k === 'team' || k === 'locality' ? raw : v;
      if (caseAttributeSchemas[kind].safeParse({ [k]: value }).success) attributes[k] = value;
      else extra.push(`${caseVariables[k as keyof typeof caseVariables].name}: ${String(raw)}`);
    }
    const reference = clip((c.name ?? '').trim() || `Case ${i + 1}`, 200);
    const key = `${kind}:${reference.toLowerCase()}`;
    const same = byRef.get(key);
    if (same) {
      alias.set(c.guid, same);
      report.repairs.push(`Two cases are named '${reference}'; they were merged into one`);
      return;
    }
    byRef.set(key, c.guid);
    const description = [
      c.description?.trim(),
      extra.length ? `Imported variables: ${extra.join('; ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    out.push({
      guid: c.guid,
      kind,
      kindDefaulted: !kindText || !caseKindFromText(kindText),
      reference,
      description: description || null,
      attributes,
    });
  });
  return out;
}
