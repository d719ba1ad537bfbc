import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { Value } from 'typebox/value';
import { HeadendError } from '../errors';
import { configErrors } from './config-errors';
import { ConfigSchema } from './config-schema';
import type { HeadendConfig } from './config-schema';

type Raw = Record<string, unknown>;

/** Every default, from the schema. */
export const CONFIG_DEFAULTS: HeadendConfig = Value.Default(ConfigSchema, {}) as HeadendConfig;

/** Environment variables and the config key each one sets. */
export const ENV_KEYS: Record<string, string> = {
  STB_NOTIFY_DATA_DIR: 'dataDir',
  STB_NOTIFY_DATABASE: 'database',
  STB_NOTIFY_HTTP_HOST: 'http.host',
  STB_NOTIFY_HTTP_PORT: 'http.port',
  STB_NOTIFY_MQTTS_HOST: 'mqtts.host',
  STB_NOTIFY_MQTTS_PORT: 'mqtts.port',
  STB_NOTIFY_PUBLIC_HOST: 'publicHost',
  STB_NOTIFY_BROKER_URL: 'broker.url',
  STB_NOTIFY_BROKER_BOX_URL: 'broker.boxUrl',
  STB_NOTIFY_INSTANCE: 'broker.instance',
  STB_NOTIFY_BROKER_NATS: 'broker.nats',
  STB_NOTIFY_BROKER_REDELIVER_SECONDS: 'broker.redeliverAfterSeconds',
  STB_NOTIFY_BROKER_NATS_USERS_FILE: 'broker.natsUsersFile',
  STB_NOTIFY_BROKER_NATS_PID_FILES: 'broker.natsPidFiles',
  STB_NOTIFY_TIME_ZONE: 'timeZone',
  STB_NOTIFY_HOTLINE: 'hotline',
  STB_NOTIFY_LOG_LEVEL: 'logLevel',
};

function setPath(target: Raw, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
    o = o[p] as Raw;
  }
  o[parts[parts.length - 1] ?? ''] = value;
}

function merge(base: Raw, over: Raw): Raw {
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = out[k];
    out[k] =
      typeof v === 'object' && v !== null && !Array.isArray(v) && typeof b === 'object' && b !== null
        ? merge(b as Raw, v as Raw)
        : v;
  }
  return out;
}

/** What the schema cannot say: relations between settings and a real time zone. */
function crossChecks(c: HeadendConfig): string[] {
  const errors: string[] = [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: c.timeZone });
  } catch {
    errors.push(`timeZone: ${JSON.stringify(c.timeZone)} is not an IANA time zone`);
  }
  if (c.broker.url === '' && c.broker.boxUrl !== '')
    errors.push('broker.boxUrl: only with broker.url (external broker)');
  if (c.broker.nats !== '' && c.broker.url === '')
    errors.push("broker.nats: needs broker.url, the cluster nodes' MQTT endpoints (issue 21)");
  if (c.broker.nats === '' && (c.broker.natsUsersFile !== '' || c.broker.natsPidFiles !== ''))
    errors.push('broker.natsUsersFile, broker.natsPidFiles: only with broker.nats (a NATS cluster)');
  if (c.broker.natsPidFiles !== '' && c.broker.natsUsersFile === '')
    errors.push('broker.natsPidFiles: needs broker.natsUsersFile, the file the nodes reload');
  if (c.broker.nats === '' && c.broker.url.includes(','))
    errors.push('broker.url: a list of brokers only with broker.nats (a NATS cluster)');
  if (c.tickets.callbackWithinHours <= c.tickets.surveyAnswerHours)
    errors.push('tickets.callbackWithinHours: must be more than surveyAnswerHours (T4)');
  return errors;
}

export interface ConfigSources {
  /** Path of a JSON config file (optional). */
  readonly file?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Dotted keys from command-line flags, e.g. { 'http.port': '9000' }. */
  readonly flags?: Record<string, unknown>;
}

/**
 * Precedence: flags > environment > config file > defaults (from the schema). Every level is
 * closed: an unknown or misspelt key anywhere is refused with its path. Throws CONFIG_INVALID
 * listing every problem.
 */
export function loadConfig(src: ConfigSources = {}): HeadendConfig {
  let c: Raw = {};
  if (src.file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(src.file, 'utf8'));
    } catch (err) {
      throw new HeadendError('CONFIG_INVALID', `config file ${src.file}: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new HeadendError('CONFIG_INVALID', `config file ${src.file}: must hold a JSON object`);
    }
    c = parsed as Raw;
  }
  const over: Raw = {};
  for (const [env, key] of Object.entries(ENV_KEYS)) {
    const v = src.env?.[env];
    if (v !== undefined && v !== '') setPath(over, key, v);
  }
  for (const [key, v] of Object.entries(src.flags ?? {})) if (v !== undefined) setPath(over, key, v);
  // Environment variables and flags are text: each becomes the type its setting has (a port a
  // number, a hotline or an instance name stays text even when it is digits).
  const merged: unknown = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, merge(c, over)));
  const errors = configErrors(ConfigSchema, merged);
  if (errors.length === 0 && Value.Check(ConfigSchema, merged)) errors.push(...crossChecks(merged));
  if (errors.length > 0 || !Value.Check(ConfigSchema, merged))
    throw new HeadendError('CONFIG_INVALID', `invalid configuration:\n  ${errors.join('\n  ')}`, { errors });
  const cfg = merged;
  cfg.dataDir = resolve(cfg.dataDir);
  if (cfg.database === '') cfg.database = join(cfg.dataDir, 'headend.db');
  if (cfg.broker.instance === '')
    cfg.broker.instance = hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .slice(0, 64);
  if (cfg.broker.boxUrl === '') cfg.broker.boxUrl = cfg.broker.url;
  return cfg;
}

/** Query parameters of a PostgreSQL URL that carry secrets. */
const SECRET_PARAMS = ['password', 'sslpassword', 'sslkey'];

/**
 * The effective configuration for `stb-notify config print`: a database URL's password (in
 * the user info or as a query parameter) is masked. A URL that does not parse is masked whole.
 */
export function printableConfig(c: HeadendConfig): HeadendConfig {
  if (!/^postgres(ql)?:\/\//.test(c.database)) return c;
  let url: URL;
  try {
    url = new URL(c.database);
  } catch {
    return { ...c, database: '***' };
  }
  if (url.password !== '') url.password = '***';
  for (const k of SECRET_PARAMS) if (url.searchParams.has(k)) url.searchParams.set(k, '***');
  return { ...c, database: decodeURIComponent(url.toString()) };
}
