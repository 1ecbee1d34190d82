// What a published report's file name says: the authority (an Ofsted URN before the first "_",
// or its name between "_" and "__") and the date of publication (written "19 november 2021" or
// "2021-11-19" at the end). The folder Ofsted's reports are usually saved in names them
// "80429_birmingham__children's services inspection - 18 april 2023.pdf".
import { MONTH_NAMES } from '../calendar/months.js';

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());

export interface CorpusFileName {
  /** The URN when the name starts with one, else the LA's name. */
  laKeys: string[];
  /** 'YYYY-MM-DD'. */
  date: string;
  /** The name's own title, without the authority and the date. */
  title: string;
}

export type FileNameResult = { ok: true; name: CorpusFileName } | { ok: false; reason: string };

export const CORPUS_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function findDate(stem: string): { date: string; at: number } | null {
  const written = /(\d{1,2})\s+([a-z]+)\s+(\d{4})\s*$/i.exec(stem);
  if (written) {
    const m = MONTHS.indexOf((written[2] ?? '').toLowerCase()) + 1;
    const date = isoDate(Number(written[3]), m, Number(written[1]));
    if (date && m > 0) return { date, at: written.index };
  }
  const iso = /(\d{4})-(\d{2})-(\d{2})\s*$/.exec(stem);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { date, at: iso.index };
  }
  return null;
}

/** Reads the authority and date from a file name (the base name, with its extension). */
export function parseCorpusFileName(fileName: string): FileNameResult {
  const ext = CORPUS_EXTENSIONS.find((e) => fileName.toLowerCase().endsWith(e));
  if (!ext) return { ok: false, reason: 'it is not a .txt, .docx or .pdf file' };
  const stem = fileName.slice(0, -ext.length).trim();
  const found = findDate(stem);
  if (!found)
    return {
      ok: false,
      reason: 'its name does not end with a date ("18 april 2023" or 2023-04-18)',
    };
  const [head = '', ...rest] = stem.split('__');
  const [first = '', ...nameParts] = head.split('_');
  const laKeys: string[] = [];
  if (/^\d{4,}$/.test(first)) laKeys.push(first);
  const name = (/^\d{4,}$/.test(first) ? nameParts.join('_') : head).trim();
  if (rest.length > 0 && name) laKeys.push(name);
  if (laKeys.length === 0)
    return {
      ok: false,
      reason: 'its name does not start with the authority ("80429_birmingham__…")',
    };
  const titleRaw = rest.join('__').slice(0, Math.max(0, found.at - head.length - 2));
  const title = titleRaw
    .replace(/[\s,-]+$/, '')
    .replace(/,\s*pdf$/i, '')
    .trim();
  return { ok: true, name: { laKeys, date: found.date, title: title || 'Published report' } };
}
