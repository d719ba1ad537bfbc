// Types for the one node-forge module the box bundles as its Ed25519 fallback
// (the full 'node-forge' entry would pull in TLS, PKCS#12, … that a box never uses).
declare module 'node-forge/lib/ed25519.js' {
  interface Ed25519 {
    verify(options: { message: Uint8Array; signature: Uint8Array; publicKey: Uint8Array }): boolean;
    sign(options: { message: Uint8Array; privateKey: Uint8Array }): Uint8Array;
    generateKeyPair(options?: { seed?: Uint8Array }): { publicKey: Uint8Array; privateKey: Uint8Array };
  }
  const ed25519: Ed25519;
  export default ed25519;
}
