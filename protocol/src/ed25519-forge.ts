import forgeEd25519 from 'node-forge/lib/ed25519.js';
import { createVerifier } from './ed25519';
import type { Signer, Verifier } from './ed25519';

/**
 * Ed25519 in pure JavaScript (node-forge): slow (a few ms) but runs everywhere. The headend and
 * the Node boxes use Node's crypto; the TV uses WebCrypto and loads this only where WebCrypto
 * cannot (its own script, ed25519-forge.js, so the TV's first download stays small: issue 17).
 */
export const forgeVerifier: Verifier = {
  verify(publicKey, data, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return Promise.resolve(false);
    try {
      return Promise.resolve(forgeEd25519.verify({ message: data, signature, publicKey }));
    } catch {
      // forge throws on malformed points; for the caller that is simply "does not verify".
      return Promise.resolve(false);
    }
  },
};

/** A signer from a raw 32-byte Ed25519 seed, in pure JS (for boxes and tests; the headend uses Node crypto). */
export function createSeedSigner(keyId: string, seed: Uint8Array): Signer & { readonly publicKey: Uint8Array } {
  const pair = forgeEd25519.generateKeyPair({ seed });
  return {
    keyId,
    publicKey: new Uint8Array(pair.publicKey),
    sign: (data) => new Uint8Array(forgeEd25519.sign({ message: data, privateKey: pair.privateKey })),
  };
}

/** WebCrypto where it has Ed25519, this file's pure JS elsewhere (both bundled: for Node and tests). */
export const createVerifierWithForge = (): Verifier => createVerifier(() => Promise.resolve(forgeVerifier));
