import { collectDefaultMetrics, Counter as PromCounter, Gauge as PromGauge, Histogram, Registry } from 'prom-client';

/**
 * The headend's Prometheus metrics, on prom-client (issue 20): the counters it always had,
 * histograms of what operators watch (API latency, uplink handling, fault-report intake,
 * notice publish → displayed on the box), and the process's own metrics (CPU, memory, GC,
 * event-loop lag) from prom-client's default collectors. docs/grafana-dashboard.json is built
 * on these names.
 */
type Labels = Record<string, string>;

/** A prom-client counter that can also be read back synchronously (tests, the bench). */
export class Counter {
  private readonly values = new Map<string, number>();
  private readonly metric: PromCounter<string>;

  constructor(
    registry: Registry,
    name: string,
    help: string,
    private readonly labelNames: readonly string[],
  ) {
    this.metric = new PromCounter({ name, help, labelNames, registers: [registry] });
  }

  /**
   * The labels' values in the declared order. Counters are bumped for every uplink message:
   * this replaced a JSON.stringify of the entries sorted with localeCompare, which cost more
   * than the increment (issue 19).
   */
  private key(labels: Labels): string {
    const names = this.labelNames;
    if (names.length === 1) return labels[names[0] ?? ''] ?? '';
    let k = '';
    for (const n of names) k += `${labels[n] ?? ''}\u0000`;
    return k;
  }

  inc(labels: Labels = {}, by = 1): void {
    this.metric.inc(labels, by);
    const k = this.key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }

  get(labels: Labels = {}): number {
    return this.values.get(this.key(labels)) ?? 0;
  }
}

export interface Gauge {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly string[];
  read(): Promise<Array<{ labels: Labels; value: number }>> | Array<{ labels: Labels; value: number }>;
}

/**
 * The process's own metrics (CPU, memory, GC, event-loop lag), collected once per process:
 * prom-client's collectors start monitors that are never stopped, and several headends in one
 * process (the tests) share one process anyway.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Seconds buckets from 1 ms to 30 s: API calls, handlers, and a notice's way to the screen. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();
  /** Started with the headend, not at the first scrape: CPU is counted from the start. */
  private readonly processRegistry = processMetrics();
  readonly noticesSent = this.counter('stb_notices_sent_total', 'Notices sent, by kind', ['kind']);
  readonly envelopesPublished = this.counter(
    'stb_envelopes_published_total',
    'Signed envelopes published to the broker, by scope',
    ['scope'],
  );
  readonly receipts = this.counter('stb_receipts_total', 'Receipts received from boxes, by state', ['state']);
  readonly uplinkRejected = this.counter('stb_uplink_rejected_total', 'Uplink messages dropped, by error code', [
    'code',
  ]);
  readonly uplinkAccepted = this.counter('stb_uplink_accepted_total', 'Uplink messages accepted, by kind', ['kind']);
  readonly brokerRefused = this.counter(
    'stb_broker_refused_total',
    'Connects, subscribes and publishes the broker refused, by what',
    ['what', 'reason'],
  );
  readonly jobsRun = this.counter('stb_jobs_run_total', 'Scheduled jobs run, by kind and outcome', ['kind', 'outcome']);
  readonly ruleRefusals = this.counter('stb_rule_refusals_total', 'Requests refused by a service rule, by code', [
    'code',
  ]);
  readonly ticketsIntake = this.counter(
    'stb_ticket_intake_total',
    'Fault reports and diagnostics taken in, by outcome',
    ['outcome'],
  );
  readonly incidentsOpened = this.counter(
    'stb_incidents_opened_total',
    'Outage incidents opened by correlation, by zone',
    ['zone'],
  );
  readonly ticketBreaches = this.counter(
    'stb_ticket_breaches_total',
    'Tickets that passed their deadline unresolved, by kind',
    ['kind'],
  );

  readonly apiLatency = new Histogram({
    name: 'stb_api_request_seconds',
    help: 'Operator API requests, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly uplinkHandling = new Histogram({
    name: 'stb_uplink_handling_seconds',
    help: 'Uplink messages from decode to handled, by kind',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly ticketIntakeLatency = new Histogram({
    name: 'stb_ticket_intake_seconds',
    help: "A verified fault report from its handler's start to its ticket stored and answered",
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly noticeDisplayed = new Histogram({
    name: 'stb_notice_display_seconds',
    help: 'A notice from publish to the box saying it is displayed, by kind',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private counter(name: string, help: string, labelNames: readonly string[]): Counter {
    return new Counter(this.registry, name, help, labelNames);
  }

  /** A gauge read at scrape time (queue depths, connected boxes). */
  addGauge(g: Gauge): void {
    new PromGauge({
      name: g.name,
      help: g.help,
      labelNames: g.labelNames ?? [],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await g.read()) this.set(labels, value);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    return `${await this.registry.metrics()}\n${await this.processRegistry.metrics()}`;
  }
}
