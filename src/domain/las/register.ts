// Looking authorities up by any identifier the sources use, and following reorganisations.
// Identifiers are reused over time (two authorities have been called "Dorset"), so every lookup
// takes an optional date: the authority that existed then wins; without a date, the current one.
import { isCurrent, isValidOn, type LaIdentity, type LaSuccession } from './la.js';
import { normaliseLaName } from './names.js';

export type LaLookupFailure = 'unknown' | 'ambiguous';
export type LaLookup<T extends LaIdentity = LaIdentity> =
  { ok: true; la: T } | { ok: false; reason: LaLookupFailure };

export interface LaLink<T extends LaIdentity = LaIdentity> {
  la: T;
  effectiveDate: string;
}

export interface LaRegister<T extends LaIdentity = LaIdentity> {
  readonly all: readonly T[];
  byId(id: string): T | undefined;
  /** By current or previous GSS code. */
  byGss(code: string, on?: string): LaLookup<T>;
  byDfe(code: string, on?: string): LaLookup<T>;
  byUrn(urn: string, on?: string): LaLookup<T>;
  /** By name or alias, compared after normalisation. */
  byName(name: string, on?: string): LaLookup<T>;
  /** By whatever the text looks like: id, GSS code, DfE code, URN or name. */
  find(text: string, on?: string): LaLookup<T>;
  /** The authorities this one replaced (directly). */
  predecessorsOf(id: string): LaLink<T>[];
  /** The authorities that replaced this one (directly). */
  successorsOf(id: string): LaLink<T>[];
  /** Every authority this one replaced, directly or through others. */
  ancestorsOf(id: string): T[];
  /**
   * The authorities responsible today (or on a date) for this one's area: itself if it is still
   * valid, otherwise its successors' successors, and so on (Dorset County → BCP and Dorset).
   */
  currentSuccessors(id: string, on?: string): T[];
}

export function createLaRegister<T extends LaIdentity>(
  records: readonly T[],
  successions: readonly LaSuccession[],
): LaRegister<T> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const gss = multiMap(records, (r) =>
    [r.gssCode, ...r.previousGssCodes].map((c) => c.toUpperCase()),
  );
  const dfe = multiMap(records, (r) => (r.dfeCode ? [r.dfeCode] : []));
  const urn = multiMap(records, (r) => (r.ofstedUrn ? [r.ofstedUrn] : []));
  const names = multiMap(records, (r) => [r.name, ...(r.aliases ?? [])].map(normaliseLaName));

  const links = (
    from: 'predecessorId' | 'successorId',
    to: 'predecessorId' | 'successorId',
    id: string,
  ) =>
    successions
      .filter((s) => s[from] === id)
      .flatMap((s) => {
        const la = byId.get(s[to]);
        return la ? [{ la, effectiveDate: s.effectiveDate }] : [];
      })
      .sort((a, b) => a.la.name.localeCompare(b.la.name));

  const register: LaRegister<T> = {
    all: records,
    byId: (id) => byId.get(id),
    byGss: (code, on) => pick(gss.get(code.trim().toUpperCase()), on),
    byDfe: (code, on) => pick(dfe.get(code.trim()), on),
    byUrn: (u, on) => pick(urn.get(u.trim()), on),
    byName: (name, on) => pick(names.get(normaliseLaName(name)), on),
    find: (text, on) => {
      const t = text.trim();
      const exact = byId.get(t);
      if (exact) return { ok: true, la: exact };
      if (/^E\d{8}$/i.test(t)) return register.byGss(t, on);
      if (/^\d{3}$/.test(t)) return register.byDfe(t, on);
      if (/^\d{4,}$/.test(t)) return register.byUrn(t, on);
      return register.byName(t, on);
    },
    predecessorsOf: (id) => links('successorId', 'predecessorId', id),
    successorsOf: (id) => links('predecessorId', 'successorId', id),
    ancestorsOf: (id) => {
      const found = new Map<string, T>();
      const visit = (current: string): void => {
        for (const p of register.predecessorsOf(current)) {
          if (found.has(p.la.id) || p.la.id === id) continue;
          found.set(p.la.id, p.la);
          visit(p.la.id);
        }
      };
      visit(id);
      return [...found.values()];
    },
    currentSuccessors: (id, on) => {
      const found = new Map<string, T>();
      const seen = new Set<string>();
      const visit = (la: T): void => {
        if (seen.has(la.id)) return;
        seen.add(la.id);
        if (on ? isValidOn(la, on) : isCurrent(la)) {
          found.set(la.id, la);
          return;
        }
        for (const next of register.successorsOf(la.id)) {
          if (!on || next.effectiveDate <= on) visit(next.la);
        }
      };
      const start = byId.get(id);
      if (start) visit(start);
      return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  };
  return register;
}

function multiMap<T>(records: readonly T[], keys: (r: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of records) {
    for (const k of new Set(keys(r))) {
      const list = map.get(k) ?? [];
      list.push(r);
      map.set(k, list);
    }
  }
  return map;
}

/** One candidate wins: the one valid on the date, or else the current one. */
function pick<T extends LaIdentity>(
  candidates: T[] | undefined,
  on: string | undefined,
): LaLookup<T> {
  if (!candidates || candidates.length === 0) return { ok: false, reason: 'unknown' };
  if (candidates.length === 1) return { ok: true, la: candidates[0] as T };
  const narrowed = candidates.filter((c) => (on ? isValidOn(c, on) : isCurrent(c)));
  if (narrowed.length === 1) return { ok: true, la: narrowed[0] as T };
  return { ok: false, reason: narrowed.length === 0 ? 'unknown' : 'ambiguous' };
}
