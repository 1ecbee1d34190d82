// Reconciling a double coding: the distinct spans the coders made on one record, code by code,
// with who made each, so the disagreements can be read side by side and an agreed coding chosen.
export interface CoderSpan {
  coderId: string;
  codeId: string;
  start: number;
  end: number;
}

export interface CandidateSpan {
  codeId: string;
  start: number;
  end: number;
  /** The coders who coded exactly this span with this code. */
  coderIds: string[];
  /** Every coder made it: kept in the agreed coding unless the decider says otherwise. */
  unanimous: boolean;
}

/** The key a candidate is chosen by in a form: code, start and end. */
export const candidateKey = (c: { codeId: string; start: number; end: number }): string =>
  `${c.codeId}:${c.start}:${c.end}`;

export function parseCandidateKey(
  key: string,
): { codeId: string; start: number; end: number } | null {
  const m = /^([0-9a-f-]{36}):(\d+):(\d+)$/i.exec(key.trim());
  if (!m) return null;
  const start = Number(m[2]);
  const end = Number(m[3]);
  return end > start ? { codeId: m[1]!.toLowerCase(), start, end } : null;
}

/** The distinct spans of all coders, in text order, each with who made it. */
export function candidateSpans(spans: CoderSpan[], coderIds: string[]): CandidateSpan[] {
  const byKey = new Map<string, CandidateSpan>();
  for (const s of spans) {
    const key = candidateKey(s);
    const c = byKey.get(key) ?? {
      codeId: s.codeId,
      start: s.start,
      end: s.end,
      coderIds: [],
      unanimous: false,
    };
    if (!c.coderIds.includes(s.coderId)) c.coderIds.push(s.coderId);
    byKey.set(key, c);
  }
  const all = new Set(coderIds);
  return [...byKey.values()]
    .map((c) => ({ ...c, unanimous: [...all].every((id) => c.coderIds.includes(id)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.codeId.localeCompare(b.codeId));
}
