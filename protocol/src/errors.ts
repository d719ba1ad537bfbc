/**
 * The protocol's error catalogue. Codes are stable: boxes, the headend and logs
 * match on them, so a code is never renamed or reused.
 */
export const ProtocolErrorCode = {
  /** Payload larger than the receiver's limit; nothing was decoded. */
  OVERSIZE: 'PROTO_OVERSIZE',
  /** Bytes are not a valid SignedEnvelope / header / payload. */
  DECODE: 'PROTO_DECODE',
  /** Header schema_version is not one this code understands. */
  VERSION: 'PROTO_VERSION',
  /** No signature present. */
  UNSIGNED: 'PROTO_UNSIGNED',
  /** key_id is not in the receiver's trusted set. */
  UNKNOWN_KEY: 'PROTO_UNKNOWN_KEY',
  /** Signature does not verify against the key. */
  BAD_SIGNATURE: 'PROTO_BAD_SIGNATURE',
  /** Decoded, signed, but a field breaks the schema rules (missing id, bad enum, …). */
  SCHEMA: 'PROTO_SCHEMA',
  /** expires_at is in the past. */
  EXPIRED: 'PROTO_EXPIRED',
  /** issued_at is further in the future than the allowed clock skew. */
  NOT_YET_VALID: 'PROTO_NOT_YET_VALID',
  /** The message is not addressed to this receiver, or the sender does not match the topic. */
  MISDIRECTED: 'PROTO_MISDIRECTED',
  /** Topic string is not one of the protocol's topics. */
  BAD_TOPIC: 'PROTO_BAD_TOPIC',
  /** An id (box, zone, message) breaks the id syntax. */
  BAD_ID: 'PROTO_BAD_ID',
} as const;

export type ProtocolErrorCode = (typeof ProtocolErrorCode)[keyof typeof ProtocolErrorCode];

/** Thrown only by builders given bad arguments by our own code; decoders return results instead. */
export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode;

  constructor(code: ProtocolErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'ProtocolError';
    this.code = code;
  }
}
