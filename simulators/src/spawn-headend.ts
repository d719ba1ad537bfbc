import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../headend/bin/stb-notify.js', import.meta.url));

/**
 * `stb-notify start` in a process of its own (for a crash: SIGKILL it; for memory: read its
 * RSS), resolved once it listens. Its output is counted, not kept.
 */
export async function spawnHeadend(opts: {
  readonly dataDir: string;
  readonly httpPort: number;
  readonly mqttsPort: number;
  readonly logLevel?: string;
  /** Extra environment, e.g. STB_NOTIFY_CRASH_AT (headend/src/services/crash-points.ts). */
  readonly env?: Readonly<Record<string, string>>;
}): Promise<{ readonly child: ChildProcess; readonly outputBytes: () => number }> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'start',
      '--data-dir',
      opts.dataDir,
      '--http-port',
      String(opts.httpPort),
      '--mqtts-port',
      String(opts.mqttsPort),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env, STB_NOTIFY_LOG_LEVEL: opts.logLevel ?? 'warn' },
    },
  );
  let bytes = 0;
  let out = '';
  child.stderr?.on('data', (d: Buffer) => {
    bytes += d.length;
    if (out.length < 10_000) out += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      bytes += d.length;
      if (out.length < 10_000) out += d.toString();
      if (out.includes('Stop with Ctrl-C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`headend exited ${String(code)}: ${out}`)));
  });
  return { child, outputBytes: () => bytes };
}

/**
 * The operator API of a headend at `base` with a bearer token: JSON in, JSON out. Throws on
 * an answer ≥ 300, with its code in the message.
 */
export function operatorApi(
  base: string,
  token: string,
): (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>> {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}
