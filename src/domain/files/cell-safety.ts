// Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return,
// which some programs skip before looking) may be run as a formula when an exported file is
// opened. Every CSV or XLSX export the project writes passes its text cells through here.

// Also after leading spaces, and in full-width forms (＝ ＋ － ＠), which some programs accept too.
const DANGEROUS_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** Prefixes a dangerous text value with an apostrophe so spreadsheets show it as text. */
export function neutraliseCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, and quoted when it holds a separator, quote or newline. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (RFC 4180, CRLF line ends) from rows of values, every text cell neutralised. */
export function toCsv(
  rows: Iterable<ReadonlyArray<string | number | boolean | null | undefined>>,
): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvField).join(',')}\r\n`;
  return out;
}
