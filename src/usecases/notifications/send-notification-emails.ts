// Sends the e-mail outbox: every notification whose e-mail is due. Each attempt is recorded on the
// notification (sent, or the error and when to try again; after the last retry, failed). Runs
// outside the use cases that made the notifications, so a mail server that is down never blocks
// or breaks them.
import { now } from '../../clock.js';
import { claimDueEmails, recordEmailAttempt } from '../../data/repositories/notifications.js';
import { policies } from '../../domain/access/policies.js';
import {
  nextAttemptAt,
  turnEmail,
  turnKinds,
  type TurnKind,
} from '../../domain/notifications/turns.js';
import { AppError } from '../../errors.js';
import { sendMail, type MailMessage, type SmtpSettings } from '../../data/mail/smtp-client.js';
import type { UseCaseContext } from '../context.js';

/** Hands one message to the mail server; rejects when it is not accepted. */
export type SendMail = (m: MailMessage) => Promise<void>;

export interface SendOutcome {
  sent: number;
  failed: number;
  /** Failed this time, to be retried later. */
  retrying: number;
}

/** A claimed e-mail stays untouched by other senders this long. */
const LEASE_MS = 5 * 60_000;

export async function sendNotificationEmails(
  ctx: UseCaseContext,
  opts: {
    publicUrl: string;
    /** The mail server; or `send`, a transport of the caller's own (tests). */
    smtp?: SmtpSettings;
    send?: SendMail;
    limit?: number;
  },
): Promise<SendOutcome> {
  const smtp = opts.smtp;
  const send: SendMail | undefined = opts.send ?? (smtp ? (m) => sendMail(smtp, m) : undefined);
  if (!send) throw new AppError('VALIDATION_FAILED', { message: 'No mail server is set.' });
  if (!policies.sendNotificationEmails(ctx.actor)) throw new AppError('FORBIDDEN');
  const at = now();
  const due = await claimDueEmails(ctx.db, at, new Date(at.getTime() + LEASE_MS), opts.limit ?? 50);
  const outcome: SendOutcome = { sent: 0, failed: 0, retrying: 0 };
  for (const item of due) {
    const kind = (item.kind in turnKinds ? item.kind : 'activity_notified') as TurnKind;
    const mail = turnEmail(kind, `${opts.publicUrl}${item.link}`);
    try {
      await send({ to: item.email, subject: mail.subject, text: mail.body });
      await recordEmailAttempt(ctx.db, item.id, { ok: true });
      outcome.sent++;
    } catch (err) {
      const retryAt = nextAttemptAt(item.attempts + 1, now());
      const error = err instanceof Error ? err.message : String(err);
      await recordEmailAttempt(ctx.db, item.id, { ok: false, error, retryAt });
      if (retryAt) outcome.retrying++;
      else outcome.failed++;
    }
  }
  return outcome;
}
