// Configuration comes from the environment only, for the server and every CLI command alike.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  TRIANGULATE_DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SESSION_SECRET: z.string().min(32).optional(),
  // Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated.
  // Empty (the default) trusts no one, so every client is known by its own socket address.
  TRIANGULATE_TRUST_PROXY: z.string().default(''),
  TRIANGULATE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
    .default('info'),
  // E-mail of notifications: either one URL (smtp://user:password@host:587?from=a@b.example,
  // smtps:// for implicit TLS) or host/port/from (+ user/password). Unset: in-app only.
  TRIANGULATE_SMTP_URL: z.string().optional(),
  TRIANGULATE_SMTP_HOST: z.string().optional(),
  TRIANGULATE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TRIANGULATE_SMTP_FROM: z.string().optional(),
  TRIANGULATE_SMTP_USER: z.string().optional(),
  TRIANGULATE_SMTP_PASSWORD: z.string().optional(),
  TRIANGULATE_SMTP_STARTTLS: z.enum(['auto', 'require', 'never']).default('auto'),
  // The address people open Triangulate at, for links in e-mails (default http://HOST:PORT).
  TRIANGULATE_PUBLIC_URL: z.string().url().optional(),
  // Attachments (originals of evidence, documents with factual-accuracy comments): the largest
  // file and the most one activity may hold, in MB; the virus scanner run on each file (its path
  // added as the last argument; exit 0 clean, 1 infected, else refused), and how long it may take.
  TRIANGULATE_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  TRIANGULATE_ATTACHMENT_ACTIVITY_MAX_MB: z.coerce.number().positive().max(1_000_000).default(500),
  TRIANGULATE_SCAN_COMMAND: z.string().trim().optional(),
  TRIANGULATE_SCAN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Background jobs (Annex A imports from the upload page): how long a server's claim on a job
  // lasts without a heartbeat before another server may take it over, and how often an idle
  // runner looks for queued jobs. TRIANGULATE_JOBS=off runs no jobs on this server.
  TRIANGULATE_JOB_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  TRIANGULATE_JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  TRIANGULATE_JOBS: z.enum(['on', 'off']).default('on'),
  // The folder of published reports `serve --demo` imports in the background (issue 20); "off"
  // imports none. Unset: ../shared/reference/corpus beside the project, when it exists.
  TRIANGULATE_CORPUS_DIR: z.string().trim().optional(),
});

export interface AppConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  sessionSecret: string | undefined;
  logLevel: string;
  /** Addresses or CIDR ranges of trusted reverse proxies (empty: trust none). */
  trustProxy: string[];
  /** Where notification e-mails go, or null for in-app notifications only. */
  smtp: SmtpSettings | null;
  /** The base address of links in e-mails. */
  publicUrl: string;
  /** Attachment limits and the virus-scan hook (domain/files/attachment-check.ts's shape). */
  attachments: {
    maxFileBytes: number;
    maxActivityBytes: number;
    scan: { command: string | null; timeoutMs: number };
  };
  /** The background job runner of this server (server/job-runner.ts). */
  jobs: JobsConfig;
  /** TRIANGULATE_CORPUS_DIR: the demo's folder of published reports, "off", or unset. */
  corpusDir: string | undefined;
}

export interface JobsConfig {
  run: boolean;
  leaseMs: number;
  pollMs: number;
}

type Env = z.infer<typeof schema>;

/** Where notification e-mails go (the same shape as data/mail/smtp-client.ts's settings). */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  starttls: 'auto' | 'require' | 'never';
  from: string;
  user?: string;
  password?: string;
  timeoutMs: number;
}

/** The SMTP settings from TRIANGULATE_SMTP_URL or TRIANGULATE_SMTP_HOST/PORT/FROM, or null. */
export function parseSmtp(c: Env): SmtpSettings | null {
  const bad = (why: string) => new Error(`Invalid configuration: TRIANGULATE_SMTP_URL: ${why}`);
  const common = { starttls: c.TRIANGULATE_SMTP_STARTTLS, timeoutMs: 10_000 };
  if (c.TRIANGULATE_SMTP_URL) {
    let u: URL;
    try {
      u = new URL(c.TRIANGULATE_SMTP_URL);
    } catch {
      throw bad('not a URL (smtp://host:port?from=address)');
    }
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw bad('use smtp:// or smtps://');
    const secure = u.protocol === 'smtps:';
    const from = u.searchParams.get('from') ?? c.TRIANGULATE_SMTP_FROM;
    if (!from) throw bad('say who e-mails come from (?from=address or TRIANGULATE_SMTP_FROM)');
    return {
      ...common,
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port ? Number(u.port) : secure ? 465 : 25,
      secure,
      from,
      user: u.username ? decodeURIComponent(u.username) : c.TRIANGULATE_SMTP_USER,
      password: u.password ? decodeURIComponent(u.password) : c.TRIANGULATE_SMTP_PASSWORD,
    };
  }
  if (!c.TRIANGULATE_SMTP_HOST) return null;
  if (!c.TRIANGULATE_SMTP_FROM)
    throw new Error('Invalid configuration: TRIANGULATE_SMTP_FROM: say who e-mails come from');
  const port = c.TRIANGULATE_SMTP_PORT ?? 25;
  return {
    ...common,
    host: c.TRIANGULATE_SMTP_HOST,
    port,
    secure: port === 465,
    from: c.TRIANGULATE_SMTP_FROM,
    user: c.TRIANGULATE_SMTP_USER,
    password: c.TRIANGULATE_SMTP_PASSWORD,
  };
}

/** Parses TRIANGULATE_TRUST_PROXY: "10.0.0.1, 192.168.0.0/16, ::1". */
export function parseTrustProxy(value: string): string[] {
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of items) {
    const [address = '', bits, ...rest] = item.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk || rest.length > 0)
      throw new Error(
        `Invalid configuration: TRIANGULATE_TRUST_PROXY: '${item}' is not an IP address or CIDR range`,
      );
  }
  return items;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.TRIANGULATE_DATA_DIR),
    port: c.PORT,
    host: c.HOST,
    sessionSecret: c.SESSION_SECRET,
    logLevel: c.TRIANGULATE_LOG_LEVEL,
    trustProxy: parseTrustProxy(c.TRIANGULATE_TRUST_PROXY),
    smtp: parseSmtp(c),
    publicUrl: (c.TRIANGULATE_PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/+$/, ''),
    attachments: {
      maxFileBytes: Math.round(c.TRIANGULATE_ATTACHMENT_MAX_MB * 1024 * 1024),
      maxActivityBytes: Math.round(c.TRIANGULATE_ATTACHMENT_ACTIVITY_MAX_MB * 1024 * 1024),
      scan: {
        command: c.TRIANGULATE_SCAN_COMMAND || null,
        timeoutMs: c.TRIANGULATE_SCAN_TIMEOUT_SECONDS * 1000,
      },
    },
    jobs: {
      run: c.TRIANGULATE_JOBS === 'on',
      leaseMs: c.TRIANGULATE_JOB_LEASE_MS,
      pollMs: c.TRIANGULATE_JOB_POLL_MS,
    },
    corpusDir: c.TRIANGULATE_CORPUS_DIR || undefined,
  };
}
