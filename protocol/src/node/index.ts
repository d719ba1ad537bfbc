/** Node-only helpers (native crypto, certificates). Boxes in a browser import the package root only. */
export * from './node-ed25519';
export * from './notice-keys';
export * from './crl';
export * from './pki';
export * from './provision-box';
