import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import type { NatsNode } from '@stb-notify/headend';
import { until } from '../fleet';

/**
 * `count` distinct free loopback ports: every listener stays open until all are picked (a
 * port closed and asked for again can come back, and two nodes would then clash).
 */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve) => {
          const s = createServer().listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

export const NATS_SERVER = process.env.NATS_SERVER_PATH ?? '/usr/sbin/nats-server';

export function natsServerInstalled(): boolean {
  return existsSync(NATS_SERVER);
}

/** Three nodes on free loopback ports (never the machine's own NATS on 4222). */
export async function clusterNodes(count = 3): Promise<NatsNode[]> {
  const ports = await freePorts(4 * count);
  const port = (i: number): number => ports[i] ?? 0;
  return Array.from({ length: count }, (_, i) => ({
    name: `n${i + 1}`,
    host: '127.0.0.1',
    clientPort: port(4 * i),
    mqttPort: port(4 * i + 1),
    routePort: port(4 * i + 2),
    monitorPort: port(4 * i + 3),
  }));
}

export interface RunningNode {
  readonly node: NatsNode;
  proc: ChildProcess;
  log: string;
}

/**
 * A cluster of nats-server processes started from the files `writeNatsFiles` wrote to `dir`
 * (the cluster tests and `npm run bench -- --broker nats-cluster`).
 */
export class NatsCluster {
  readonly running: RunningNode[] = [];

  constructor(
    readonly dir: string,
    readonly nodes: readonly NatsNode[],
  ) {}

  private spawnNode(node: NatsNode): RunningNode {
    const proc = spawn(NATS_SERVER, ['-c', join(this.dir, `${node.name}.conf`)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const r: RunningNode = { node, proc, log: '' };
    proc.stderr?.on('data', (d: Buffer) => {
      r.log = (r.log + d.toString()).slice(-20_000);
    });
    return r;
  }

  /** Starts every node and waits until each reports JetStream healthy (a meta leader elected). */
  async start(): Promise<void> {
    for (const n of this.nodes) this.running.push(this.spawnNode(n));
    for (const r of this.running) await this.healthy(r);
  }

  async healthy(r: RunningNode, timeoutMs = 30_000): Promise<void> {
    let last = '';
    const ok = await until(
      async () => {
        if (r.proc.exitCode !== null) throw new Error(`nats-server ${r.node.name} exited: ${r.log}`);
        try {
          const res = await fetch(`http://127.0.0.1:${r.node.monitorPort}/healthz`);
          last = `${res.status} ${await res.text()}`;
          return res.ok;
        } catch (err) {
          last = String(err);
          return false;
        }
      },
      timeoutMs,
      50,
    );
    if (!ok) throw new Error(`nats node ${r.node.name} not healthy (last answer: ${last}; log: ${r.log.slice(-2000)})`);
  }

  /** SIGKILL: the node dies with whatever it held in memory. */
  kill(name: string): void {
    const r = this.running.find((x) => x.node.name === name);
    r?.proc.kill('SIGKILL');
  }

  /** Starts a killed node again with the same configuration and store. */
  async restart(name: string): Promise<void> {
    const i = this.running.findIndex((x) => x.node.name === name);
    const old = this.running[i];
    if (old === undefined) throw new Error(`no node ${name}`);
    if (old.proc.exitCode === null && old.proc.signalCode === null) {
      await new Promise<void>((res) => old.proc.once('exit', () => res()));
    }
    const r = this.spawnNode(old.node);
    this.running[i] = r;
    await this.healthy(r);
  }

  /** Every node rereads its configuration (the users file after a registry import). */
  reload(): void {
    for (const r of this.running) if (r.proc.exitCode === null) r.proc.kill('SIGHUP');
  }

  mqttUrl(name: string): string {
    const n = this.nodes.find((x) => x.name === name);
    if (n === undefined) throw new Error(`no node ${name}`);
    return `mqtts://127.0.0.1:${n.mqttPort}`;
  }

  natsServers(): string[] {
    return this.nodes.map((n) => `tls://127.0.0.1:${n.clientPort}`);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.running.map(async (r) => {
        if (r.proc.exitCode !== null || r.proc.signalCode !== null) return;
        const exited = new Promise<void>((res) => r.proc.once('exit', () => res()));
        r.proc.kill('SIGTERM');
        await exited;
      }),
    );
  }
}
