// Opens the database, migrates, optionally seeds the demo, and listens.
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import { openDatabase, type Database } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { buildApp } from './app.js';
import { startMailOutbox } from './mail-outbox.js';

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
    const app = await buildApp({ config, database, catalog });
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
