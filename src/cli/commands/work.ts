// `triangulate work list` and `triangulate notifications list|read|send`: a person's own queue
// (what waits for them, their in-app notifications) read as that person (--as EMAIL), and the
// e-mail outbox sent once (for a scheduler, or after the mail server came back; the server
// otherwise sends it every few seconds).
import type { Command } from 'commander';
import { formatIsoDate } from '../../domain/reports/text.js';
import { AppError } from '../../errors.js';
import { listMyWork } from '../../usecases/home/list-my-work.js';
import { listMyNotifications } from '../../usecases/notifications/list-my-notifications.js';
import { markMyNotificationsRead } from '../../usecases/notifications/mark-notifications-read.js';
import { sendNotificationEmails } from '../../usecases/notifications/send-notification-emails.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const AS = 'the person whose queue it is (their e-mail address)';

export function registerWorkCommands(program: Command): void {
  program
    .command('work')
    .description('What waits for a person: "your work" on the home page')
    .command('list')
    .description('List what waits for the person, soonest due first')
    .requiredOption('--as <email>', AS)
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { as: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const items = await listMyWork(await actingAs(cli, opts.as));
          output(opts.json, { items }, () =>
            items.length === 0
              ? 'Nothing waits for you.'
              : items
                  .map(
                    (i) =>
                      `${i.due ? `by ${formatIsoDate(i.due)}` : 'no date'}  ${i.text} (${i.activityTitle})  ${i.href}`,
                  )
                  .join('\n'),
          );
        });
      }),
    );

  const notifications = program
    .command('notifications')
    .description('Notifications: a person’s list, marking them read, sending the e-mail outbox');
  notifications
    .command('list')
    .description('List the person’s notifications, newest first (the latest 50)')
    .requiredOption('--as <email>', AS)
    .option('--unread', 'only the unread ones')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { as: string; unread?: boolean; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const list = await listMyNotifications(await actingAs(cli, opts.as), {
            unreadOnly: opts.unread === true,
          });
          output(opts.json, { notifications: list }, () =>
            list.length === 0
              ? 'No notifications.'
              : list
                  .map((n) => `${n.readAt ? '      ' : 'UNREAD'}  ${n.id}  ${n.text}  ${n.link}`)
                  .join('\n'),
          );
        });
      }),
    );
  notifications
    .command('read')
    .description('Mark one of the person’s notifications read (--id), or all of them')
    .requiredOption('--as <email>', AS)
    .option('--id <id>', 'the notification (default: every unread one)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { as: string; id?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const r = await markMyNotificationsRead(
            await actingAs(cli, opts.as),
            opts.id ? { id: opts.id } : {},
          );
          output(opts.json, r, () => `Marked ${r.marked} read.`);
        });
      }),
    );
  notifications
    .command('send')
    .description('Send every notification e-mail that is due (TRIANGULATE_SMTP_URL must be set)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const smtp = ctx.config.smtp;
          if (!smtp)
            throw new AppError('VALIDATION_FAILED', {
              message: 'No mail server is set: set TRIANGULATE_SMTP_URL (see the README).',
            });
          const r = await sendNotificationEmails(ctx, { smtp, publicUrl: ctx.config.publicUrl });
          output(
            opts.json,
            r,
            () => `Sent ${r.sent}; ${r.retrying} to retry later; ${r.failed} given up.`,
          );
        });
      }),
    );
}
