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
  };
}
