import type { KeyValueStorage } from '../core/ports';

/** Storage in memory (simulated boxes; tests). `snapshot`/`restore` stand in for a reboot. */
export class MemoryStorage implements KeyValueStorage {
  constructor(private readonly data = new Map<string, string>()) {}

  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.data.set(key, value);
  }

  remove(key: string): void {
    this.data.delete(key);
  }
}
