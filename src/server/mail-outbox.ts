// The e-mail outbox runs beside the server: every few seconds it sends the notifications whose
// e-mail is due. One run at a time; errors are logged and never reach a request.
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.js';
import type { DB } from '../data/schema.js';
import { systemActor } from '../domain/access/actor.js';
import { sendNotificationEmails } from '../usecases/notifications/send-notification-emails.js';

export function startMailOutbox(
  db: Kysely<DB>,
  config: Pick<AppConfig, 'smtp' | 'publicUrl'>,
  log: FastifyBaseLogger,
  everyMs = 15_000,
): () => Promise<void> {
  const smtp = config.smtp;
  if (!smtp) return async () => undefined;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sendNotificationEmails(
      { db, actor: systemActor('mail-outbox') },
      { smtp, publicUrl: config.publicUrl },
    )
      .then((o) => {
        if (o.sent || o.failed || o.retrying) log.info({ outbox: o }, 'notification e-mails');
      })
      .catch((err: unknown) => log.warn({ err }, 'notification e-mails could not be sent'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
