import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { until } from './test-box';

export const MOSQUITTO = process.env.MOSQUITTO_PATH ?? '/usr/sbin/mosquitto';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export async function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, host);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface RunningMosquitto {
  readonly proc: ChildProcess;
  readonly stderr: () => string;
  /** SIGHUP: Mosquitto reloads its ACL file. */
  reload(): void;
  stop(): Promise<void>;
}

/** Starts the mosquitto binary with a config file and waits until it listens on `port`. */
export async function startMosquitto(confPath: string, port: number): Promise<RunningMosquitto> {
  const proc = spawn(MOSQUITTO, ['-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  await until(
    async () => {
      if (proc.exitCode !== null) throw new Error(`mosquitto exited ${proc.exitCode}: ${err}`);
      return portOpen(port);
    },
    'mosquitto listening',
    10_000,
  );
  return {
    proc,
    stderr: () => err,
    reload: () => proc.kill('SIGHUP'),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
