// A file an analysis export produces: its name, type and bytes (served as a download by the API).

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
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
