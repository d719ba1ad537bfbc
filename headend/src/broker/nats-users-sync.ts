import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { RegistryStore } from '../ports/registry-store';
import { writeConfigFile } from './config-file';
import { withFileLock } from './file-lock';
import { natsUsers } from './nats-config';

export interface NatsUsersSyncOptions {
  readonly registry: RegistryStore;
  /** The cluster's users file (`stb-notify broker nats --out DIR` wrote DIR/users.conf). */
  readonly usersFile: string;
  /** Pid files of the nodes that read it on this machine; each is sent SIGHUP (NATS reloads). */
  readonly pidFiles: readonly string[];
  readonly log: Logger;
}

/** The changes one rewrite covers: everyone who asked is told when it is done. */
interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Keeps a NATS cluster's users — the protocol access rule, one user per box certificate — in
 * step with the registry (issue 21): after a registry import or a provisioning, the users file
 * is written again from the registry and every node reloads it. A box imported now can connect;
 * a certificate replaced by provisioning the box again maps to no user, and NATS closes the
 * connections it no longer authorises on reload.
 *
 * A rewrite reads the whole registry and makes every node reload every user, so rewrites run
 * at most once per `minIntervalMs` (default 1 s): the changes made meanwhile share the next one.
 * Provisioning 30,000 boxes one call at a time makes one rewrite a second, not 30,000.
 */
export class NatsUsersSync {
  private pending: Batch | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<void> | undefined;
  private closed = false;
  private lastRunAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly o: NatsUsersSyncOptions & { readonly minIntervalMs?: number; readonly retryMs?: number },
  ) {}

  /** Resolves once a rewrite that read the registry after this call is written and every node told to reload. */
  changed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.pending === undefined) {
      const batch: Partial<Batch> = {};
      batch.promise = new Promise<void>((resolve, reject) => Object.assign(batch, { resolve, reject }));
      this.pending = batch as Batch;
      this.schedule();
    }
    return this.pending.promise;
  }

  /** Shutting down: waits for the rewrite under way, writes what is pending, and takes no more. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current?.catch(() => undefined);
    this.closed = true;
    await this.run().catch(() => undefined);
  }

  private schedule(): void {
    if (this.closed || this.current !== undefined || this.timer !== undefined) return;
    const wait = Math.max(0, this.lastRunAt + (this.o.minIntervalMs ?? 1000) - performance.now());
    this.timer = setTimeout(() => void this.run().catch(() => undefined), wait);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = undefined;
    if (batch === undefined) return;
    this.current = this.syncOnce();
    try {
      await this.current;
      batch.resolve();
    } catch (err) {
      // Not written: the registry is read and written again after retryMs, until it is (a
      // revocation must not wait for some later change to reach the cluster).
      this.o.log.error({ err }, 'NATS users file not written; trying again');
      batch.reject(err);
      if (!this.closed) setTimeout(() => void this.changed().catch(() => undefined), this.o.retryMs ?? 5000);
    } finally {
      this.current = undefined;
      this.lastRunAt = performance.now();
      if (this.pending !== undefined) this.schedule();
    }
  }

  /**
   * Read, write and reload under a lock on the file: with several instances, one that read the
   * registry before another's change can no longer write after it (and revive a revoked user).
   */
  private syncOnce(): Promise<void> {
    return withFileLock(`${this.o.usersFile}.lock`, () => this.writeAndReload());
  }

  private async writeAndReload(): Promise<void> {
    writeConfigFile(this.o.usersFile, await natsUsers(this.o.registry));
    const failed: string[] = [];
    for (const file of this.o.pidFiles) {
      try {
        process.kill(natsServerPid(file), 'SIGHUP');
      } catch (err) {
        failed.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // A node that is down reads the file when it starts: a failed reload is reported, not retried.
    if (failed.length > 0)
      this.o.log.error({ failed }, 'NATS users file written, but some nodes could not be told to reload');
    else this.o.log.info({ file: this.o.usersFile, nodes: this.o.pidFiles.length }, 'NATS users file written');
  }
}

/** The pid a node's pid file names, if that process is a nats-server (a stale pid file must not get another process killed). */
function natsServerPid(file: string): number {
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no process id in ${file}`);
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    throw new Error(`no process ${pid}`);
  }
  if (!command.startsWith('nats-server')) throw new Error(`process ${pid} is ${command}, not nats-server`);
  return pid;
}
