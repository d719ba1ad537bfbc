import { createSeedSigner, forgeVerifier } from '@stb-notify/protocol';

/**
 * The TV's pure-JS Ed25519 (node-forge), built as its own script (build/ed25519-forge.js). The
 * app loads it only on a box whose browser has no WebCrypto Ed25519 (issue 17: the first
 * download stays small); see ed25519-fallback.ts.
 */
(globalThis as unknown as { stbEd25519Forge: unknown }).stbEd25519Forge = { createSeedSigner, forgeVerifier };
