import { createRequire } from 'node:module';

/** The libsodium calls Ed25519 needs, by sodium-native's names (its npm types describe v2 only). */
export interface Libsodium {
  crypto_sign_seed_keypair(publicKey: Uint8Array, secretKey: Uint8Array, seed: Uint8Array): void;
  crypto_sign_detached(signature: Uint8Array, message: Uint8Array, secretKey: Uint8Array): void;
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/**
 * libsodium through sodium-native (prebuilt for Linux, macOS and Windows on x64 and arm64),
 * or undefined where its binary does not load: Node's own crypto then does the work, slower.
 */
function load(): Libsodium | undefined {
  try {
    return createRequire(import.meta.url)('sodium-native') as Libsodium;
  } catch {
    return undefined;
  }
}

export const libsodium: Libsodium | undefined = load();
