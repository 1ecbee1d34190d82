// Reading a deprivation index per LA from CSV (IDACI or any index the user has): one row per LA,
// an LA column (GSS code, DfE code or name), a score column and optionally a decile column
// (1 = most deprived). Column names are matched loosely: "LA code", "la_code", "Local authority".
export interface DeprivationRow {
  line: number;
  la: string;
  score: number;
  decile: number | null;
}

export interface DeprivationParse {
  rows: DeprivationRow[];
  problems: string[];
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

function column(headers: string[], candidates: string[]): number {
  const hs = headers.map(norm);
  for (const c of candidates) {
    const i = hs.indexOf(c);
    if (i >= 0) return i;
  }
  return hs.findIndex((h) => candidates.some((c) => h.includes(c)));
}

export function parseDeprivationCsv(text: string): DeprivationParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headers = splitCsvLine(lines[0] ?? '');
  const laCol = column(headers, ['lacode', 'gsscode', 'dfecode', 'localauthority', 'laname', 'la']);
  const scoreCol = column(headers, ['score', 'idaciscore', 'averagescore', 'value', 'index']);
  const decileCol = column(headers, ['decile', 'idacidecile']);
  const problems: string[] = [];
  if (laCol < 0) problems.push('No LA column (LA code, GSS code, DfE code or local authority).');
  if (scoreCol < 0) problems.push('No score column (score, IDACI score, value).');
  if (problems.length) return { rows: [], problems };
  const rows: DeprivationRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = splitCsvLine(raw);
    const la = cells[laCol] ?? '';
    const score = Number(cells[scoreCol]);
    const decileText = decileCol >= 0 ? (cells[decileCol] ?? '') : '';
    const decile = decileText === '' ? null : Number(decileText);
    if (!la || !Number.isFinite(score)) {
      problems.push(`Line ${i + 2}: needs an LA and a numeric score.`);
      return;
    }
    if (decile !== null && !(Number.isInteger(decile) && decile >= 1 && decile <= 10)) {
      problems.push(`Line ${i + 2}: the decile must be a whole number from 1 to 10.`);
      return;
    }
    rows.push({ line: i + 2, la, score, decile });
  });
  return { rows, problems };
}
