import { fromBase64 } from '@stb-notify/protocol';
import type { KeyLookup } from '@stb-notify/protocol';
import type { RegistryStore } from '../ports/registry-store';

/** Finds a box's uplink public key ("box:<id>") in the registry, with a small cache. */
export class BoxKeyLookup implements KeyLookup {
  private readonly cache = new Map<string, Uint8Array | undefined>();

  constructor(private readonly registry: RegistryStore) {}

  async lookup(keyId: string): Promise<Uint8Array | undefined> {
    if (!keyId.startsWith('box:')) return undefined;
    const boxId = keyId.slice(4);
    if (this.cache.has(boxId)) return this.cache.get(boxId);
    const box = await this.registry.getBox(boxId);
    const key = box === undefined || box.uplinkPublicKey === '' ? undefined : fromBase64(box.uplinkPublicKey);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(boxId, key);
    return key;
  }

  /** Forget a box's key (after re-provisioning). */
  invalidate(boxId: string): void {
    this.cache.delete(boxId);
  }
}
