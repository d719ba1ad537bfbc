import type { Box, RegistryStore } from '../ports/registry-store';
import { Passes } from './passes';

/** Boxes read in one registry query at most. */
const MAX_BATCH = 512;

interface Pending {
  readonly boxId: string;
  readonly resolve: (box: Box | undefined) => void;
  readonly reject: (err: unknown) => void;
}

/** What the broker's authentication and the uplink key lookup read of a box. */
export type BoxSource = Pick<RegistryStore, 'getBox'>;

/**
 * Single-box reads that arrive together are one registry query (issue 19): every connecting
 * box is authenticated against its registry row, and every uplink's signature is checked with
 * the key in it, so a reconnect storm or a burst of fault reports asked the database once per
 * box — on PostgreSQL a network round trip each. Reads that come while a query runs go in the
 * next one; a lone read waits for nobody. Each read is as fresh as a lone one: it is issued
 * after it was asked for.
 */
export class BoxReads implements BoxSource {
  private readonly passes = new Passes<Pending>(MAX_BATCH, (batch) => this.pass(batch));

  constructor(private readonly registry: Pick<RegistryStore, 'getBoxes'>) {}

  getBox(boxId: string): Promise<Box | undefined> {
    return new Promise((resolve, reject) => this.passes.add({ boxId, resolve, reject }));
  }

  private async pass(batch: Pending[]): Promise<void> {
    const boxes = await this.registry.getBoxes(batch.map((p) => p.boxId));
    for (const p of batch) p.resolve(boxes.get(p.boxId));
  }
}
