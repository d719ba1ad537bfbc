import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { HeadendError } from '../errors';
import type { HeadendConfig } from './headend-config';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Raw = Record<string, unknown>;

export const CONFIG_DEFAULTS = {
  dataDir: '.data',
  http: { host: '127.0.0.1', port: 8480 },
  // Not 1883/8883: a standard MQTT broker may already run on this machine.
  mqtts: { host: '0.0.0.0', port: 18883 },
  broker: { url: '', boxUrl: '', group: 'stb-headend', instance: '' },
  publicHost: 'localhost',
  timeZone: 'Asia/Shanghai',
  hotline: '96956',
  logLevel: 'info',
  rules: {
    feeReminderDaysBefore: [7, 3, 1],
    suspensionNoticeHours: 24,
    restoreDeadlineHours: 24,
    maintenanceLeadHours: 48,
    maintenanceReminderMinutes: 120,
    noticeTtlHours: 7 * 24,
  },
  tickets: {
    correlation: { windowMinutes: 15, minBoxes: 5 },
    defaultOutageEtaHours: 8,
    diagnostics: { minSignalDbuv: 45, maxSignalDbuv: 80, minSnrDb: 25, minMerDb: 28, maxDecoderErrors: 20 },
    surveyAnswerHours: 48,
    callbackWithinHours: 72,
    fallbackOwner: 'dispatch',
    calendar: { weekendDays: [0, 6], holidays: [], workdays: [] },
  },
} as const;

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
  STB_NOTIFY_TIME_ZONE: 'timeZone',
  STB_NOTIFY_HOTLINE: 'hotline',
  STB_NOTIFY_LOG_LEVEL: 'logLevel',
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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

function num(v: unknown): unknown {
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function validate(c: Raw, errors: string[]): void {
  const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  const port = (v: unknown, key: string): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535)
      errors.push(`${key}: must be an integer 0-65535, got ${JSON.stringify(v)}`);
  };
  const http = c.http as Raw;
  const mqtts = c.mqtts as Raw;
  const rules = c.rules as Raw;
  if (!isStr(c.dataDir)) errors.push('dataDir: must be a non-empty path');
  if (!isStr(http.host)) errors.push('http.host: must be a host name or address');
  port(http.port, 'http.port');
  if (!isStr(mqtts.host)) errors.push('mqtts.host: must be a host name or address');
  port(mqtts.port, 'mqtts.port');
  if (!isStr(c.publicHost)) errors.push('publicHost: must be a host name');
  validateBroker(c.broker as Raw, errors);
  if (!isStr(c.hotline)) errors.push('hotline: must be a phone number (N7)');
  if (!isStr(c.logLevel) || !LOG_LEVELS.includes(c.logLevel)) errors.push(`logLevel: one of ${LOG_LEVELS.join(', ')}`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(c.timeZone) });
  } catch {
    errors.push(`timeZone: ${JSON.stringify(c.timeZone)} is not an IANA time zone`);
  }
  const days = rules.feeReminderDaysBefore;
  if (!Array.isArray(days) || days.length === 0 || !days.every((d) => typeof d === 'number' && d > 0 && d <= 60)) {
    errors.push('rules.feeReminderDaysBefore: a non-empty list of days (1-60), e.g. [7,3,1] (N1)');
  }
  const atLeast = (key: string, min: number, why: string): void => {
    const v = rules[key];
    if (typeof v !== 'number' || !(v >= min)) errors.push(`rules.${key}: must be a number ≥ ${min} (${why})`);
  };
  atLeast('suspensionNoticeHours', 24, 'N2: 24 h notice before suspension');
  atLeast('maintenanceLeadHours', 48, 'N4: 48 h notice before planned work');
  atLeast('maintenanceReminderMinutes', 1, 'N4 reminder');
  atLeast('noticeTtlHours', 1, 'notice expiry');
  validateTickets(c.tickets as Raw, errors);
  const r = rules.restoreDeadlineHours;
  if (typeof r !== 'number' || r <= 0 || r > 24) errors.push('rules.restoreDeadlineHours: must be in (0, 24] (N3)');
}

function validateBroker(b: Raw, errors: string[]): void {
  for (const key of ['url', 'boxUrl'] as const) {
    const v = b[key];
    if (typeof v !== 'string') errors.push(`broker.${key}: must be a string`);
    else if (v !== '' && !/^mqtts?:\/\/[^/:]+(:\d{1,5})?\/?$/.test(v))
      errors.push(`broker.${key}: must be mqtts://host:port or mqtt://host:port, got ${JSON.stringify(v)}`);
  }
  if (b.url === '' && b.boxUrl !== '') errors.push('broker.boxUrl: only with broker.url (external broker)');
  if (typeof b.group !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(b.group))
    errors.push('broker.group: 1-64 of [A-Za-z0-9_-]');
  if (typeof b.instance !== 'string' || !/^[A-Za-z0-9_.-]{0,64}$/.test(b.instance))
    errors.push('broker.instance: 0-64 of [A-Za-z0-9_.-]');
}

function validateTickets(t: Raw, errors: string[]): void {
  const positive = (v: unknown, key: string): void => {
    if (typeof v !== 'number' || !(v > 0)) errors.push(`tickets.${key}: must be a positive number`);
  };
  const corr = (t.correlation ?? {}) as Raw;
  positive(corr.windowMinutes, 'correlation.windowMinutes');
  positive(corr.minBoxes, 'correlation.minBoxes');
  positive(t.defaultOutageEtaHours, 'defaultOutageEtaHours');
  const d = (t.diagnostics ?? {}) as Raw;
  for (const k of ['minSignalDbuv', 'maxSignalDbuv', 'minSnrDb', 'minMerDb', 'maxDecoderErrors'])
    positive(d[k], `diagnostics.${k}`);
  positive(t.surveyAnswerHours, 'surveyAnswerHours');
  if (
    typeof t.callbackWithinHours !== 'number' ||
    t.callbackWithinHours > 72 ||
    t.callbackWithinHours <= Number(t.surveyAnswerHours)
  ) {
    errors.push('tickets.callbackWithinHours: must be ≤ 72 (T4) and more than surveyAnswerHours');
  }
  if (typeof t.fallbackOwner !== 'string' || t.fallbackOwner === '')
    errors.push('tickets.fallbackOwner: required (Z3)');
  const cal = (t.calendar ?? {}) as Raw;
  const dates = (v: unknown): boolean =>
    Array.isArray(v) && v.every((x) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x));
  if (!Array.isArray(cal.weekendDays) || !cal.weekendDays.every((x) => Number.isInteger(x) && x >= 0 && x <= 6)) {
    errors.push('tickets.calendar.weekendDays: list of 0 (Sunday) … 6 (Saturday)');
  }
  if (!dates(cal.holidays) || !dates(cal.workdays))
    errors.push('tickets.calendar.holidays/workdays: lists of YYYY-MM-DD');
}

export interface ConfigSources {
  /** Path of a JSON config file (optional). */
  readonly file?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Dotted keys from command-line flags, e.g. { 'http.port': '9000' }. */
  readonly flags?: Record<string, unknown>;
}

/** Precedence: flags > environment > config file > defaults. Throws CONFIG_INVALID listing every problem. */
export function loadConfig(src: ConfigSources = {}): HeadendConfig {
  let c: Raw = JSON.parse(JSON.stringify(CONFIG_DEFAULTS)) as Raw;
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
    c = merge(c, parsed as Raw);
  }
  const over: Raw = {};
  for (const [env, key] of Object.entries(ENV_KEYS)) {
    const v = src.env?.[env];
    if (v !== undefined && v !== '') setPath(over, key, num(v));
  }
  for (const [key, v] of Object.entries(src.flags ?? {})) if (v !== undefined) setPath(over, key, num(v));
  c = merge(c, over);
  const errors: string[] = [];
  const known = new Set([
    'dataDir',
    'database',
    'http',
    'mqtts',
    'broker',
    'publicHost',
    'timeZone',
    'hotline',
    'logLevel',
    'rules',
    'tickets',
  ]);
  for (const k of Object.keys(c)) if (!known.has(k)) errors.push(`${k}: unknown setting`);
  validate(c, errors);
  if (errors.length > 0)
    throw new HeadendError('CONFIG_INVALID', `invalid configuration:\n  ${errors.join('\n  ')}`, { errors });
  const cfg = c as unknown as Mutable<HeadendConfig>;
  cfg.dataDir = resolve(cfg.dataDir);
  if (typeof c.database !== 'string' || c.database === '') cfg.database = join(cfg.dataDir, 'headend.db');
  if (cfg.broker.instance === '')
    cfg.broker.instance = hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .slice(0, 64);
  if (cfg.broker.boxUrl === '') cfg.broker.boxUrl = cfg.broker.url;
  return cfg;
}
