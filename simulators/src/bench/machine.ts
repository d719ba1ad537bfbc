import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** The machine a benchmark ran on, written next to its figures. */
export function machineInfo(): { cores: number; cpu: string; memoryGiB: number; node: string; somaxconn: number } {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    somaxconn: somaxconn(),
  };
}

/**
 * The kernel's cap on a listener's accept queue (Linux's net.core.somaxconn; 0 where it cannot
 * be read). Below the number of boxes, a reconnect storm overflows it (LISTEN_BACKLOG).
 */
function somaxconn(): number {
  try {
    return Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8').trim()) || 0;
  } catch {
    return 0;
  }
}

/**
 * How often since boot the kernel found a listener's accept queue full (Linux's TcpExt
 * ListenOverflows, every listener on the machine; 0 where /proc/net/netstat is not there). Each
 * overflow drops a SYN or handshake that the client's TCP stack retries 1, 3, 7 … s later.
 */
export function listenOverflows(): number {
  let text: string;
  try {
    text = readFileSync('/proc/net/netstat', 'utf8');
  } catch {
    return 0;
  }
  const lines = text.split('\n').filter((l) => l.startsWith('TcpExt:'));
  const names = lines[0]?.split(/\s+/) ?? [];
  const values = lines[1]?.split(/\s+/) ?? [];
  return Number(values[names.indexOf('ListenOverflows')] ?? 0) || 0;
}
