// Exporting a matrix (codes or judgement areas by attribute values, methods or direction; or a
// code co-occurrence table) to CSV or XLSX: a header row, one row per row label with its counts,
// and optionally totals.
import { tableCsv, tableXlsx, type Column, type TableCell } from './table.js';

export interface MatrixExport {
  /** Heading of the first column ('Code', 'Judgement area'). */
  rowHeader: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<number | null> }>;
  /** Add a Total column and a Total row. */
  totals?: boolean;
}

type Row = { label: string; cells: TableCell[] };

function layout(m: MatrixExport): { columns: Column<Row>[]; rows: Row[] } {
  const sum = (xs: Array<number | null>) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const rows: Row[] = m.rows.map((r) => ({
    label: r.label,
    cells: m.totals ? [...r.cells, sum(r.cells)] : r.cells,
  }));
  if (m.totals) {
    const totals = m.columns.map((_, i) => sum(m.rows.map((r) => r.cells[i] ?? null)));
    rows.push({ label: 'Total', cells: [...totals, sum(totals)] });
  }
  const headers = m.totals ? [...m.columns, 'Total'] : m.columns;
  return {
    columns: [
      { header: m.rowHeader, value: (r) => r.label },
      ...headers.map((h, i): Column<Row> => ({ header: h, value: (r) => r.cells[i] ?? null })),
    ],
    rows,
  };
}

export function matrixCsv(m: MatrixExport): string {
  const { columns, rows } = layout(m);
  return tableCsv(columns, rows);
}

export function matrixXlsx(m: MatrixExport, sheet = 'Matrix'): Uint8Array {
  const { columns, rows } = layout(m);
  return tableXlsx(sheet, columns, rows);
}
