/**
 * A small Prometheus registry: counters with labels, and gauges read at scrape time.
 * (Text exposition format 0.0.4.)
 */
type Labels = Record<string, string>;

function key(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

export class Counter {
  private readonly values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }

  get(labels: Labels = {}): number {
    return this.values.get(key(labels)) ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(k === '' ? `${this.name} ${v}` : `${this.name}{${k}} ${v}`);
    return lines.join('\n');
  }
}

export interface Gauge {
  readonly name: string;
  readonly help: string;
  read(): Promise<Array<{ labels: Labels; value: number }>> | Array<{ labels: Labels; value: number }>;
}

export class Metrics {
  readonly noticesSent = new Counter('stb_notices_sent_total', 'Notices sent, by kind');
  readonly envelopesPublished = new Counter(
    'stb_envelopes_published_total',
    'Signed envelopes published to the broker, by scope',
  );
  readonly receipts = new Counter('stb_receipts_total', 'Receipts received from boxes, by state');
  readonly uplinkRejected = new Counter('stb_uplink_rejected_total', 'Uplink messages dropped, by error code');
  readonly uplinkAccepted = new Counter('stb_uplink_accepted_total', 'Uplink messages accepted, by kind');
  readonly brokerRefused = new Counter(
    'stb_broker_refused_total',
    'Connects, subscribes and publishes the broker refused, by what',
  );
  readonly jobsRun = new Counter('stb_jobs_run_total', 'Scheduled jobs run, by kind and outcome');
  readonly ruleRefusals = new Counter('stb_rule_refusals_total', 'Requests refused by a service rule, by code');
  readonly ticketsIntake = new Counter('stb_ticket_intake_total', 'Fault reports and diagnostics taken in, by outcome');
  readonly incidentsOpened = new Counter(
    'stb_incidents_opened_total',
    'Outage incidents opened by correlation, by zone',
  );
  readonly ticketBreaches = new Counter(
    'stb_ticket_breaches_total',
    'Tickets that passed their deadline unresolved, by kind',
  );
  private readonly gauges: Gauge[] = [];

  addGauge(g: Gauge): void {
    this.gauges.push(g);
  }

  async render(): Promise<string> {
    const counters = [
      this.noticesSent,
      this.envelopesPublished,
      this.receipts,
      this.uplinkRejected,
      this.uplinkAccepted,
      this.brokerRefused,
      this.jobsRun,
      this.ruleRefusals,
      this.ticketsIntake,
      this.incidentsOpened,
      this.ticketBreaches,
    ].map((c) => c.render());
    const gauges: string[] = [];
    for (const g of this.gauges) {
      const lines = [`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`];
      for (const { labels, value } of await g.read()) {
        const k = key(labels);
        lines.push(k === '' ? `${g.name} ${value}` : `${g.name}{${k}} ${value}`);
      }
      gauges.push(lines.join('\n'));
    }
    return `${[...counters, ...gauges].join('\n')}\n`;
  }
}
