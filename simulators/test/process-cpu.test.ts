import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ProcessCpu } from '../src/bench/process-cpu';

// A child that burns a fixed amount of work, then reports the CPU it used, from its own count.
const BURN = `
  const t0 = process.cpuUsage();
  let x = 0;
  for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003;
  const u = process.cpuUsage(t0);
  process.send({ us: u.user + u.system, x }, () => process.disconnect());
`;

describe("ProcessCpu: the CPU of the bench's other processes during a step (Linux's /proc)", () => {
  it("counts a fleet process's CPU as the process itself counts it", async () => {
    const child = spawn(process.execPath, ['-e', BURN], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await once(child, 'spawn');
    const cpu = new ProcessCpu({ fleet: () => (child.pid === undefined ? [] : [child.pid]), database: false });
    const s = cpu.start();
    const [reported] = (await once(child, 'message')) as [{ us: number }];
    const used = cpu.since(s); // read while the child is still there (it exits after disconnecting)
    child.kill();
    // /proc counts in 10 ms ticks, and the child ran a little before and after its own count.
    expect(used.fleetUs).toBeGreaterThanOrEqual(reported.us - 20_000);
    expect(used.fleetUs).toBeLessThanOrEqual(reported.us + 200_000);
    expect(used.brokerUs).toBeUndefined();
    expect(used.databaseUs).toBeUndefined();
    expect(used.machineBusy).toBeGreaterThan(0);
    expect(used.machineBusy).toBeLessThanOrEqual(1);
  });
});
