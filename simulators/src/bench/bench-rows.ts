import type { Elsewhere, Row } from './bench-report';
import type { OtherCpu } from './process-cpu';

/** Sends of the windowed personalised step kept in flight at once, on both sides. */
export const WINDOW = 16;

/** What a run measured: wall ms and CPU µs of this process per step, by step name. */
export interface Measured {
  readonly boxes: number;
  readonly ms: ReadonlyMap<string, number>;
  readonly cpuUs: ReadonlyMap<string, number>;
  /** The other processes' CPU per step (process-cpu.ts); empty where not measured. */
  readonly otherCpu?: ReadonlyMap<string, OtherCpu>;
  readonly lost: number;
  /** PostgreSQL and an external broker: the scale-out targets apply. */
  readonly scaleOut?: boolean;
  /** Bytes per connected box (embedded runs only: behind an external broker the headend holds no box connections). */
  readonly perBox?: { readonly stbNotify: number; readonly raw: number };
}

/** The table of a run: each stb-notify step beside its raw-broker step. */
export function benchRows(m: Measured): Row[] {
  const N = m.boxes;
  const ms = (step: string) => m.ms.get(step) ?? 0;
  const rate = (step: string) => (ms(step) > 0 ? Math.round(N / (ms(step) / 1000)) : 0);
  const perOp = (stb: string, raw: string, ops: number) => ({
    stbNotify: Math.round((m.cpuUs.get(stb) ?? 0) / ops),
    raw: Math.round((m.cpuUs.get(raw) ?? 0) / ops),
  });
  const side = (o: OtherCpu, ops: number): Elsewhere => ({
    fleet: Math.round(o.fleetUs / ops),
    ...(o.brokerUs === undefined ? {} : { broker: Math.round(o.brokerUs / ops) }),
    ...(o.databaseUs === undefined ? {} : { database: Math.round(o.databaseUs / ops) }),
    machineBusyPct: Math.round(o.machineBusy * 100),
  });
  /** The other processes' CPU per operation on both sides, where both steps were measured. */
  const elsewhere = (stb: string, raw: string, ops: number) => {
    const a = m.otherCpu?.get(stb);
    const b = m.otherCpu?.get(raw);
    return a === undefined || b === undefined ? {} : { elsewhere: { stbNotify: side(a, ops), raw: side(b, ops) } };
  };
  /** A duration (lower is better): ratio raw / stb-notify. */
  const duration = (stb: string, raw: string, ops: number) => ({
    unit: 'ms',
    stbNotify: Math.round(ms(stb)),
    raw: Math.round(ms(raw)),
    ratio: ms(stb) > 0 ? ms(raw) / ms(stb) : 0,
    cpuUsPerOp: perOp(stb, raw, ops),
    ...elsewhere(stb, raw, ops),
  });
  /** A rate over N operations (higher is better): the same ratio of durations. */
  const throughput = (stb: string, raw: string, unit: string) => ({
    unit,
    stbNotify: rate(stb),
    raw: rate(raw),
    ratio: ms(stb) > 0 ? ms(raw) / ms(stb) : 0,
    cpuUsPerOp: perOp(stb, raw, N),
    ...elsewhere(stb, raw, N),
  });
  const rows: Row[] = [
    {
      name: `broadcast to ${N} boxes, until every displayed receipt is stored`,
      ...duration('broadcast', 'raw-broadcast', N),
      target: '≤ 2× raw (ratio ≥ 0.5)',
      note: `raw: one publish, each client acks`,
    },
    {
      name: 'personalised signed notices, delivery tracked per box',
      ...throughput('personalised', 'raw-unicast', 'notices/s'),
      target: '≥ 0.6× raw unicast',
      note: 'one at a time: each send awaited before the next; raw: one unsigned publish per box topic, acked',
    },
    {
      name: `personalised signed notices, ${WINDOW} sends in flight`,
      ...throughput(`personalised-${WINDOW}`, `raw-unicast-${WINDOW}`, 'notices/s'),
      target: m.scaleOut === true ? '≥ 1,500 notices/s' : '≥ 0.6× raw unicast',
      note: `as an operator's billing system calling the API with ${WINDOW} requests at once; raw: ${WINDOW} publishes in flight`,
    },
    {
      name: 'billing run: a fee reminder (N1) to every account, until every box acknowledged it',
      ...throughput('billing-run', `raw-unicast-${WINDOW}`, 'notices/s'),
      target: '—',
      note: `the scheduler's fee-reminder jobs; raw: the ${WINDOW}-in-flight unicast above, for scale`,
    },
    {
      name: 'fault reports turned into stored tickets',
      ...throughput('intake', 'raw-ingest', 'reports/s'),
      target: m.scaleOut === true ? '≥ 2,000 reports/s' : '≥ 5,000 reports/s',
      note: 'raw: one publish per client to one subscriber',
    },
    {
      name: `reconnect storm of ${N} boxes, 2 pending notices each, until drained`,
      ...duration('storm', 'raw-storm', 2 * N),
      target: `0 lost (lost: ${m.lost})`,
      note: 'both: the same arrivals (50 at a time over 2 s, each on its own, retrying on the box backoff), subscribing only where the broker lost the session',
    },
  ];
  if (m.perBox !== undefined)
    rows.push({
      name: 'memory per connected box in the headend process',
      unit: 'KiB',
      stbNotify: Math.round(m.perBox.stbNotify / 1024),
      raw: Math.round(m.perBox.raw / 1024),
      ratio: m.perBox.raw / m.perBox.stbNotify,
      target: '—',
      note: 'RSS delta / boxes',
    });
  return rows;
}
