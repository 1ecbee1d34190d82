// Builds the Fastify application: plugins in order, then the route modules.
import { readFileSync } from 'node:fs';
import { trimHeapWhenIdle } from './heap-trim.js';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import type { Database } from '../data/database.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import {
  DEFAULT_ATTACHMENT_SETTINGS,
  type AttachmentSettings,
} from '../domain/files/attachment-check.js';
import { govukDir, projectRoot, publicDir } from '../paths.js';
import { loadSessionSecret } from '../usecases/auth/load-session-secret.js';
import { registerCsrf } from './plugins/csrf.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerInputCheck } from './plugins/input-check.js';
import { registerMustChangePassword } from './plugins/must-change-password.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerSession } from './plugins/session.js';
import { registerUploads, type UploadLimits } from './plugins/uploads.js';
import { registerViews } from './plugins/views.js';
import { routeModules } from './routes/index.js';
import { startAppJobRunner } from './app-jobs.js';
import { systemActor } from '../domain/access/actor.js';
import type { JobRunner } from './job-runner.js';

export interface AppDeps {
  config: Pick<AppConfig, 'sessionSecret' | 'logLevel'> &
    Partial<Pick<AppConfig, 'trustProxy' | 'attachments' | 'jobs'>>;
  database: Database;
  catalog: ActivityTypeCatalog;
  /** Concurrent uploads per person and per process (plugins/uploads.ts has the defaults). */
  uploadLimits?: Partial<UploadLimits>;
  /** Give the main thread's heap back when idle after heavy work (the running server only). */
  trimHeap?: boolean;
}

export interface ServerContext {
  database: Database;
  catalog: ActivityTypeCatalog;
  version: string;
  /** Attachment limits and the virus-scan hook, handed to every use case. */
  attachments: AttachmentSettings;
  /** This server's background job runner (kick it after queueing a job). */
  jobs: Pick<JobRunner, 'kick'>;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    // X-Forwarded-For is believed only from the configured proxies (none by default): otherwise any
    // client could choose the address that login throttling and the audit log see.
    trustProxy: deps.config.trustProxy?.length ? deps.config.trustProxy : false,
    bodyLimit: 5 * 1024 * 1024,
  });
  if (deps.trimHeap) trimHeapWhenIdle(app);
  const secret = await loadSessionSecret(deps.database, deps.config.sessionSecret);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(fastifyStatic, {
    root: path.join(govukDir(), 'govuk', 'assets'),
    prefix: '/assets/',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: publicDir(),
    prefix: '/static/',
    decorateReply: false,
  });
  registerSecurityHeaders(app);
  registerViews(app);
  registerSession(app, { db: deps.database.db, secret });
  registerInputCheck(app);
  registerCsrf(app);
  registerMustChangePassword(app);
  registerUploads(app, { db: deps.database.db }, deps.uploadLimits);
  registerErrorHandling(app);
  const version = (
    JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const jobs = startAppJobRunner(
    { db: deps.database.db, actor: systemActor('job-runner'), catalog: deps.catalog },
    deps.database.engine,
    deps.config.jobs,
    app.log,
  );
  app.addHook('onClose', async () => jobs.stop());
  const ctx: ServerContext = {
    database: deps.database,
    catalog: deps.catalog,
    version,
    jobs,
    attachments: deps.config.attachments ?? DEFAULT_ATTACHMENT_SETTINGS,
  };
  for (const register of routeModules) register(app, { ...ctx, secret });
  return app;
}
