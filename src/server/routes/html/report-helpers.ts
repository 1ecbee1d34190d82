// Shared by the report pages: a document as groups of blocks for the Nunjucks templates, and
// expected use-case errors as an error summary (message first, then each detail).
import type { FastifyReply } from 'fastify';
import { toBlocks, type Block } from '../../../domain/reports/blocks.js';
import type { ReportDocument } from '../../../domain/reports/types.js';
import type { ErrorCode } from '../../../errors.js';
import { toAppError } from '../../plugins/errors.js';

export type BlockGroup =
  | { kind: 'title' | 'heading'; level: number; text: string }
  | {
      kind: 'numbered' | 'bullets' | 'paragraphs';
      items: { text: string; number: number | null }[];
    }
  | {
      kind: 'table';
      caption: string;
      showCaption: boolean;
      head: { text: string }[];
      rows: { text: string }[][];
    };

/** Consecutive paragraphs of one kind become one list, as the exports print them. */
export function documentGroups(doc: ReportDocument): BlockGroup[] {
  const groups: BlockGroup[] = [];
  for (const b of toBlocks(doc)) {
    if (b.kind === 'title') groups.push({ kind: 'title', level: 1, text: b.text });
    else if (b.kind === 'heading') groups.push({ kind: 'heading', level: b.level, text: b.text });
    else if (b.kind === 'table')
      groups.push({
        kind: 'table',
        caption: b.table.caption,
        showCaption: b.showCaption,
        head: b.table.head.map((text) => ({ text })),
        rows: b.table.rows.map((r) => r.map((text) => ({ text }))),
      });
    else addParagraph(groups, b);
  }
  return groups;
}

function addParagraph(groups: BlockGroup[], b: Extract<Block, { kind: 'paragraph' }>): void {
  const kind = b.number !== null ? 'numbered' : b.bullet ? 'bullets' : 'paragraphs';
  const last = groups.at(-1);
  const item = { text: b.text, number: b.number };
  if (last && last.kind === kind) last.items.push(item);
  else groups.push({ kind, items: [item] });
}

export interface PageErrors {
  errors: { text: string; href?: string }[];
  fieldErrors: Record<string, { text: string }>;
}

/** Expected errors of a form as page locals; anything else is rethrown. */
export function pageErrors(
  err: unknown,
  codes: readonly ErrorCode[],
  reply: FastifyReply,
  anchor: Record<string, string> = {},
): PageErrors {
  const e = toAppError(err);
  if (!codes.includes(e.code)) throw err;
  reply.status(e.status);
  // Only fields the page has get a link; the first is where a message without a field points.
  const first = Object.values(anchor)[0];
  const withHref = (text: string, field?: string) => {
    const target = field ? anchor[field] : first;
    return target ? { text, href: `#${target}` } : { text };
  };
  const errors = [
    ...(e.details.length === 0 || e.code !== 'VALIDATION_FAILED' ? [withHref(e.message)] : []),
    ...e.details.map((d) => withHref(d.reason, d.field)),
  ];
  const fieldErrors: Record<string, { text: string }> = {};
  for (const d of e.details)
    if (d.field && anchor[d.field] && !fieldErrors[d.field])
      fieldErrors[d.field] = { text: d.reason };
  const firstKey = Object.keys(anchor)[0];
  if (e.details.length === 0 && firstKey) fieldErrors[firstKey] = { text: e.message };
  return { errors, fieldErrors };
}
