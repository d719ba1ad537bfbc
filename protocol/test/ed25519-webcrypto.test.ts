import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSeedSigner, createVerifier, createWebCryptoSigner, forgeVerifier } from '../src/index';
import { noticeSigner, testSeed } from './fixtures';

/**
 * The TV signs and verifies with WebCrypto and downloads the pure-JS fallback only where
 * WebCrypto has no Ed25519 (issue 17). Ed25519 is deterministic: every path gives the same bytes.
 */
describe('Ed25519 with WebCrypto, pure JS only when needed', () => {
  afterEach(() => vi.unstubAllGlobals());
  const data = new TextEncoder().encode('fault report 42');
  const seed = testSeed('box-box-1');

  it('signs with WebCrypto exactly as the pure-JS signer does, without loading the fallback', async () => {
    const fallback = vi.fn(() => Promise.resolve(createSeedSigner('box:box-1', seed)));
    const signer = createWebCryptoSigner('box:box-1', seed, fallback);
    const expected = await createSeedSigner('box:box-1', seed).sign(data);
    expect(Buffer.from(await signer.sign(data))).toEqual(Buffer.from(expected));
    const verifier = createVerifier(() => Promise.resolve(forgeVerifier));
    expect(await verifier.verify(noticeSigner.publicKey, data, await noticeSigner.sign(data))).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('without WebCrypto (a page over plain http) loads the fallback once and still signs and verifies', async () => {
    vi.stubGlobal('crypto', undefined);
    const loads = { signer: 0, verifier: 0 };
    const signer = createWebCryptoSigner('box:box-1', seed, () => {
      loads.signer++;
      return Promise.resolve(createSeedSigner('box:box-1', seed));
    });
    const verifier = createVerifier(() => {
      loads.verifier++;
      return Promise.resolve(forgeVerifier);
    });
    const sig = await signer.sign(data);
    await signer.sign(data);
    const notice = await noticeSigner.sign(data);
    expect(await verifier.verify(noticeSigner.publicKey, data, notice)).toBe(true);
    expect(await verifier.verify(noticeSigner.publicKey, data, sig)).toBe(false); // not the notice key
    expect(loads).toEqual({ signer: 1, verifier: 1 });
  });
});
