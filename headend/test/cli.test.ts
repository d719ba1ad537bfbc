import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeDir } from './support/test-headend';

const bin = fileURLToPath(new URL('../bin/stb-notify.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// Each call starts a Node process that loads the headend: seconds on a busy machine. The
// tests assert what the command prints and does, never how fast; they get room to run.
describe('the stb-notify command', { timeout: 120_000 }, () => {
  it('has --help on every command', () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['token', 'create', '--help'],
      ['box', 'provision', '--help'],
      ['notice', 'send', '--help'],
      ['keys', 'rotate', '--help'],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.out).toContain('Usage: stb-notify');
    }
  });

  it('runs as compiled JavaScript, without tsx (issue 20)', () => {
    // The bundle the run's global set-up built, started by plain node: no TypeScript loader.
    const compiled = fileURLToPath(new URL('../dist/stb-notify.js', import.meta.url));
    const r = spawnSync(process.execPath, [compiled, 'config', 'print', '--http-port', '9101'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"port": 9101');
    expect(readFileSync(compiled, 'utf8')).not.toContain("from 'tsx");
  });

  it('config print shows the effective configuration with the database password masked', () => {
    const r = run([
      'config',
      'print',
      '--http-port',
      '9100',
      '--database',
      'postgres://stb:s3cret@db.example:5432/stb?schema=h1',
    ]);
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.out.slice(r.out.indexOf('{'), r.out.lastIndexOf('}') + 1)) as {
      http: { port: number };
      database: string;
      rules: { suspensionNoticeHours: number };
    };
    expect(printed.http.port).toBe(9100);
    expect(printed.rules.suspensionNoticeHours).toBe(24);
    expect(printed.database).toBe('postgres://stb:***@db.example:5432/stb?schema=h1');
    expect(r.out).not.toContain('s3cret');
  });

  it('refuses bad configuration with a clear message and exit code 2', () => {
    const r = run(['start', '--http-port', 'eighty']);
    expect(r.status).toBe(2);
    expect(r.out).toContain('http.port: must be an integer 0-65535');
    const role = run(['token', 'create', '--name', 'x', '--role', 'root']);
    expect(role.status).not.toBe(0);
    expect(role.out).toContain('operator, billing, maintainer, supervisor, read-only');
  });

  it('broker nats writes one configuration per node and the users file; a malformed --node is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-cli-nats-'));
    try {
      const out = join(dir, 'nats');
      const nodes = ['n1:127.0.0.1:14222:18883:16222:18222', 'n2:127.0.0.1:24222:28883:26222:28222'];
      const r = run([
        'broker',
        'nats',
        '--data-dir',
        join(dir, 'data'),
        '--out',
        out,
        ...nodes.flatMap((n) => ['--node', n]),
      ]);
      expect(r.status, r.out).toBe(0);
      const n1 = readFileSync(join(out, 'n1.conf'), 'utf8');
      expect(n1).toContain('server_name: "n1"');
      expect(n1).toContain('routes: ["nats-route://127.0.0.1:26222"]');
      expect(n1).toContain('verify_and_map: true');
      expect(n1).toContain('listen: "127.0.0.1:18883"');
      expect(readFileSync(join(out, 'users.conf'), 'utf8')).toContain('"OU=stb-headend,CN=stb-headend"');
      const bad = run(['broker', 'nats', '--data-dir', join(dir, 'data'), '--out', out, '--node', 'n1:127.0.0.1:4222']);
      expect(bad.status).not.toBe(0);
      expect(bad.out).toContain('VALIDATION: --node: name:host:client:mqtt:route:monitor');
    } finally {
      removeDir(dir);
    }
  });

  it('start brings the headend up with a first operator token; a box is provisioned from the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-cli-'));
    const child = spawn(
      process.execPath,
      [bin, 'start', '--data-dir', dir, '--http-port', '0', '--mqtts-port', '0', '--log-level', 'warn'],
      { stdio: 'pipe' },
    );
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          if (buf.includes('Stop with Ctrl-C')) resolve(buf);
        });
        child.on('exit', (code) => reject(new Error(`exited ${String(code)}: ${buf}`)));
      });
      const api = /API \+ OpenAPI:\s+(http:\/\/\S+?)\/api\/v1/.exec(out)?.[1] ?? '';
      const token = readFileSync(join(dir, 'operator-token'), 'utf8').trim();
      const health = await fetch(`${api.replace('localhost', '127.0.0.1')}/healthz`);
      expect(health.status).toBe(200);
      const reg = join(dir, 'reg.json');
      writeFileSync(
        reg,
        JSON.stringify({
          zones: [{ id: 'z1', name: 'z', type: 'urban', maintainer: 'm' }],
          boxes: [{ id: 'b1', accountId: 'a1', zoneId: 'z1' }],
        }),
      );
      const imp = run(['import', reg, '--url', api.replace('localhost', '127.0.0.1'), '--token', token]);
      expect(imp.out).toContain('boxes: 1');
      const prov = run(['box', 'provision', 'b1', '--data-dir', dir, '-o', join(dir, 'b1.json')]);
      expect(prov.status).toBe(0);
      const bundle = JSON.parse(readFileSync(join(dir, 'b1.json'), 'utf8')) as { boxId: string; certPem: string };
      expect(bundle.boxId).toBe('b1');
      expect(bundle.certPem).toContain('BEGIN CERTIFICATE');
      // A token made by the CLI beside the running headend is accepted by its API.
      const made = run(['token', 'create', '--name', 'night-shift', '--role', 'read-only', '--data-dir', dir]);
      expect(made.status, made.out).toBe(0);
      const readOnly = made.out.split('\n')[0] ?? '';
      const res = await fetch(`${api.replace('localhost', '127.0.0.1')}/api/v1/zones`, {
        headers: { authorization: `Bearer ${readOnly}` },
      });
      expect(res.status).toBe(200);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await removeDir(dir);
    }
  });
});
