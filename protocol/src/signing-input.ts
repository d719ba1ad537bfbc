import { concatBytes, utf8 } from './bytes';

/**
 * Domain-separation tag: a signature made for this protocol version can never be
 * mistaken for a signature over some other structure made with the same key.
 */
const DOMAIN = utf8('stb-notify/v1 envelope\u0000');

/**
 * The bytes an envelope signature covers:
 *   "stb-notify/v1 envelope" 0x00 || uint32be(len(header)) || header || payload
 * The length prefix keeps the header/payload boundary unambiguous.
 */
export function signingInput(header: Uint8Array, payload: Uint8Array): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, header.length, false);
  return concatBytes([DOMAIN, len, header, payload]);
}
