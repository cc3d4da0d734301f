import path from 'node:path';
import { z } from 'zod';

/**
 * The only module that reads process.env. Parsed once at start-up so a typo in a variable fails
 * loudly before the server listens, not on the first request that needs it.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  PONTE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Ponte <no-reply@ponte.local>'),
  PONTE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  PONTE_LOAD_DEMO: z.enum(['true', 'false']).default('true'),
  PONTE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PONTE_RATE_LIMIT_AUTH: z.coerce.number().int().min(1).default(10),
  PONTE_CONTACT_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  PONTE_EMBEDDING_URL: z.url().optional(),
  PONTE_EMBEDDING_MODEL: z.string().min(1).optional(),
  PONTE_EMBEDDING_API_KEY: z.string().min(1).optional(),
  PONTE_EMBEDDING_MODEL_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  bodyLimitBytes: number;
  loadDemo: boolean;
  trustProxy: boolean;
  authRateLimitPerMinute: number;
  /** A contact request pending this many days gets one reminder e-mail. */
  contactReminderDays: number;
  /** The optional dense layer (features/matching/embedding-provider.ts); all unset = off. */
  embedding: { url?: string; model?: string; apiKey?: string; modelDir?: string };
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Secure cookies only when the public address is https. */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PONTE_DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxDir: path.join(dataDir, 'outbox'),
    bodyLimitBytes: e.PONTE_BODY_LIMIT_BYTES,
    loadDemo: e.PONTE_LOAD_DEMO === 'true',
    trustProxy: e.PONTE_TRUST_PROXY === 'true',
    authRateLimitPerMinute: e.PONTE_RATE_LIMIT_AUTH,
    contactReminderDays: e.PONTE_CONTACT_REMINDER_DAYS,
    embedding: {
      url: e.PONTE_EMBEDDING_URL,
      model: e.PONTE_EMBEDDING_MODEL,
      apiKey: e.PONTE_EMBEDDING_API_KEY,
      modelDir: e.PONTE_EMBEDDING_MODEL_DIR,
    },
    logLevel: e.LOG_LEVEL,
    secureCookies: publicUrl.startsWith('https://'),
  };
}
