// The national view as CSV or XLSX: one row per LA as filtered, every text cell neutralised
// against spreadsheet formula injection (domain/exports/table.ts).
import { tableCsv, tableXlsx, type Column } from '../../domain/exports/table.js';
import type { UseCaseContext } from '../context.js';
import { getNationalRiskView, type NationalRiskInput } from './get-national-risk-view.js';
import type { RiskRow } from './risk-rows.js';

const columns: Column<RiskRow>[] = [
  { header: 'LA id', value: (r) => r.la.id },
  { header: 'Local authority', value: (r) => r.la.name },
  { header: 'Ofsted region', value: (r) => r.la.region },
  { header: 'Risk level', value: (r) => r.level?.label ?? 'Not assessed' },
  { header: 'Direction of travel', value: (r) => r.directionLabel },
  { header: 'Assessed on', value: (r) => r.assessedOn },
  { header: 'Next review', value: (r) => r.nextReviewOn },
  { header: 'Review overdue', value: (r) => (r.overdue ? 'Yes' : 'No') },
  { header: 'Latest overall effectiveness', value: (r) => r.latestGrade?.label ?? null },
  { header: 'Latest graded inspection', value: (r) => r.latestGrade?.startDate ?? null },
  { header: 'Last activity', value: (r) => r.lastActivity?.label ?? null },
  { header: 'Last activity date', value: (r) => r.lastActivity?.date ?? null },
  { header: 'Next activity', value: (r) => r.nextActivity?.label ?? null },
  { header: 'Next activity date', value: (r) => r.nextActivity?.date ?? null },
  { header: 'Last self-evaluation', value: (r) => r.lastSelfEvaluation },
  { header: 'Last engagement meeting', value: (r) => r.lastEngagementMeeting },
  { header: 'New intelligence this quarter', value: (r) => r.newIntelligenceThisQuarter },
];

export interface RiskExport {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

export async function exportNationalRisk(
  ctx: UseCaseContext,
  filters: NationalRiskInput,
  format: 'csv' | 'xlsx',
): Promise<RiskExport> {
  const view = await getNationalRiskView(ctx, filters);
  if (format === 'xlsx')
    return {
      fileName: 'risk-levels.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: tableXlsx('Risk levels', columns, view.rows),
    };
  return {
    fileName: 'risk-levels.csv',
    contentType: 'text/csv; charset=utf-8',
    body: tableCsv(columns, view.rows),
  };
}
