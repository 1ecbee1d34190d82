// Opens the database, migrates, optionally seeds the demo, and listens.
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import { openDatabase, type Database } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { buildApp } from './app.js';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../data/schema.js';
import { systemActor } from '../domain/access/actor.js';
import { sendNotificationEmails } from '../usecases/notifications/send-notification-emails.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: AppConfig,
  catalog: ActivityTypeCatalog,
  beforeListen?: (database: Database) => Promise<void>,
): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    if (beforeListen) await beforeListen(database);
    const app = await buildApp({ config, database, catalog, trimHeap: true });
    await app.listen({ port: config.port, host: config.host });
    const stopOutbox = startMailOutbox(database.db, config, app.log);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host =
      config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    return {
      app,
      database,
      url: `http://${host}:${port}`,
      close: async () => {
        await stopOutbox();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * The e-mail outbox runs beside the server: every few seconds it sends the notifications whose
 * e-mail is due. One run at a time; errors are logged and never reach a request.
 */
function startMailOutbox(
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
