import { describe, expect, it } from 'vitest';
import type { StoresFactory } from './stores-factory';

/** The RegistryStore contract: every adapter runs exactly these tests. */
const creds = (
  uplinkPublicKey: string,
  credentialHash: string,
  certFingerprint: string,
  certSerial: string,
  provisionedAtMs: number,
) => ({
  uplinkPublicKey,
  credentialHash,
  certFingerprint,
  certSerial,
  provisionedAtMs,
});

export function registryStoreContract(name: string, open: StoresFactory): void {
  describe(`RegistryStore contract: ${name}`, () => {
    it('upserts zones, accounts and boxes and reads them back', async () => {
      const s = await open();
      await s.registry.upsertZones([{ id: 'z1', name: '东城', type: 'urban', maintainer: 'wang' }]);
      await s.registry.upsertZones([{ id: 'z1', name: '东城区', type: 'urban', maintainer: 'zhao' }]);
      expect(await s.registry.getZone('z1')).toEqual({ id: 'z1', name: '东城区', type: 'urban', maintainer: 'zhao' });
      // A pass of fault reports reads its zones in one query: those that exist, each once.
      await s.registry.upsertZones([{ id: 'z2', name: '西城', type: 'rural', maintainer: '' }]);
      const zones = await s.registry.getZones(['z2', 'nope', 'z1', 'z2']);
      expect([...zones.keys()].sort()).toEqual(['z1', 'z2']);
      expect(zones.get('z2')).toEqual({ id: 'z2', name: '西城', type: 'rural', maintainer: '' });
      expect((await s.registry.getZones([])).size).toBe(0);
      await s.registry.upsertAccounts([{ id: 'a1', name: '张三' }]);
      await s.registry.setAccountStatus('a1', 'suspended');
      await s.registry.upsertAccounts([{ id: 'a1', name: '张三丰' }]);
      expect(await s.registry.getAccount('a1')).toEqual({ id: 'a1', name: '张三丰', status: 'suspended' });
      await s.registry.upsertBoxes([
        { id: 'b1', accountId: 'a1', zoneId: 'z1', model: 'M1' },
        { id: 'b2', accountId: 'a1', zoneId: 'z2' },
        { id: 'b3', accountId: 'a2', zoneId: 'z1' },
      ]);
      await s.registry.upsertBoxes([{ id: 'b1', accountId: 'a1', zoneId: 'z1' }]);
      expect(await s.registry.getBox('b1')).toMatchObject({
        id: 'b1',
        model: 'M1',
        online: false,
        uplinkPublicKey: '',
      });
      expect(await s.registry.getBox('nope')).toBeUndefined();
      await s.close();
    });

    it('lists with filters and pages, and resolves targets', async () => {
      const s = await open();
      await s.registry.upsertBoxes(
        Array.from({ length: 5 }, (_, i) => ({
          id: `b${i}`,
          accountId: i < 2 ? 'a1' : 'a2',
          zoneId: i % 2 === 0 ? 'z1' : 'z2',
        })),
      );
      const p = await s.registry.listBoxes({ limit: 2, offset: 1 });
      expect(p.total).toBe(5);
      expect(p.items.map((b) => b.id)).toEqual(['b1', 'b2']);
      expect((await s.registry.listBoxes({ limit: 10, offset: 0, zoneId: 'z2' })).items.map((b) => b.id)).toEqual([
        'b1',
        'b3',
      ]);
      expect(await s.registry.boxIdsForAccounts(['a1'])).toEqual([
        { id: 'b0', zoneId: 'z1' },
        { id: 'b1', zoneId: 'z2' },
      ]);
      expect((await s.registry.boxIdsForZones(['z1'])).map((b) => b.id)).toEqual(['b0', 'b2', 'b4']);
      expect(await s.registry.allBoxIds()).toHaveLength(5);
      await s.close();
    });

    it('records credentials, hello and presence', async () => {
      const s = await open();
      await s.registry.upsertBoxes([{ id: 'b1', accountId: 'a1', zoneId: 'z1' }]);
      await s.registry.setBoxCredentials('b1', creds('PK', 'H', 'AA:BB', '0A', 5));
      expect(await s.registry.revokedCertificates()).toEqual([]);
      // Provisioned again: the earlier certificate is revoked in the same write.
      await s.registry.setBoxCredentials('b1', creds('PK', 'H', 'AA:BB', '0A', 5));
      expect(await s.registry.revokedCertificates()).toEqual([]);
      await s.registry.setBoxCredentials('b2-missing', creds('x', 'x', 'x', '0C', 6));
      await s.registry.recordHello('b1', { model: 'HX', firmware: '3.2', appVersion: '1.0', atMs: 10 });
      expect(await s.registry.getBox('b1')).toMatchObject({
        uplinkPublicKey: 'PK',
        credentialHash: 'H',
        certFingerprint: 'AA:BB',
        provisionedAtMs: 5,
        model: 'HX',
        firmware: '3.2',
        appVersion: '1.0',
        lastSeenMs: 10,
        online: true,
      });
      expect(await s.registry.countOnline()).toBe(1);
      await s.registry.setOnline('b1', false, 20);
      expect(await s.registry.countOnline()).toBe(0);
      expect((await s.registry.listBoxes({ limit: 10, offset: 0, online: false })).total).toBe(1);
      await s.registry.setBoxCredentials('b1', creds('PK2', 'H2', 'CC:DD', '0B', 20));
      expect(await s.registry.revokedCertificates()).toEqual([{ serialHex: '0A', boxId: 'b1', revokedAtMs: 20 }]);
      await s.close();
    });
  });
}
