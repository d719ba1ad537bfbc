import { cpus, totalmem } from 'node:os';

/** The machine a benchmark ran on, written next to its figures. */
export function machineInfo(): { cores: number; cpu: string; memoryGiB: number; node: string } {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}
