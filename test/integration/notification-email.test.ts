// Notification e-mails through the SMTP client, against a local SMTP sink on loopback: what is
// sent (a link and a neutral sentence, never the LA, a child or a grade), to whom (never an LA
// user before notification), and what happens when the mail server is down (the use case is not
// blocked; attempts are recorded and retried, then marked failed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock, now } from '../../src/clock.js';
import { countOutbox } from '../../src/data/repositories/notifications.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { RETRY_MINUTES } from '../../src/domain/notifications/turns.js';
import { sendMail, SmtpError, type SmtpSettings } from '../../src/data/mail/smtp-client.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { advanceJudgements } from '../../src/usecases/judgements/advance-judgements.js';
import { sendNotificationEmails } from '../../src/usecases/notifications/send-notification-emails.js';
import { createTestApp, demoEmail, type TestApp } from '../helpers/app.js';
import { demoContexts } from '../helpers/reports.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink;
let c: Awaited<ReturnType<typeof demoContexts>>;
let system: UseCaseContext;
const PUBLIC = 'https://triangulate.test';

const settings = (port: number, extra: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  secure: false,
  starttls: 'never',
  from: 'noreply@triangulate.test',
  timeoutMs: 5000,
  ...extra,
});

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp();
  c = await demoContexts(t.database.db);
  system = { db: t.database.db, actor: systemActor('test') };
}, 120_000);
afterAll(async () => {
  setClock(null);
  await sink?.close();
  await t?.close();
});

describe('the SMTP client', () => {
  it('hands a message to the server: authenticated, dot-stuffed, UTF-8 subject encoded', async () => {
    await sendMail(settings(sink.port, { user: 'mailer', password: 's3cret' }), {
      to: 'someone@example.org',
      subject: 'Triangulate: ça va',
      text: 'First line\n.starts with a dot\nlast',
    });
    const mail = sink.received.at(-1)!;
    expect(mail).toMatchObject({
      from: 'noreply@triangulate.test',
      to: ['someone@example.org'],
      user: 'mailer',
    });
    expect(mail.data).toContain('Subject: =?UTF-8?B?');
    expect(mail.data).toContain('\r\n.starts with a dot\r\n');
    expect(mail.data).toContain('Content-Type: text/plain; charset=utf-8');
  });

  it('refuses header injection and reports a refusal with its code', async () => {
    await expect(
      sendMail(settings(sink.port), { to: 'a@b.org\r\nBcc: x@y.org', subject: 's', text: 't' }),
    ).rejects.toBeInstanceOf(SmtpError);
    sink.rejectRecipientsWith = '550 5.1.1 no such user';
    await expect(
      sendMail(settings(sink.port), { to: 'a@b.org', subject: 's', text: 't' }),
    ).rejects.toMatchObject({ code: 550 });
    sink.rejectRecipientsWith = null;
  });
});

describe('the e-mail outbox', () => {
  it('sends each notification as a link and a neutral sentence', async () => {
    sink.received.length = 0;
    // The demo's other notifications (its published inspections, its panels) are not this
    // test's: count them as sent already.
    await t.database.db
      .updateTable('notifications')
      .set({ email_status: 'sent' })
      .where((eb) =>
        eb.or([eb('activity_id', 'is', null), eb('activity_id', '!=', t.demo.activityId)]),
      )
      .execute();
    const out = await sendNotificationEmails(system, {
      smtp: settings(sink.port),
      publicUrl: PUBLIC,
    });
    // The demo told its LA of the notified inspection and its panel member of her panel.
    expect(out).toEqual({ sent: 2, failed: 0, retrying: 0 });
    const to = sink.received.flatMap((m) => m.to).sort();
    expect(to).toEqual([demoEmail('la'), demoEmail('panel')].sort());
    for (const m of sink.received) {
      expect(m.data).toContain(`${PUBLIC}/activities/${t.demo.activityId}`);
      expect(m.data).not.toMatch(/Northfield|inspection Northfield|demo\)/);
    }
    // Sent once: a second run finds nothing due.
    expect(
      await sendNotificationEmails(system, { send: () => Promise.resolve(), publicUrl: PUBLIC }),
    ).toEqual({ sent: 0, failed: 0, retrying: 0 });
  });

  it('never blocks the use case when the mail server is down; retries, then gives up', async () => {
    const closed = await startSmtpSink();
    const deadPort = closed.port;
    await closed.close();
    // The turn changes and is recorded whatever the mail server does.
    await advanceJudgements(c.lead, {
      activityId: t.demo.activityId,
      toStage: 'consistency_panel',
    });
    const send = (m: Parameters<typeof sendMail>[1]) => sendMail(settings(deadPort), m);
    const first = await sendNotificationEmails(system, { send, publicUrl: PUBLIC });
    expect(first).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const row = await t.database.db
      .selectFrom('notifications')
      .select(['email_status', 'email_attempts', 'email_error'])
      .where('kind', '=', 'judgements_at_panel')
      .where('activity_id', '=', t.demo.activityId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email_status: 'pending', email_attempts: 1 });
    expect(row.email_error).toMatch(/Could not reach the mail server/);
    // Not due again until the first retry delay has passed.
    expect(await sendNotificationEmails(system, { send, publicUrl: PUBLIC })).toEqual({
      sent: 0,
      failed: 0,
      retrying: 0,
    });
    let last = { sent: 0, failed: 0, retrying: 0 };
    for (let i = 0; i < RETRY_MINUTES.length; i++) {
      setClock(new Date(now().getTime() + 6 * 60 * 60_000));
      last = await sendNotificationEmails(system, { send, publicUrl: PUBLIC });
    }
    expect(last).toEqual({ sent: 0, failed: 1, retrying: 0 });
    // The two sent above, the rest of the demo's marked sent, and the one given up on.
    const others = await t.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) =>
        eb.or([eb('activity_id', 'is', null), eb('activity_id', '!=', t.demo.activityId)]),
      )
      .executeTakeFirstOrThrow();
    expect(await countOutbox(t.database.db)).toMatchObject({
      sent: 2 + Number(others.n),
      failed: 1,
      pending: 0,
    });
  });
});
