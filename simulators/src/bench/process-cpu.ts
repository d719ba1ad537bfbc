import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 per second on every mainstream build). */
const TICKS_PER_SECOND = 100;

/** The processes beside the bench process (headend or raw broker) whose CPU a step accounts for. */
export interface Roles {
  /** The fleet worker processes (simulated boxes, or the baseline's raw clients). */
  readonly fleet: () => readonly number[];
  /** An external broker's process, when the bench started one. */
  readonly broker?: () => number | undefined;
  /** Count every PostgreSQL server process on the machine (the store of a scale-out run). */
  readonly database: boolean;
}

/** CPU time during a step, µs, by process role; and how busy the whole machine was (0–1 of all cores). */
export interface OtherCpu {
  readonly fleetUs: number;
  readonly brokerUs?: number;
  readonly databaseUs?: number;
  readonly machineBusy: number;
}

/** Ticks of each counted process, by role, and the machine's, at a step's start. */
interface Snapshot {
  readonly fleet: Map<number, number>;
  readonly broker: Map<number, number>;
  readonly database: Map<number, number>;
  readonly machine: { busy: number; total: number };
}

/** utime + stime of a process, in ticks; undefined when it is gone (or this is not Linux). */
function ticksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return undefined;
  }
}

function postgresPids(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() === 'postgres') out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** All cores' busy and total ticks since boot (/proc/stat's first line; zeros elsewhere). */
function machineTicks(): { busy: number; total: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? [];
    const total = cpu.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * The CPU that the other processes of a run spent during a step: the simulated boxes, an
 * external broker, the database. The bench's own CPU (process.cpuUsage) is the headend's; with
 * these beside it, a step shows whether the machine was saturated and by whom (issue 19: on two
 * cores the fleet, Mosquitto and PostgreSQL share the CPU with the headend). Read from /proc at
 * the step's start and end; a process that exits during the step is not counted.
 */
export class ProcessCpu {
  constructor(private readonly roles: Roles) {}

  start(): Snapshot {
    const broker = this.roles.broker?.();
    return {
      fleet: ticksBy(this.roles.fleet()),
      broker: ticksBy(broker === undefined ? [] : [broker]),
      database: ticksBy(this.roles.database ? postgresPids() : []),
      machine: machineTicks(),
    };
  }

  since(s: Snapshot): OtherCpu {
    const m = machineTicks();
    const total = m.total - s.machine.total;
    return {
      fleetUs: usSince(s.fleet),
      ...(s.broker.size > 0 ? { brokerUs: usSince(s.broker) } : {}),
      ...(this.roles.database ? { databaseUs: usSince(s.database) } : {}),
      machineBusy: total > 0 ? (m.busy - s.machine.busy) / total : 0,
    };
  }
}

function ticksBy(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const t = ticksOf(pid);
    if (t !== undefined) out.set(pid, t);
  }
  return out;
}

/** CPU µs the processes of a snapshot have used since it was taken (those still running). */
function usSince(before: ReadonlyMap<number, number>): number {
  let ticks = 0;
  for (const [pid, t0] of before) {
    const now = ticksOf(pid);
    if (now !== undefined) ticks += now - t0;
  }
  return Math.round((ticks * 1e6) / TICKS_PER_SECOND);
}
