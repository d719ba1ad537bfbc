import { Type } from 'typebox';
import type { Static, TSchema } from 'typebox';

/**
 * The headend's configuration as one TypeBox schema (issue 20): it types the configuration,
 * supplies every default, and validates every level — `additionalProperties: false`
 * everywhere, so a misspelt key at any depth is refused with its path. `hint` says what a
 * refused value must be, with the rule it protects.
 */
const closed = <P extends Record<string, TSchema>>(properties: P, hint?: string) =>
  Type.Object(properties, { additionalProperties: false, default: {}, ...(hint ? { hint } : {}) });

const host = (dflt: string) => Type.String({ minLength: 1, default: dflt, hint: 'a host name or address' });
const port = (dflt: number) =>
  Type.Integer({ minimum: 0, maximum: 65535, default: dflt, hint: 'an integer 0-65535 (0 = a free port)' });
const positive = (dflt: number, unit: string) =>
  Type.Number({ exclusiveMinimum: 0, default: dflt, hint: `a positive number (${unit})` });
const oneBrokerUrl = 'mqtts?://[^/:,]+(:\\d{1,5})?/?';
/** A NATS cluster's MQTT endpoints: downlink goes to the first that answers. */
const brokerUrls = Type.String({
  pattern: `^$|^${oneBrokerUrl}(,${oneBrokerUrl})*$`,
  default: '',
  hint: 'mqtts://host:port, or a comma-separated list of them for a NATS cluster (empty: the embedded broker)',
});
const isoDates = Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', hint: 'YYYY-MM-DD' }), { default: [] });

export const ConfigSchema = closed({
  /** Holds the CA, broker certificate, notice-signing keys and the SQLite file. */
  dataDir: Type.String({ minLength: 1, default: '.data', hint: 'a non-empty path' }),
  /** SQLite file (default <dataDir>/headend.db), ':memory:', or postgres://… (scale-out). */
  database: Type.String({ default: '' }),
  http: closed({ host: host('127.0.0.1'), port: port(8480) }),
  /** MQTT over TLS with client certificates (boxes). Not 1883/8883: a standard broker may run here. */
  mqtts: closed({ host: host('0.0.0.0'), port: port(18883) }),
  /** Scale-out: an external MQTT broker instead of the embedded one. */
  broker: closed({
    url: brokerUrls,
    /** What boxes are told to connect to (provisioning bundles); default: url. */
    boxUrl: brokerUrls,
    /** Shared-subscription group of all headend instances. */
    group: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'stb-headend', hint: '1-64 of [A-Za-z0-9_-]' }),
    /** This instance's name (its MQTT client id is `stb-headend-<instance>`). Default: host name. */
    instance: Type.String({ pattern: '^[A-Za-z0-9_.-]{0,64}$', default: '', hint: '0-64 of [A-Za-z0-9_.-]' }),
    /**
     * Issue 21: a NATS cluster with JetStream — its NATS endpoints (tls://host:port, comma-separated)
     * carry the uplink stream; `url` lists the same nodes' MQTT endpoints for downlink.
     */
    nats: Type.String({
      pattern: '^$|^tls://[^/:,]+:\\d{1,5}(,tls://[^/:,]+:\\d{1,5})*$',
      default: '',
      hint: 'tls://host:port, comma-separated (empty: an MQTT 5 broker or the embedded one)',
    }),
    /**
     * NATS cluster: the users file its nodes include (DIR/users.conf of `stb-notify broker nats
     * --out DIR`). Set, the headend writes it again after every registry import and provisioning.
     */
    natsUsersFile: Type.String({ default: '', hint: 'a path (empty: the operator regenerates users.conf)' }),
    /** NATS cluster: pid files of the nodes on this machine, told to reload after the users file changes. */
    natsPidFiles: Type.String({ default: '', hint: 'paths, comma-separated' }),
    /** NATS cluster: an uplink message a dead instance held goes to another one after this long. */
    redeliverAfterSeconds: Type.Integer({
      minimum: 1,
      maximum: 3600,
      default: 10,
      hint: 'an integer 1-3600 (seconds)',
    }),
  }),
  /** Host name boxes use to reach this headend (written into provisioning bundles). */
  publicHost: host('localhost'),
  /** Time zone for dates in notice texts (checked as an IANA zone after the schema). */
  timeZone: Type.String({ minLength: 1, default: 'Asia/Shanghai', hint: 'an IANA time zone' }),
  /** N7: the service hotline shown on notices that ask the subscriber to act. */
  hotline: Type.String({ minLength: 1, default: '96956', hint: 'a phone number (N7)' }),
  /** Z4: the supervision phone published with each zone's maintainer (监督电话). */
  supervisionPhone: Type.String({ minLength: 1, default: '12345', hint: 'a phone number (Z4)' }),
  logLevel: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { default: 'info', hint: 'one of fatal, error, warn, info, debug, trace, silent' },
  ),
  rules: closed({
    /** N1: fee-due reminders, days before the due date. */
    feeReminderDaysBefore: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 60 }), {
      minItems: 1,
      default: [7, 3, 1],
      hint: 'a non-empty list of days (1-60), e.g. [7,3,1] (N1)',
    }),
    /** N2: hours between the suspension warning and the suspension. */
    suspensionNoticeHours: Type.Number({
      minimum: 24,
      default: 24,
      hint: 'at least 24 (N2: 24 h notice before suspension)',
    }),
    /** N3: hours within which service must be back after payment. */
    restoreDeadlineHours: Type.Number({
      exclusiveMinimum: 0,
      maximum: 24,
      default: 24,
      hint: 'more than 0 and at most 24 (N3: service back within 24 h of payment)',
    }),
    /** N4: minimum lead time for planned maintenance. */
    maintenanceLeadHours: Type.Number({
      minimum: 48,
      default: 48,
      hint: 'at least 48 (N4: 48 h notice before planned work)',
    }),
    /** N4: second reminder this many minutes before the work starts. */
    maintenanceReminderMinutes: Type.Number({ minimum: 1, default: 120, hint: 'at least 1 (N4 reminder)' }),
    /** How long a notice stays deliverable when the sender gives no expiry. */
    noticeTtlHours: Type.Number({ minimum: 1, default: 7 * 24, hint: 'at least 1 (hours)' }),
  }),
  tickets: closed({
    /** This many distinct boxes of one zone reporting signal faults within the window open an incident. */
    correlation: closed({
      windowMinutes: positive(15, 'minutes'),
      minBoxes: positive(5, 'boxes'),
    }),
    /** Estimated restore time of a new incident until an operator sets one. */
    defaultOutageEtaHours: positive(8, 'hours'),
    /** Periodic diagnostics open a ticket when outside these limits. */
    diagnostics: closed({
      minSignalDbuv: positive(45, 'dBµV'),
      maxSignalDbuv: positive(80, 'dBµV'),
      minSnrDb: positive(25, 'dB'),
      minMerDb: positive(28, 'dB'),
      maxDecoderErrors: positive(20, 'errors'),
    }),
    /** T4: the survey is open this long; unanswered, the ticket goes to the phone-callback queue. */
    surveyAnswerHours: positive(48, 'hours (T4)'),
    /** T4: follow-up done within this many hours of the repair (checked > surveyAnswerHours too). */
    callbackWithinHours: Type.Number({
      exclusiveMinimum: 0,
      maximum: 72,
      default: 72,
      hint: 'more than 0 and at most 72 (T4: follow-up within 72 h)',
    }),
    /** T10: a ticket whose deadline passes within this many hours is on the supervisors' escalation list. */
    escalateBeforeHours: positive(2, 'hours (T10)'),
    /** Z3: owner when a zone has no maintainer. */
    fallbackOwner: Type.String({
      minLength: 1,
      default: 'dispatch',
      hint: 'a staff name (Z3: every ticket has an owner)',
    }),
    /** T7 working-day calendar. */
    calendar: closed({
      weekendDays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
        default: [0, 6],
        hint: 'list of 0 (Sunday) … 6 (Saturday)',
      }),
      holidays: isoDates,
      workdays: isoDates,
    }),
  }),
});

/** Everything the headend can be configured with (defaults in ConfigSchema). */
export type HeadendConfig = Static<typeof ConfigSchema>;
