import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo } from './machine';

/** CPU µs per operation of the processes beside the bench process, and the machine's busy share (%) of all its cores. */
export interface Elsewhere {
  fleet: number;
  broker?: number;
  database?: number;
  machineBusyPct: number;
}

/** One benchmark: stb-notify against the raw broker in the same run. */
export interface Row {
  name: string;
  unit: string;
  stbNotify: number;
  raw: number;
  /** stbNotify relative to raw, oriented so that 1.0 = as good as the raw broker. */
  ratio: number;
  /** CPU µs of this process per operation (see cpuUs): the headend's, and the raw broker's. */
  cpuUsPerOp?: { stbNotify: number; raw: number };
  /** The other processes' CPU µs per operation during each side's step, and how busy the machine was (process-cpu.ts). */
  elsewhere?: { stbNotify: Elsewhere; raw: Elsewhere };
  target: string;
  note: string;
}

/**
 * Writes a run's table to `dir`: benchmarks[-scale-out][-N].{json,md} (the 10,000-box runs are
 * the reference tables; other sizes get their own files), and prints it.
 */
export function writeReport(r: {
  readonly rows: readonly Row[];
  readonly boxes: number;
  readonly workers: number;
  readonly command: string;
  readonly scaleOut: boolean;
  /** The external broker the boxes connect to (scale-out). */
  readonly broker: string | undefined;
  readonly database: 'SQLite' | 'PostgreSQL';
  readonly dir: string;
}): void {
  const { rows, boxes: N, scaleOut } = r;
  const result = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    boxes: N,
    workers: r.workers,
    transport: scaleOut
      ? `MQTT 3.1.1, QoS 1, boxes on ${r.broker ?? 'the embedded broker'}, headend an MQTT 5 client with a shared subscription; store ${r.database}`
      : 'MQTT 3.1.1 over WebSocket, QoS 1, embedded aedes',
    rows,
  };
  mkdirSync(r.dir, { recursive: true });
  const base = `${scaleOut ? 'benchmarks-scale-out' : 'benchmarks'}${N === 10_000 ? '' : `-${N}`}`;
  writeFileSync(join(r.dir, `${base}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    scaleOut ? '# Benchmarks: scale-out mode' : '# Benchmarks',
    '',
    `Measured by \`${r.command}\` on ${result.date.slice(0, 10)}: ${result.machine.cores} cores (${result.machine.cpu}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, accept queue capped at ${result.machine.somaxconn} (net.core.somaxconn).`,
    scaleOut
      ? `Headend in the bench process as an MQTT client of ${r.broker ?? 'the embedded broker'} (shared subscription, up to 1,024 uplink messages or 8 MiB handled at once) with its store on ${r.database}; the simulated boxes connect to that broker. Memory per box is the headend process's, which no longer holds the box connections.`
      : '',
    `${scaleOut ? '' : 'Headend with its embedded aedes broker and SQLite store in the bench process; '}${N} simulated boxes running the real box core (${scaleOut ? 'MQTT.js over TCP' : "the TV's own MQTT transport over WebSocket"}, Ed25519 verify and sign) in ${r.workers} worker process(es). The baseline is plain aedes with raw MQTT.js clients of the same count and payload sizes, measured in the same run. Ratio: 1.0 = as good as raw MQTT.`,
    '',
    '| benchmark | unit | stb-notify | raw broker | ratio | target | CPU µs/op stb-notify | CPU µs/op raw |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (x) =>
        `| ${x.name} | ${x.unit} | ${x.stbNotify} | ${x.raw} | ${x.ratio.toFixed(2)} | ${x.target} | ${x.cpuUsPerOp?.stbNotify ?? '—'} | ${x.cpuUsPerOp?.raw ?? '—'} |`,
    ),
    '',
    'CPU µs/op: user + system CPU of the bench process (headend or raw broker; the simulated boxes run in other processes) during the step, divided by its operations: delivered boxes (broadcast), notices (personalised), reports (intake), resent notices (storm, 2 per box).',
    '',
    ...elsewhereTable(rows, result.machine.cores, scaleOut),
  ].join('\n');
  writeFileSync(join(r.dir, `${base}.md`), md);
  console.log(`\n${md}`);
}

/** Where the machine's CPU went during each step: every process of the run, per operation. */
function elsewhereTable(rows: readonly Row[], cores: number, scaleOut: boolean): string[] {
  const measured = rows.filter((x) => x.elsewhere !== undefined && x.cpuUsPerOp !== undefined);
  if (measured.length === 0) return [];
  const dash = (n: number | undefined) => (n === undefined ? '—' : String(n));
  return [
    '## Where the CPU went',
    '',
    `CPU µs per operation of each process of the run during the step (from /proc), and how busy the machine's ${cores} cores were (100 % = all of them). ${
      scaleOut
        ? 'The broker is the Mosquitto the bench starts; the database is every PostgreSQL process on the machine.'
        : 'The embedded broker and SQLite run inside the headend process.'
    } The raw side's broker is the bench process.`,
    '',
    '| benchmark | headend | simulated boxes | broker | database | machine busy | raw broker | raw clients | machine busy (raw) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...measured.map((x) => {
      const e = x.elsewhere as { stbNotify: Elsewhere; raw: Elsewhere };
      const u = x.cpuUsPerOp as { stbNotify: number; raw: number };
      return `| ${x.name} | ${u.stbNotify} | ${e.stbNotify.fleet} | ${dash(e.stbNotify.broker)} | ${dash(e.stbNotify.database)} | ${e.stbNotify.machineBusyPct} % | ${u.raw} | ${e.raw.fleet} | ${e.raw.machineBusyPct} % |`;
    }),
    '',
  ];
}
