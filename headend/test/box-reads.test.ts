import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { BoxAuthenticator, hashCredential } from '../src/services/box-authenticator';
import { BoxKeyLookup } from '../src/services/box-key-lookup';
import { BoxReads } from '../src/services/box-reads';
import { useSeededHeadend } from './support/test-headend';

/**
 * Issue 19: a reconnect storm authenticates every box against its registry row and checks
 * every uplink with the key in it. Reads that come together are one registry query, and each
 * caller still gets exactly its own box. Also runs on PostgreSQL (project headend-on-postgres).
 */
describe('box reads that come together', () => {
  const headend = useSeededHeadend();
  const ids = Array.from({ length: 40 }, (_, i) => `rd-${i}`);

  async function seed(): Promise<Map<string, string>> {
    const t = headend();
    const imp = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-rd', name: '东区', type: 'urban', maintainer: 'qian' }],
      boxes: ids.map((id, i) => ({ id, accountId: `acct-rd${i}`, zoneId: 'z-rd' })),
    });
    expect(imp.status).toBe(200);
    const keys = new Map<string, string>();
    for (const id of ids) {
      const key = randomBytes(32).toString('base64');
      keys.set(id, key);
      await t.h.stores.registry.setBoxCredentials(id, {
        uplinkPublicKey: key,
        credentialHash: hashCredential(`secret-${id}`),
        certFingerprint: '',
        certSerial: '',
        provisionedAtMs: t.clock.now(),
      });
    }
    return keys;
  }

  /** The box gets a new uplink key (provisioned again); returns it. */
  async function reprovision(id: string): Promise<string> {
    const t = headend();
    const key = randomBytes(32).toString('base64');
    await t.h.stores.registry.setBoxCredentials(id, {
      uplinkPublicKey: key,
      credentialHash: '',
      certFingerprint: '',
      certSerial: '',
      provisionedAtMs: t.clock.now(),
    });
    return key;
  }

  it("uplink keys of 40 boxes at once: one registry query, each box's own key, none for an unknown box", async () => {
    const keys = await seed();
    const t = headend();
    const many = vi.spyOn(t.h.stores.registry, 'getBoxes');
    const one = vi.spyOn(t.h.stores.registry, 'getBox');
    const keyOf = new BoxKeyLookup(new BoxReads(t.h.stores.registry));
    const got = await Promise.all([...ids, 'rd-nobody'].map((id) => keyOf.lookup(`box:${id}`)));
    for (const [i, id] of ids.entries()) expect(Buffer.from(got[i] ?? []).toString('base64'), id).toBe(keys.get(id));
    expect(got[ids.length]).toBeUndefined();
    expect(many).toHaveBeenCalledTimes(1);
    expect(one).not.toHaveBeenCalled();
  });

  it('a lone read after a burst is its own query and sees the registry as it is now', async () => {
    await seed();
    const t = headend();
    const keyOf = new BoxKeyLookup(new BoxReads(t.h.stores.registry));
    await Promise.all(ids.map((id) => keyOf.lookup(`box:${id}`)));
    // Re-provisioned since: the cache forgets it, and the next read is fresh.
    const fresh = await reprovision('rd-7');
    keyOf.invalidate('rd-7');
    const many = vi.spyOn(t.h.stores.registry, 'getBoxes');
    expect(Buffer.from((await keyOf.lookup('box:rd-7')) ?? []).toString('base64')).toBe(fresh);
    expect(many).toHaveBeenCalledTimes(1);
  });

  it('a box re-provisioned while its key is being read: that read answers, but the next one reads the new key', async () => {
    await seed();
    const t = headend();
    const registry = t.h.stores.registry;
    let open: () => void = () => undefined;
    let read: () => void = () => undefined;
    const gate = new Promise<void>((r) => (open = r));
    const readDone = new Promise<void>((r) => (read = r));
    // The registry answers with the row as it was, then the answer waits at the gate.
    const slow = {
      getBoxes: async (ids: readonly string[]) => {
        const rows = await registry.getBoxes(ids);
        read();
        await gate;
        return rows;
      },
    };
    const keyOf = new BoxKeyLookup(new BoxReads(slow));
    const old = keyOf.lookup('box:rd-7');
    await readDone;
    const fresh = await reprovision('rd-7');
    keyOf.invalidate('rd-7');
    open();
    expect(Buffer.from((await old) ?? []).toString('base64')).not.toBe(fresh);
    expect(Buffer.from((await keyOf.lookup('box:rd-7')) ?? []).toString('base64')).toBe(fresh);
  });

  it('40 boxes connecting at once: one registry query; right credentials admitted, a wrong one and an unknown box refused', async () => {
    await seed();
    const t = headend();
    const many = vi.spyOn(t.h.stores.registry, 'getBoxes');
    const auth = new BoxAuthenticator(new BoxReads(t.h.stores.registry));
    const cred = (s: string) => Buffer.from(s, 'utf8');
    const outcomes = await Promise.all([
      ...ids.map((id) => auth.byCredential(id, cred(`secret-${id}`), id)),
      auth.byCredential('rd-3', cred('secret-rd-4'), 'rd-3'),
      auth.byCredential('rd-nobody', cred('secret-rd-nobody'), 'rd-nobody'),
    ]);
    for (const [i, id] of ids.entries())
      expect(outcomes[i], id).toEqual({ ok: true, identity: { boxId: id, zoneId: 'z-rd' } });
    expect(outcomes[ids.length]).toEqual({ ok: false, reason: 'bad-credential' });
    expect(outcomes[ids.length + 1]).toEqual({ ok: false, reason: 'unknown-box' });
    expect(many).toHaveBeenCalledTimes(1);
  });
});
