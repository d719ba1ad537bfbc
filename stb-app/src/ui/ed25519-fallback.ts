import { createVerifier, createWebCryptoSigner } from '@stb-notify/protocol';
import type { Signer, Verifier } from '@stb-notify/protocol';

interface ForgeEd25519 {
  createSeedSigner(keyId: string, seed: Uint8Array): Signer;
  forgeVerifier: Verifier;
}

let loading: Promise<ForgeEd25519> | undefined;

/** Loads ed25519-forge.js (beside app.js) once, by a script element: the app is one classic script. */
function loadForge(): Promise<ForgeEd25519> {
  loading ??= new Promise<ForgeEd25519>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'ed25519-forge.js';
    script.onload = () => {
      const forge = (globalThis as unknown as { stbEd25519Forge?: ForgeEd25519 }).stbEd25519Forge;
      if (forge === undefined) reject(new Error('ed25519-forge.js did not register'));
      else resolve(forge);
    };
    script.onerror = () => {
      loading = undefined; // a failed download is tried again on the next need
      reject(new Error('ed25519-forge.js could not be loaded'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** The TV's Ed25519: WebCrypto, with node-forge downloaded only on a browser without it. */
export function boxCrypto(keyId: string, seed: Uint8Array): { signer: Signer; verifier: Verifier } {
  return {
    signer: createWebCryptoSigner(keyId, seed, async () => (await loadForge()).createSeedSigner(keyId, seed)),
    verifier: createVerifier(async () => (await loadForge()).forgeVerifier),
  };
}
