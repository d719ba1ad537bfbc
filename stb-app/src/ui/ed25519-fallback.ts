import { createVerifier, createWebCryptoSigner } from '@stb-notify/protocol';
import type { Signer, Verifier } from '@stb-notify/protocol';
import { loadScript } from './load-script';

interface ForgeEd25519 {
  createSeedSigner(keyId: string, seed: Uint8Array): Signer;
  forgeVerifier: Verifier;
}

/** node-forge's Ed25519, downloaded only where WebCrypto has none. */
const loadForge = () => loadScript<ForgeEd25519>('ed25519-forge.js', 'stbEd25519Forge');

/** The TV's Ed25519: WebCrypto, with node-forge downloaded only on a browser without it. */
export function boxCrypto(keyId: string, seed: Uint8Array): { signer: Signer; verifier: Verifier } {
  return {
    signer: createWebCryptoSigner(keyId, seed, async () => (await loadForge()).createSeedSigner(keyId, seed)),
    verifier: createVerifier(async () => (await loadForge()).forgeVerifier),
  };
}
