import { fromBase64 } from '@stb-notify/protocol';
import type { KeyLookup } from '@stb-notify/protocol';
import type { BoxSource } from './box-reads';

/** How long a looked-up key is trusted without asking the registry again. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 100_000;

/**
 * Finds a box's uplink public key ("box:<id>") in the registry, with a small cache. Entries
 * expire after 30 s, so a box provisioned again through another headend instance or the CLI
 * (which cannot reach this process's `invalidate`) stops being accepted with its old key
 * within that time; unknown boxes are not cached at all.
 */
export class BoxKeyLookup implements KeyLookup {
  private readonly cache = new Map<string, { readonly key: Uint8Array; readonly atMs: number }>();
  /** Invalidations so far, and the last one of each box: a read begun before it must not be cached. */
  private invalidations = 0;
  private readonly invalidatedAt = new Map<string, number>();

  constructor(
    private readonly registry: BoxSource,
    /** Wall time, for cache expiry only. */
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  async lookup(keyId: string): Promise<Uint8Array | undefined> {
    if (!keyId.startsWith('box:')) return undefined;
    const boxId = keyId.slice(4);
    const hit = this.cache.get(boxId);
    if (hit !== undefined && this.nowMs() - hit.atMs < TTL_MS) return hit.key;
    const started = this.invalidations;
    const box = await this.registry.getBox(boxId);
    const key = box === undefined || box.uplinkPublicKey === '' ? undefined : fromBase64(box.uplinkPublicKey);
    if (key === undefined) {
      this.cache.delete(boxId);
      return undefined;
    }
    // Re-provisioned while this read was on its way (reads come in passes): answer, but keep nothing.
    if ((this.invalidatedAt.get(boxId) ?? 0) > started) return key;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(boxId, { key, atMs: this.nowMs() });
    return key;
  }

  /** Forget a box's key (after re-provisioning). */
  invalidate(boxId: string): void {
    this.cache.delete(boxId);
    if (this.invalidatedAt.size >= MAX_ENTRIES) this.invalidatedAt.clear();
    this.invalidatedAt.set(boxId, ++this.invalidations);
  }
}
