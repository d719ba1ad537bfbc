import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Downlink,
  EnvelopeHeader,
  KeyRing,
  openDownlink,
  openUplink,
  ProtocolErrorCode,
  sealDownlink,
  sealEnvelope,
  sealUplink,
  SignedEnvelope,
  signingInput,
} from '../src/index';
import type { DownlinkProps, SealFields } from '../src/index';
import { createNodeSigner, createNodeVerifier } from '../src/node/index';
import { boxKeys, boxSigner, HOUR, noticeSigner, VECTOR_TIME, testSeed, uplinkKeys } from './fixtures';
import { downlinks, uplinks } from './messages.fixture';

const verifier = createNodeVerifier();
const self = { boxId: 'box-1', zoneId: 'z-east' };
const opts = { keys: boxKeys, verifier, nowMs: VECTOR_TIME };
const fields: SealFields = {
  messageId: 'm-1',
  sender: { kind: 'headend', id: '' },
  recipient: { kind: 'box', id: 'box-1' },
  issuedAtMs: VECTOR_TIME,
  expiresAtMs: VECTOR_TIME + HOUR,
};
const feeDue = downlinks.feeDue as DownlinkProps;

async function good(): Promise<Uint8Array> {
  return sealDownlink(fields, feeDue, noticeSigner);
}

describe('guarded decode refuses bad downlink with a stable code', () => {
  it('accepts the untouched message', async () => {
    expect((await openDownlink(await good(), self, opts)).ok).toBe(true);
  });

  it('tampered payload byte → BAD_SIGNATURE', async () => {
    const env = SignedEnvelope.decode(await good());
    env.payload[env.payload.length - 1] = (env.payload[env.payload.length - 1] ?? 0) ^ 1;
    const r = await openDownlink(SignedEnvelope.encode(env).finish(), self, opts);
    expect(r).toMatchObject({ ok: false, code: ProtocolErrorCode.BAD_SIGNATURE });
  });

  it('tampered header (later expiry) → BAD_SIGNATURE', async () => {
    const env = SignedEnvelope.decode(await good());
    const h = EnvelopeHeader.decode(env.header);
    h.expiresAtMs = VECTOR_TIME + 1000 * HOUR;
    env.header = EnvelopeHeader.encode(h).finish();
    const r = await openDownlink(SignedEnvelope.encode(env).finish(), self, opts);
    expect(r).toMatchObject({ ok: false, code: ProtocolErrorCode.BAD_SIGNATURE });
  });

  it('signature by a key the box does not trust → UNKNOWN_KEY, even when the key id is reused → BAD_SIGNATURE', async () => {
    const stranger = createNodeSigner('n-stranger', testSeed('stranger'));
    const r1 = await openDownlink(await sealDownlink(fields, feeDue, stranger), self, opts);
    expect(r1).toMatchObject({ ok: false, code: ProtocolErrorCode.UNKNOWN_KEY });
    const impostor = createNodeSigner(noticeSigner.keyId, testSeed('stranger'));
    const r2 = await openDownlink(await sealDownlink(fields, feeDue, impostor), self, opts);
    expect(r2).toMatchObject({ ok: false, code: ProtocolErrorCode.BAD_SIGNATURE });
  });

  it('no signature → UNSIGNED', async () => {
    const env = SignedEnvelope.decode(await good());
    env.signature = new Uint8Array();
    const r = await openDownlink(SignedEnvelope.encode(env).finish(), self, opts);
    expect(r).toMatchObject({ ok: false, code: ProtocolErrorCode.UNSIGNED });
  });

  it('expired → EXPIRED; issued far in the future → NOT_YET_VALID', async () => {
    const bytes = await good();
    expect(await openDownlink(bytes, self, { ...opts, nowMs: VECTOR_TIME + HOUR })).toMatchObject({
      code: ProtocolErrorCode.EXPIRED,
    });
    expect(await openDownlink(bytes, self, { ...opts, nowMs: VECTOR_TIME - HOUR })).toMatchObject({
      code: ProtocolErrorCode.NOT_YET_VALID,
    });
  });

  it('a retired notice key is no longer trusted after its not-after time', async () => {
    const ring = new KeyRing([
      { keyId: noticeSigner.keyId, publicKey: noticeSigner.publicKey, notAfterMs: VECTOR_TIME + 1 },
    ]);
    const bytes = await sealDownlink({ ...fields, expiresAtMs: 0 }, feeDue, noticeSigner);
    expect((await openDownlink(bytes, self, { ...opts, keys: ring })).ok).toBe(true);
    expect(await openDownlink(bytes, self, { ...opts, keys: ring, nowMs: VECTOR_TIME + 2 })).toMatchObject({
      code: ProtocolErrorCode.UNKNOWN_KEY,
    });
  });

  it('a signed time no clock can mean (2^63, negative, 1e300) is refused, never thrown', async () => {
    // Signed by the notice key, so only the time checks stand between these and the box.
    const signRaw = async (header: Partial<EnvelopeHeader>, body: DownlinkProps): Promise<Uint8Array> => {
      const h = EnvelopeHeader.encode({
        schemaVersion: 1,
        messageId: 'm-1',
        sender: { kind: 1, id: '' },
        recipient: { kind: 2, id: 'box-1' },
        issuedAtMs: VECTOR_TIME,
        expiresAtMs: VECTOR_TIME + HOUR,
        keyId: noticeSigner.keyId,
        ...header,
      }).finish();
      const payload = Downlink.encode(body).finish();
      return SignedEnvelope.encode({
        header: h,
        payload,
        signature: await noticeSigner.sign(signingInput(h, payload)),
      }).finish();
    };
    for (const bad of [2 ** 63, -(2 ** 63), -1, 1e300, Number.MAX_SAFE_INTEGER]) {
      // The headend's side never signs such a time (1e300 would go out as 0, "never expires").
      await expect(sealDownlink({ ...fields, expiresAtMs: bad }, feeDue, noticeSigner)).rejects.toThrow('not a time');
    }
    // What int64 can carry on the wire, signed anyway (a leaked key, a buggy sender).
    for (const bad of [2 ** 63, -(2 ** 63), -1, Number.MAX_SAFE_INTEGER]) {
      const expires = await openDownlink(await signRaw({ expiresAtMs: bad }, feeDue), self, opts);
      expect(expires.ok, `expiresAtMs ${bad}`).toBe(false);
      const issued = await openDownlink(await signRaw({ issuedAtMs: bad }, feeDue), self, opts);
      expect(issued.ok, `issuedAtMs ${bad}`).toBe(false);
      const body = { notice: { ...feeDue.notice, feeDue: { ...feeDue.notice?.feeDue, dueAtMs: bad } } };
      const r = await openDownlink(await signRaw({}, body as DownlinkProps), self, opts);
      expect(r.ok, `feeDue.dueAtMs ${bad}`).toBe(false);
      await expect(sealDownlink(fields, body as DownlinkProps, noticeSigner)).rejects.toThrow('not a time');
    }
  });

  it('oversize → OVERSIZE before any decoding', async () => {
    const r = await openDownlink(new Uint8Array(70_000), self, opts);
    expect(r).toMatchObject({ ok: false, code: ProtocolErrorCode.OVERSIZE });
  });

  it('every truncation of a valid message is refused, never thrown', async () => {
    const bytes = await good();
    for (let n = 0; n < bytes.length; n++) {
      const r = await openDownlink(bytes.subarray(0, n), self, opts);
      expect(r.ok).toBe(false);
    }
  });

  it('a message for another box, or sent by a box, is MISDIRECTED', async () => {
    const other = await sealDownlink({ ...fields, recipient: { kind: 'box', id: 'box-2' } }, feeDue, noticeSigner);
    expect(await openDownlink(other, self, opts)).toMatchObject({ code: ProtocolErrorCode.MISDIRECTED });
    const otherZone = await sealDownlink(
      { ...fields, recipient: { kind: 'zone', id: 'z-west' } },
      feeDue,
      noticeSigner,
    );
    expect(await openDownlink(otherZone, self, opts)).toMatchObject({ code: ProtocolErrorCode.MISDIRECTED });
    const ownZone = await sealDownlink({ ...fields, recipient: { kind: 'zone', id: 'z-east' } }, feeDue, noticeSigner);
    expect((await openDownlink(ownZone, self, opts)).ok).toBe(true);
  });

  it('a signed but malformed notice is SCHEMA (kind without its detail, no hotline on an action notice)', async () => {
    const noDetail = { notice: { ...feeDue.notice, feeDue: null } };
    expect(await openDownlink(await sealDownlink(fields, noDetail, noticeSigner), self, opts)).toMatchObject({
      code: ProtocolErrorCode.SCHEMA,
    });
    const noHotline = { notice: { ...feeDue.notice, hotline: '' } };
    const r = await openDownlink(await sealDownlink(fields, noHotline, noticeSigner), self, opts);
    expect(r).toMatchObject({ code: ProtocolErrorCode.SCHEMA, reason: expect.stringContaining('N7') });
  });

  it('a signed envelope whose payload is not a Downlink is DECODE', async () => {
    const r = await openDownlink(
      await sealEnvelope(fields, new Uint8Array([0xff, 0xff, 0xff]), noticeSigner),
      self,
      opts,
    );
    expect(r).toMatchObject({ ok: false, code: ProtocolErrorCode.DECODE });
  });

  it('5,000 random inputs are all refused without an exception', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const len = i % 7 === 0 ? 0 : (i * 37) % 600;
      const r = await openDownlink(new Uint8Array(randomBytes(len)), self, opts);
      expect(r.ok).toBe(false);
      if (!r.ok) seen.add(r.code);
    }
    for (const code of seen) expect(Object.values(ProtocolErrorCode)).toContain(code);
  });

  it('random bit flips of a valid message are refused, never accepted', async () => {
    const bytes = await good();
    for (let i = 0; i < 2000; i++) {
      const copy = new Uint8Array(bytes);
      const at = (i * 7919) % copy.length;
      copy[at] = (copy[at] ?? 0) ^ (1 << (i % 8));
      const r = await openDownlink(copy, self, opts);
      expect(r.ok).toBe(false);
    }
  });
});

describe('guarded decode refuses bad uplink', () => {
  const up = uplinks.fault as (typeof uplinks)['fault'];
  const upFields: SealFields = {
    messageId: 'u-1',
    sender: { kind: 'box', id: 'box-1' },
    recipient: { kind: 'headend', id: '' },
    issuedAtMs: VECTOR_TIME,
  };
  const upOpts = { keys: uplinkKeys, verifier, nowMs: VECTOR_TIME };

  it('accepts a box report on its own topic', async () => {
    const bytes = await sealUplink(upFields, up.body, boxSigner('box-1'));
    expect((await openUplink(bytes, { boxId: 'box-1', kind: 'fault' }, upOpts)).ok).toBe(true);
  });

  it('a box cannot sign as another box, nor post on another kind of topic', async () => {
    const asOther = await sealUplink(
      { ...upFields, sender: { kind: 'box', id: 'box-2' } },
      up.body,
      boxSigner('box-2'),
    );
    expect(await openUplink(asOther, { boxId: 'box-1', kind: 'fault' }, upOpts)).toMatchObject({
      code: ProtocolErrorCode.MISDIRECTED,
    });
    const bytes = await sealUplink(upFields, up.body, boxSigner('box-1'));
    expect(await openUplink(bytes, { boxId: 'box-1', kind: 'receipt' }, upOpts)).toMatchObject({
      code: ProtocolErrorCode.SCHEMA,
    });
  });

  it('a box key signing a forged body for its own topic with a wrong key → BAD_SIGNATURE', async () => {
    const forged = await sealUplink(upFields, up.body, createNodeSigner('box:box-1', testSeed('not-box-1')));
    expect(await openUplink(forged, { boxId: 'box-1', kind: 'fault' }, upOpts)).toMatchObject({
      code: ProtocolErrorCode.BAD_SIGNATURE,
    });
  });

  it('a survey rating outside 1-5 is SCHEMA', async () => {
    const bad = { surveyAnswer: { surveyId: 's-1', ticketId: 't-1', rating: 9, resolved: true } };
    const bytes = await sealUplink(upFields, bad, boxSigner('box-1'));
    expect(await openUplink(bytes, { boxId: 'box-1', kind: 'survey' }, upOpts)).toMatchObject({
      code: ProtocolErrorCode.SCHEMA,
    });
  });
});
