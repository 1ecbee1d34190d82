// REFI Notes become memos on what they were about: the project (activity memos), a code, a
// source (evidence), a coding, or a case (REFI has no NoteRef on cases, so Triangulate's exports
// and some vendors use a Link between the Note and the Case). A note about a selection goes to
// its coding when the selection has one, else to the evidence. A note referenced from several
// places becomes one memo per place; a note referenced from nothing that was imported becomes an
// activity memo, so no memo text is ever lost.
import { uuidV5 } from './guid.js';
import { flattenCodes } from './model.js';
import type { ImportedProject, ReadReport } from './read-project.js';

export type MemoTarget = 'activity' | 'evidence' | 'code' | 'coding' | 'case';

export interface PlanMemo {
  guid: string;
  /** The Note it was made from. */
  noteGuid: string;
  targetType: MemoTarget;
  /** The planned code, evidence, coding or case GUID (null for the activity). */
  targetGuid: string | null;
  title: string | null;
  text: string;
  createdByLabel: string;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface MemoContext {
  codes: Set<string>;
  codeOf(guid: string): string;
  evidence: Set<string>;
  /** The coding a file coding became (merged duplicates point to the kept one), or null. */
  codingOf(guid: string): string | null;
  caseOf(guid: string): string | null;
  who(...guids: Array<string | null | undefined>): string;
  report: ReadReport;
}

interface Target {
  type: MemoTarget;
  guid: string | null;
  about?: string;
}

const date = (v: string | null | undefined): Date | null => {
  const d = v ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

export function planMemos(p: ImportedProject, ctx: MemoContext): PlanMemo[] {
  const targets = new Map<string, Target[]>();
  const add = (note: string, t: Target) => {
    const list = targets.get(note) ?? [];
    if (!list.some((x) => x.type === t.type && x.guid === t.guid)) list.push(t);
    targets.set(note, list);
  };
  for (const n of p.noteRefs) add(n, { type: 'activity', guid: null });
  for (const c of flattenCodes(p.codes)) {
    const g = ctx.codeOf(c.guid);
    if (ctx.codes.has(g)) for (const n of c.noteRefs) add(n, { type: 'code', guid: g });
  }
  for (const s of p.sources) {
    if (!ctx.evidence.has(s.guid)) continue;
    for (const n of s.noteRefs) add(n, { type: 'evidence', guid: s.guid });
    for (const k of s.codings) {
      const kept = ctx.codingOf(k.guid);
      if (kept) for (const n of k.noteRefs) add(n, { type: 'coding', guid: kept });
    }
    for (const sel of s.selections) {
      const only = sel.codings.length === 1 ? ctx.codingOf(sel.codings[0]!.guid) : null;
      for (const n of sel.noteRefs)
        add(
          n,
          only
            ? { type: 'coding', guid: only }
            : { type: 'evidence', guid: s.guid, about: sel.name ?? `${sel.start}-${sel.end}` },
        );
      for (const k of sel.codings) {
        const kept = ctx.codingOf(k.guid);
        if (kept) for (const n of k.noteRefs) add(n, { type: 'coding', guid: kept });
      }
    }
  }
  const notes = new Set(p.notes.map((n) => n.guid));
  for (const l of p.links) {
    const [note, other] =
      l.originGuid && notes.has(l.originGuid)
        ? [l.originGuid, l.targetGuid]
        : l.targetGuid && notes.has(l.targetGuid)
          ? [l.targetGuid, l.originGuid]
          : [null, null];
    const target: Target | null =
      !note || !other
        ? null
        : ctx.caseOf(other)
          ? { type: 'case', guid: ctx.caseOf(other) }
          : ctx.codes.has(ctx.codeOf(other))
            ? { type: 'code', guid: ctx.codeOf(other) }
            : ctx.evidence.has(other)
              ? { type: 'evidence', guid: other }
              : null;
    // Every link is also kept whole and exported again (src/domain/refi/originals.ts).
    if (note && target) add(note, target);
  }
  const out: PlanMemo[] = [];
  for (const n of p.notes) {
    const description = n.description?.trim() ?? '';
    const content = n.text.trim() === '' ? '' : n.text;
    const text =
      description && content && description !== content.trim()
        ? `${description}\n\n${content}`
        : content || description;
    if (!text && !n.name) {
      ctx.report.warnings.push(`The note ${n.guid} is empty; it was not imported`);
      continue;
    }
    const list = targets.get(n.guid) ?? [{ type: 'activity' as const, guid: null }];
    list.forEach((t, i) => {
      const title = t.about ? `${n.name ?? 'Memo'} (on “${t.about}”)` : n.name;
      out.push({
        guid: i === 0 ? n.guid : uuidV5(`${n.guid}:${t.type}:${t.guid ?? ''}`),
        noteGuid: n.guid,
        targetType: t.type,
        targetGuid: t.guid,
        title: title ? title.slice(0, 300) : null,
        text,
        createdByLabel: ctx.who(n.creatingUser),
        createdAt: date(n.creationDateTime),
        updatedAt: date(n.modifiedDateTime) ?? date(n.creationDateTime),
      });
    });
  }
  return out;
}
