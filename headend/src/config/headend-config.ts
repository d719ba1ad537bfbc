/** Everything the headend can be configured with. Defaults in default-config.ts. */
export interface HeadendConfig {
  /** Holds the CA, broker certificate, notice-signing keys and the SQLite file. */
  readonly dataDir: string;
  /** SQLite file path (default <dataDir>/headend.db) or ':memory:'. */
  readonly database: string;
  readonly http: { readonly host: string; readonly port: number };
  /** MQTT over TLS with client certificates (boxes). Port 0 picks a free port. */
  readonly mqtts: { readonly host: string; readonly port: number };
  /**
   * Scale-out: an external MQTT broker instead of the embedded one. url '' = embedded (default);
   * mqtts://host:port = connect with the headend's client certificate; mqtt://host:port = no TLS.
   */
  readonly broker: {
    readonly url: string;
    /** What boxes are told to connect to (provisioning bundles); default: url. */
    readonly boxUrl: string;
    /** Shared-subscription group of all headend instances. */
    readonly group: string;
    /** This instance's name (its MQTT client id is `stb-headend-<instance>`). Default: host name. */
    readonly instance: string;
  };
  /** Host name boxes use to reach this headend (written into provisioning bundles). */
  readonly publicHost: string;
  /** Time zone for dates in notice texts. */
  readonly timeZone: string;
  /** N7: the service hotline shown on notices that ask the subscriber to act. */
  readonly hotline: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly rules: {
    /** N1: fee-due reminders, days before the due date. */
    readonly feeReminderDaysBefore: readonly number[];
    /** N2: hours between the suspension warning and the suspension (≥ 24). */
    readonly suspensionNoticeHours: number;
    /** N3: hours within which service must be back after payment (≤ 24). */
    readonly restoreDeadlineHours: number;
    /** N4: minimum lead time for planned maintenance (≥ 48). */
    readonly maintenanceLeadHours: number;
    /** N4: second reminder this many minutes before the work starts. */
    readonly maintenanceReminderMinutes: number;
    /** How long a notice stays deliverable when the sender gives no expiry. */
    readonly noticeTtlHours: number;
  };
  readonly tickets: {
    /** Outage correlation: this many distinct boxes of one zone reporting signal faults within the window open an incident. */
    readonly correlation: { readonly windowMinutes: number; readonly minBoxes: number };
    /** Estimated restore time of a new incident until an operator sets one. */
    readonly defaultOutageEtaHours: number;
    /** Periodic diagnostics open a ticket when outside these limits. */
    readonly diagnostics: {
      readonly minSignalDbuv: number;
      readonly maxSignalDbuv: number;
      readonly minSnrDb: number;
      readonly minMerDb: number;
      readonly maxDecoderErrors: number;
    };
    /** T4: the survey is open this long; unanswered, the ticket goes to the phone-callback queue. */
    readonly surveyAnswerHours: number;
    /** T4: follow-up done within this many hours of the repair. */
    readonly callbackWithinHours: number;
    /** Z3: owner when a zone has no maintainer. */
    readonly fallbackOwner: string;
    /** T7 working-day calendar. */
    readonly calendar: {
      readonly weekendDays: readonly number[];
      readonly holidays: readonly string[];
      readonly workdays: readonly string[];
    };
  };
}
