import { createNodeSigner, createNodeVerifier, generateEd25519 } from '@stb-notify/protocol/node';
import type { Verifier } from '@stb-notify/protocol';
import { describe, expect, it } from 'vitest';
import { verifyInTurns } from '../src/services/verify-in-turns';

/** Issue 19: a burst of uplinks is verified over several event-loop turns, so the loop still accepts connections. */
describe('verifying uplinks in turns', () => {
  it('other work runs between two turns of a burst, and every answer is right', async () => {
    const pair = generateEd25519();
    const signer = createNodeSigner('k', pair.seed);
    const real = createNodeVerifier();
    let calls = 0;
    let otherWorkAt: number | undefined;
    const counting: Verifier = {
      verify(publicKey, data, signature) {
        // Work that arrives while the first turn verifies (a connection, a timer, a reply).
        if (calls++ === 0) setImmediate(() => (otherWorkAt = calls));
        return real.verify(publicKey, data, signature);
      },
    };
    const verifier = verifyInTurns(counting, 64);
    const messages = Array.from({ length: 200 }, (_, i) => new TextEncoder().encode(`receipt ${i}`));
    const signatures = await Promise.all(messages.map(async (m) => signer.sign(m)));
    // Every third signature belongs to another message.
    const answers = await Promise.all(
      messages.map((m, i) => verifier.verify(pair.publicKey, m, (i % 3 === 2 ? signatures[0] : signatures[i]) ?? m)),
    );
    expect(otherWorkAt).toBe(64);
    expect(calls).toBe(200);
    expect(answers).toEqual(messages.map((_, i) => i % 3 !== 2));
  });

  it('a verifier that fails answers false, and the next burst is verified too', async () => {
    const verifier = verifyInTurns({ verify: () => Promise.reject(new Error('broken')) }, 2);
    expect(
      await Promise.all(
        [1, 2, 3].map(() => verifier.verify(new Uint8Array(32), new Uint8Array(1), new Uint8Array(64))),
      ),
    ).toEqual([false, false, false]);
    expect(await verifier.verify(new Uint8Array(32), new Uint8Array(1), new Uint8Array(64))).toBe(false);
  });
});
