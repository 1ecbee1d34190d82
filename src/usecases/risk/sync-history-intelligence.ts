// Makes every event of the inspection history an intelligence entry of its LA (for a database
// whose history was imported before outcomes were entries; the history import and the bundled
// history do it themselves). Idempotent: a second run changes nothing. Who may import the history.
import { writeAudit } from '../../data/audit-log.js';
import { listAllHistory } from '../../data/repositories/inspection-history.js';
import { countOutcomeEntries } from '../../data/repositories/intelligence.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { syncOutcomeEntries } from '../shared/outcome-intelligence.js';

export interface HistorySyncResult {
  events: number;
  /** Outcome entries before and after. */
  before: number;
  after: number;
}

export async function syncHistoryIntelligence(ctx: UseCaseContext): Promise<HistorySyncResult> {
  if (!policies.importHistory(ctx.actor)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await countOutcomeEntries(trx);
    const events = await listAllHistory(trx);
    await syncOutcomeEntries(trx, events);
    const after = await countOutcomeEntries(trx);
    await writeAudit(trx, ctx.actor, {
      action: 'intelligence.outcome_recorded',
      entityType: 'inspection_history',
      entityId: 'all',
      after: { events: events.length, before, after },
    });
    return { events: events.length, before, after };
  });
}
