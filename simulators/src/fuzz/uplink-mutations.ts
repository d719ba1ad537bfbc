import { randomBytes, randomUUID } from 'node:crypto';
import { EnvelopeHeader, sealUplink, SignedEnvelope, Symptom, uplinkTopic } from '@stb-notify/protocol';
import type { Signer, UplinkKind, UplinkProps } from '@stb-notify/protocol';

/** A small deterministic generator (xorshift32), so a fuzz run can be repeated with its seed. */
export class Rng {
  constructor(private s: number) {
    if (this.s === 0) this.s = 0x9e3779b9;
  }

  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 0x1_0000_0000;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}

const KINDS: readonly UplinkKind[] = ['receipt', 'fault', 'diag', 'survey', 'hello'];
const HUGE_TIMES = [2 ** 63, -1, 2 ** 53, 1e300, Number.MAX_SAFE_INTEGER];

function body(kind: UplinkKind, now: number): UplinkProps {
  switch (kind) {
    case 'receipt':
      return { receipt: { noticeId: 'n-fuzz', state: 1, atMs: now } };
    case 'fault':
      return {
        faultReport: {
          reportId: `r-${randomUUID().slice(0, 8)}`,
          symptom: Symptom.SYMPTOM_NO_SOUND,
          reportedAtMs: now,
        },
      };
    case 'diag':
      return { diagnostics: { signalLevelDbuv: 60, collectedAtMs: now } };
    case 'survey':
      return { surveyAnswer: { surveyId: 's-x', ticketId: 't-x', rating: 5, resolved: true, answeredAtMs: now } };
    case 'hello':
      return { hello: { model: 'FUZZ', firmware: '1', appVersion: '1', locale: 'zh-CN', bootId: 'b' } };
  }
}

/** Well-formed, signed uplink of each kind from one box: the seeds the mutations start from. */
export async function seedFrames(
  boxId: string,
  signer: Signer,
  now: number,
): Promise<Array<{ kind: UplinkKind; bytes: Uint8Array }>> {
  const out: Array<{ kind: UplinkKind; bytes: Uint8Array }> = [];
  for (const kind of KINDS) {
    const fields = {
      messageId: randomUUID(),
      sender: { kind: 'box' as const, id: boxId },
      recipient: { kind: 'headend' as const, id: '' },
      issuedAtMs: now,
    };
    out.push({ kind, bytes: await sealUplink(fields, body(kind, now), signer) });
  }
  return out;
}

/**
 * One hostile frame for `boxId`'s own uplink topics: random bytes, bit flips and truncations
 * of a signed frame, forged headers (60 KB key ids, other boxes' keys, times no clock can
 * mean), frames over the envelope limit, the wrong body for the topic. Frames over the MQTT
 * packet limit are left to a separate, rarer case (they close the connection by design).
 */
export function mutate(
  rng: Rng,
  boxId: string,
  seeds: ReadonlyArray<{ kind: UplinkKind; bytes: Uint8Array }>,
): {
  topic: string;
  payload: Buffer;
  strategy: string;
} {
  const seed = rng.pick(seeds);
  const topic = uplinkTopic(boxId, rng.next() < 0.9 ? seed.kind : rng.pick(KINDS));
  const bytes = Buffer.from(seed.bytes);
  switch (rng.int(8)) {
    case 0:
      return { topic, payload: randomBytes(rng.int(2048)), strategy: 'random bytes' };
    case 1: {
      for (let i = 1 + rng.int(8); i > 0; i--) {
        const at = rng.int(bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.int(8));
      }
      return { topic, payload: bytes, strategy: 'bit flips' };
    }
    case 2:
      return { topic, payload: bytes.subarray(0, rng.int(bytes.length)), strategy: 'truncated' };
    case 3: {
      const env = SignedEnvelope.decode(bytes);
      const h = EnvelopeHeader.decode(env.header);
      h.keyId = `box:${boxId}${'k'.repeat(rng.int(60 * 1024))}`;
      env.header = EnvelopeHeader.encode(h).finish();
      return { topic, payload: Buffer.from(SignedEnvelope.encode(env).finish()), strategy: 'huge key id' };
    }
    case 4: {
      const env = SignedEnvelope.decode(bytes);
      const h = EnvelopeHeader.decode(env.header);
      if (rng.next() < 0.5) h.issuedAtMs = rng.pick(HUGE_TIMES);
      else h.expiresAtMs = rng.pick(HUGE_TIMES);
      env.header = EnvelopeHeader.encode(h).finish();
      return { topic, payload: Buffer.from(SignedEnvelope.encode(env).finish()), strategy: 'insane time' };
    }
    case 5: {
      const env = SignedEnvelope.decode(bytes);
      const h = EnvelopeHeader.decode(env.header);
      h.keyId = `box:other-${rng.int(1000)}`;
      if (h.sender) h.sender.id = `other-${rng.int(1000)}`;
      env.header = EnvelopeHeader.encode(h).finish();
      return { topic, payload: Buffer.from(SignedEnvelope.encode(env).finish()), strategy: 'another box’s key' };
    }
    case 6:
      return {
        topic,
        payload: Buffer.concat([bytes, randomBytes(64 * 1024 + rng.int(4096))]),
        strategy: 'over the envelope limit',
      };
    default:
      return { topic, payload: Buffer.concat([bytes, randomBytes(rng.int(64))]), strategy: 'trailing junk' };
  }
}
