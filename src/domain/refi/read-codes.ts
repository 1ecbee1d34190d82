// Reading the codebook parts of a REFI-QDA document: users, codes (with ATLAS.ti's
// "Parent::child" names nested under an existing parent), variables, cases and variable values.
import { normaliseGuid, uuidV5 } from './guid.js';
import type { RefiCase, RefiCode, RefiVariable, RefiVariableValue, VariableType } from './model.js';
import type { RefiDetail } from './import-problems.js';
import { childrenNamed, describeElement, firstChild, type XmlElement } from './xml-tree.js';

export interface ReadContext {
  file: string;
  repairGuids: boolean;
  repairs: string[];
  skipped: Map<string, number>;
  warnings: string[];
  fatal: RefiDetail[];
  notImported: Array<{ element: string; guid: string; reason: string }>;
}

/** The canonical GUID of an attribute (a replacement in repair mode), or null. */
export function guidOf(ctx: ReadContext, el: XmlElement, attr = 'guid'): string | null {
  const raw = el.attrs[attr];
  if (raw === undefined) return null;
  const g = normaliseGuid(raw);
  if (g) return g;
  return ctx.repairGuids ? uuidV5(`repaired:${raw.trim()}`) : null;
}

export function skip(ctx: ReadContext, what: string, n = 1): void {
  if (n > 0) ctx.skipped.set(what, (ctx.skipped.get(what) ?? 0) + n);
}

export function textOf(el: XmlElement | undefined): string | null {
  return el === undefined ? null : el.text;
}

const RGB = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

export function colourOf(raw: string | undefined): string | null {
  const v = raw?.trim();
  if (!v || !RGB.test(v)) return null;
  const hex = v.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

export function readUsers(ctx: ReadContext, project: XmlElement): Map<string, string> {
  const users = new Map<string, string>();
  for (const u of childrenNamed(firstChild(project, 'Users'), 'User')) {
    const g = guidOf(ctx, u);
    if (g) users.set(g, u.attrs.name?.trim() || u.attrs.id?.trim() || `User ${g.slice(0, 8)}`);
  }
  return users;
}

export function readCodes(ctx: ReadContext, codesEl: XmlElement | undefined): RefiCode[] {
  const seen = new Set<string>();
  const read = (el: XmlElement): RefiCode | null => {
    const guid = guidOf(ctx, el);
    if (!guid) return null;
    if (seen.has(guid)) {
      ctx.fatal.push({
        field: el.path,
        value: el.attrs.guid,
        reason: `${describeElement(el)}: another <Code> has the same guid, so codings cannot tell them apart`,
      });
      return null;
    }
    seen.add(guid);
    const codable = el.attrs.isCodable?.trim();
    return {
      guid,
      name: el.attrs.name?.trim() ?? '',
      isCodable: codable === undefined ? true : codable === 'true' || codable === '1',
      color: colourOf(el.attrs.color),
      rawColor: el.attrs.color ?? null,
      description: textOf(firstChild(el, 'Description')),
      noteRefs: refs(ctx, el, 'NoteRef'),
      children: childrenNamed(el, 'Code')
        .map(read)
        .filter((c): c is RefiCode => c !== null),
    };
  };
  const codes = childrenNamed(codesEl, 'Code')
    .map(read)
    .filter((c): c is RefiCode => c !== null);
  nestDoubleColonNames(ctx, codes);
  return codes;
}

/** ATLAS.ti writes a flat list with names like "Coke::diet Coke": nest those under "Coke". */
function nestDoubleColonNames(ctx: ReadContext, list: RefiCode[]): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const at = c.name.indexOf('::');
    if (at > 0) {
      const parentName = c.name.slice(0, at).trim().toLowerCase();
      const parent = list.find((p) => p !== c && p.name.trim().toLowerCase() === parentName);
      const rest = c.name.slice(at + 2).trim();
      if (parent && rest) {
        ctx.repairs.push(
          `The code '${c.name}' was nested under '${parent.name}' as '${rest}' (ATLAS.ti writes subcodes as "Parent::child")`,
        );
        c.name = rest;
        parent.children.push(c);
        list.splice(i, 1);
        i--;
        continue;
      }
    }
    nestDoubleColonNames(ctx, c.children);
  }
}

export function refs(ctx: ReadContext, el: XmlElement, name: string): string[] {
  return childrenNamed(el, name)
    .map((r) => guidOf(ctx, r, 'targetGUID'))
    .filter((g): g is string => g !== null);
}

const VAR_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

export function readVariables(ctx: ReadContext, project: XmlElement): RefiVariable[] {
  const out: RefiVariable[] = [];
  for (const v of childrenNamed(firstChild(project, 'Variables'), 'Variable')) {
    const guid = guidOf(ctx, v);
    if (!guid) continue;
    const t = v.attrs.typeOfVariable?.trim() ?? 'Text';
    out.push({
      guid,
      name: v.attrs.name?.trim() || `Variable ${guid.slice(0, 8)}`,
      type: (VAR_TYPES.includes(t) ? t : 'Text') as VariableType,
      description: textOf(firstChild(v, 'Description')),
    });
  }
  return out;
}

export function readVariableValues(ctx: ReadContext, el: XmlElement): RefiVariableValue[] {
  const out: RefiVariableValue[] = [];
  for (const vv of childrenNamed(el, 'VariableValue')) {
    const ref = firstChild(vv, 'VariableRef');
    const variableGuid = ref ? guidOf(ctx, ref, 'targetGUID') : null;
    const valueEl = vv.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableRef');
    if (!variableGuid || !valueEl) continue;
    const raw = valueEl.text.trim();
    let value: string | number | boolean | null = raw;
    if (valueEl.name === 'BooleanValue')
      value = /^(true|1)$/.test(raw) ? true : /^(false|0)$/.test(raw) ? false : null;
    else if (valueEl.name === 'IntegerValue' || valueEl.name === 'FloatValue') {
      const n = Number(raw);
      value = raw !== '' && Number.isFinite(n) ? n : null;
    } else if (valueEl.name === 'TextValue') value = valueEl.text;
    if (value !== null) out.push({ variableGuid, value });
  }
  return out;
}

export function readCases(ctx: ReadContext, project: XmlElement): RefiCase[] {
  const out: RefiCase[] = [];
  for (const c of childrenNamed(firstChild(project, 'Cases'), 'Case')) {
    const guid = guidOf(ctx, c);
    if (!guid) continue;
    out.push({
      guid,
      name: c.attrs.name?.trim() || null,
      description: textOf(firstChild(c, 'Description')),
      variableValues: readVariableValues(ctx, c),
      sourceRefs: refs(ctx, c, 'SourceRef'),
      selectionRefs: refs(ctx, c, 'SelectionRef'),
      codeRefs: refs(ctx, c, 'CodeRef'),
    });
  }
  return out;
}
