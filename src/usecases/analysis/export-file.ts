// A file an analysis export produces: its name, type and bytes (served as a download by the API).
// Large exports are streamed: CSV a page of rows at a time; XLSX deflated as its rows arrive.
import { csvField, writeXlsxAsync, type WriteCell } from '../../domain/files/index.js';

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/** An export whose bytes arrive in pieces (never the whole result in memory as rows). */
export interface StreamedFile {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<Uint8Array>;
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** CSV gets a byte-order mark so spreadsheet programs read it as UTF-8. */
export function exportFile(filename: string, content: string | Uint8Array): ExportedFile {
  const isCsv = filename.endsWith('.csv');
  const body = typeof content === 'string' ? new TextEncoder().encode(`\ufeff${content}`) : content;
  return { filename, contentType: isCsv ? TYPES.csv : TYPES.xlsx, body };
}

/** Rows as a CSV (with its byte-order mark) or a one-sheet XLSX, produced while they are read. */
export function streamFile(
  filename: string,
  sheet: string,
  rows: AsyncIterable<WriteCell[]>,
): StreamedFile {
  if (filename.endsWith('.csv')) {
    return {
      filename,
      contentType: TYPES.csv,
      chunks: (async function* () {
        let buf = '\ufeff';
        for await (const row of rows) {
          buf += `${row.map((v) => csvField(typeof v === 'object' ? null : v)).join(',')}\r\n`;
          if (buf.length > 1 << 16) {
            yield Buffer.from(buf, 'utf8');
            buf = '';
          }
        }
        yield Buffer.from(buf, 'utf8');
      })(),
    };
  }
  return {
    filename,
    contentType: TYPES.xlsx,
    chunks: (async function* () {
      // Level 1: less than half the CPU of the default for a file about a third bigger (the
      // sheet XML compresses well either way), which keeps an export of every passage quick.
      yield await writeXlsxAsync(sheet, rows, { level: 1 });
    })(),
  };
}

/** The whole of a streamed export (tests, small files). */
export async function collectFile(f: StreamedFile): Promise<ExportedFile> {
  const parts: Uint8Array[] = [];
  for await (const c of f.chunks) parts.push(c);
  return { filename: f.filename, contentType: f.contentType, body: Buffer.concat(parts) };
}
