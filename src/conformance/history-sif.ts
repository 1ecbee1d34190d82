// The SIF era in the imported history: every report of the SIF extract (167, 2013-2018) is an
// event under sif-2013, and Sheffield's 2013-14 inspection (the case in seed 004) is on its page
// with all seven of its judgements.
import { countHistoryEvents } from '../usecases/history/count-history-events.js';
import { getLa } from '../usecases/las/get-la.js';
import type { UseCaseContext } from '../usecases/context.js';

/** Reports in ofsted/sif_judgements_extracted.csv, one row each. */
const SIF_REPORTS = 167;
/** Sheffield's SIF inspection: fieldwork from 19 November 2013, published 21 February 2014. */
const SHEFFIELD = {
  startDate: '2013-11-19',
  grades: {
    overall_effectiveness: 'requires_improvement',
    help_and_protection: 'good',
    children_looked_after: 'requires_improvement',
    adoption: 'requires_improvement',
    care_leavers: 'good',
    leadership: 'good',
    lscb: 'good',
  } as Record<string, string>,
};

export async function checkSifEra(
  ctx: UseCaseContext,
  summary: string[],
  fail: (msg: string) => void,
): Promise<void> {
  const sif = (await countHistoryEvents(ctx, { period: { from: '2013-01-01', to: '2018-12-31' } }))
    .byType?.sif_inspection;
  summary.push(`SIF inspections stored: ${sif ?? 0} (expected ${SIF_REPORTS})`);
  if (sif !== SIF_REPORTS) fail(`expected ${SIF_REPORTS} SIF inspections, found ${sif ?? 0}`);

  const sheffield = await getLa(ctx, { id: 'sheffield' });
  const event = sheffield.history.find((h) => h.startDate === SHEFFIELD.startDate);
  if (!event) {
    fail(`Sheffield: no inspection starting ${SHEFFIELD.startDate}`);
    return;
  }
  summary.push(
    `Sheffield ${event.startDate} (${event.frameworkId}): ${Object.entries(event.grades)
      .map(([k, g]) => `${k} ${g}`)
      .join(', ')}`,
  );
  if (event.frameworkId !== 'sif-2013') fail(`Sheffield 2013-14: framework ${event.frameworkId}`);
  for (const [key, grade] of Object.entries(SHEFFIELD.grades)) {
    const found = (event.grades as Record<string, string | undefined>)[key];
    if (found !== grade)
      fail(`Sheffield 2013-14: ${key} expected ${grade}, found ${found ?? 'none'}`);
  }
}
