import type { Headend } from '@stb-notify/headend';

export interface FleetLayout {
  readonly boxes: number;
  readonly zones: number;
  /** Boxes per account (households with a second TV). */
  readonly boxesPerAccount?: number;
}

export function zoneId(i: number): string {
  return `z-${String(i).padStart(3, '0')}`;
}

/**
 * Registers zones, accounts and boxes in the headend and provisions every box for MQTT over
 * WebSocket. Box i lives in zone i mod zones; boxes are grouped into accounts.
 */
export async function provisionFleet(h: Headend, layout: FleetLayout): Promise<unknown[]> {
  return h.provisioning.provisionForWebSocket(await registerFleet(h, layout), 'simulator');
}

/** Registers zones, accounts and boxes (box i in zone i mod zones); returns the box ids. */
export async function registerFleet(h: Headend, layout: FleetLayout): Promise<string[]> {
  const per = layout.boxesPerAccount ?? 2;
  const zones = Array.from({ length: layout.zones }, (_, i) => ({
    id: zoneId(i),
    name: `区域${i + 1}`,
    type: (i % 3 === 2 ? 'township' : 'urban') as 'urban' | 'township',
    maintainer: `maint-${i + 1}`,
  }));
  await h.stores.registry.upsertZones(zones);
  const ids = Array.from({ length: layout.boxes }, (_, i) => `sim-${String(i).padStart(6, '0')}`);
  const accounts = Array.from({ length: Math.ceil(layout.boxes / per) }, (_, i) => ({
    id: `acct-${String(i).padStart(6, '0')}`,
    name: `用户${i}`,
  }));
  await h.stores.registry.upsertAccounts(accounts);
  await h.stores.registry.upsertBoxes(
    ids.map((id, i) => ({
      id,
      accountId: accounts[Math.floor(i / per)]?.id ?? 'acct-0',
      zoneId: zoneId(i % layout.zones),
    })),
  );
  return ids;
}
