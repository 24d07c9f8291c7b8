// The one place that reads process.env. Everything else receives a Config.
import path from 'node:path';
import { issuerUrlProblem } from '@pi-studio/core/access/sso';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PISTUDIO_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  PISTUDIO_ADMIN_EMAIL: z.email().optional(),
  // Only the first start uses it, and checks it against the password policy then (bootstrap/admin.ts).
  PISTUDIO_ADMIN_PASSWORD: z.string().optional(),
  PISTUDIO_DEMO: z.enum(['0', '1']).default('1'),
  PISTUDIO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  PISTUDIO_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  PISTUDIO_TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  PISTUDIO_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  PISTUDIO_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 7),
  PISTUDIO_WEB_DIST: z.string().optional(),
  PISTUDIO_READ_CACHE: z.enum(['0', '1']).default('1'),
  PISTUDIO_PUBLIC_URL: z.url().optional(),
  PISTUDIO_OIDC_ISSUER: z.url().optional(),
  PISTUDIO_OIDC_CLIENT_ID: z.string().min(1).optional(),
  PISTUDIO_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  PISTUDIO_OIDC_LABEL: z.string().min(1).max(40).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  loadDemo: boolean;
  logLevel: z.infer<typeof ZEnv>['PISTUDIO_LOG_LEVEL'];
  trustProxy: boolean;
  /** How many trusted proxies append to X-Forwarded-For; the client is the entry this many from the right. */
  trustProxyHops: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  webDist: string;
  /** Serve hot reads (product detail) from memory until a committed change invalidates them. */
  readCache: boolean;
  /** The address people use to reach PI Studio (behind a proxy); SSO builds its redirect URI from it. */
  publicUrl: string | undefined;
  /** Single sign-on provider from the environment; when set it wins over the one saved in the admin UI. */
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; label: string } | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid environment: ${String(issue?.path.join('.'))} ${issue?.message ?? ''}`.trim());
  }
  const e = parsed.data;
  if (Boolean(e.PISTUDIO_OIDC_ISSUER) !== Boolean(e.PISTUDIO_OIDC_CLIENT_ID)) {
    throw new ConfigError('invalid environment: set PISTUDIO_OIDC_ISSUER and PISTUDIO_OIDC_CLIENT_ID together');
  }
  const issuerProblem = e.PISTUDIO_OIDC_ISSUER ? issuerUrlProblem(e.PISTUDIO_OIDC_ISSUER) : null;
  if (issuerProblem) throw new ConfigError(`invalid environment: PISTUDIO_OIDC_ISSUER ${issuerProblem}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.PISTUDIO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminEmail: e.PISTUDIO_ADMIN_EMAIL,
    adminPassword: e.PISTUDIO_ADMIN_PASSWORD,
    loadDemo: e.PISTUDIO_DEMO === '1',
    logLevel: e.PISTUDIO_LOG_LEVEL,
    trustProxy: e.PISTUDIO_TRUST_PROXY === '1',
    trustProxyHops: e.PISTUDIO_TRUST_PROXY_HOPS,
    sessionIdleMs: e.PISTUDIO_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.PISTUDIO_SESSION_MAX_HOURS * 3_600_000,
    readCache: e.PISTUDIO_READ_CACHE === '1',
    publicUrl: e.PISTUDIO_PUBLIC_URL?.replace(/\/+$/, ''),
    oidc:
      e.PISTUDIO_OIDC_ISSUER && e.PISTUDIO_OIDC_CLIENT_ID
        ? {
            issuer: e.PISTUDIO_OIDC_ISSUER,
            clientId: e.PISTUDIO_OIDC_CLIENT_ID,
            clientSecret: e.PISTUDIO_OIDC_CLIENT_SECRET,
            label: e.PISTUDIO_OIDC_LABEL ?? 'single sign-on',
          }
        : undefined,
    webDist: path.resolve(e.PISTUDIO_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
  };
}
