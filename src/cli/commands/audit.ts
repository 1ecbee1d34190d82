import type { Command } from 'commander';
import { listAuditEventsForActor } from '../../usecases/audit/list-audit-events.js';
import { verifyAuditLog } from '../../usecases/audit/verify-audit-log.js';
import { action, output, withDatabase } from '../runtime.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The append-only audit log');
  audit
    .command('verify')
    .description('Recompute the hash chain: detects any edited, inserted or deleted event')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await verifyAuditLog(ctx, (n) => {
            if (!opts.json && process.stderr.isTTY) process.stderr.write(`\rChecked ${n} events…`);
          });
          if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
          output(opts.json, r, () =>
            r.ok
              ? `Audit log verified: ${r.eventsChecked} events, chain intact (head ${r.lastHash.slice(0, 16)}…).`
              : `Audit log FAILED verification at event ${r.problem?.seq} (${r.problem?.id}): ${r.problem?.reason}. ${r.eventsChecked} events before it are intact.`,
          );
          if (!r.ok) process.exitCode = 3;
        });
      }),
    );
  audit
    .command('list')
    .description('Show recent audit events')
    .option('--activity <id>')
    .option('--action <action>')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: { activity?: string; action?: string; limit: string; json?: boolean }) => {
          await withDatabase(async (ctx) => {
            const events = await listAuditEventsForActor(ctx, {
              ...(opts.activity ? { activityId: opts.activity } : {}),
              ...(opts.action ? { action: opts.action } : {}),
              limit: Number(opts.limit),
            });
            output(
              opts.json,
              events,
              () =>
                events
                  .map(
                    (e) =>
                      `${e.seq}\t${e.occurredAt.toISOString()}\t${e.actorLabel}\t${e.action}\t${e.entityType}:${e.entityId}`,
                  )
                  .join('\n') || 'No events.',
            );
          });
        },
      ),
    );
}
