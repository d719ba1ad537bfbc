import type { Signer } from './ed25519';
import { ProtocolError, ProtocolErrorCode } from './errors';
import { partyKindValue } from './header-info';
import type { PartyInfo } from './header-info';
import { isValidId } from './ids';
import { Downlink, EnvelopeHeader, SCHEMA_VERSION, SignedEnvelope, Uplink } from './messages';
import type { DownlinkProps, UplinkProps } from './messages';
import { findInsaneTime, isSaneTimeMs } from './sane-numbers';
import { signingInput } from './signing-input';

export interface SealFields {
  readonly messageId: string;
  readonly sender: PartyInfo;
  readonly recipient: PartyInfo;
  readonly issuedAtMs: number;
  /** 0 or undefined = does not expire. */
  readonly expiresAtMs?: number;
}

/** Encodes a header, signs header+payload bytes and returns the SignedEnvelope bytes. */
export async function sealEnvelope(fields: SealFields, payload: Uint8Array, signer: Signer): Promise<Uint8Array> {
  if (!isValidId(fields.messageId)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_ID, `message id ${JSON.stringify(fields.messageId)}`);
  }
  // 1e300 would go out as 0 ("never expires"), 2^63 as a negative time: never sign either.
  if (!isSaneTimeMs(fields.issuedAtMs) || !isSaneTimeMs(fields.expiresAtMs ?? 0)) {
    throw new ProtocolError(ProtocolErrorCode.SCHEMA, 'issuedAtMs/expiresAtMs is not a time (0 … year 2200 in ms)');
  }
  const header = EnvelopeHeader.encode({
    schemaVersion: SCHEMA_VERSION,
    messageId: fields.messageId,
    sender: { kind: partyKindValue(fields.sender.kind), id: fields.sender.id },
    recipient: { kind: partyKindValue(fields.recipient.kind), id: fields.recipient.id },
    issuedAtMs: fields.issuedAtMs,
    expiresAtMs: fields.expiresAtMs ?? 0,
    keyId: signer.keyId,
  }).finish();
  const signature = await signer.sign(signingInput(header, payload));
  return SignedEnvelope.encode({ header, payload, signature }).finish();
}

/** Headend -> box. The payload is encoded once, so a broadcast signs one set of bytes. */
export async function sealDownlink(fields: SealFields, body: DownlinkProps, signer: Signer): Promise<Uint8Array> {
  const bad = findInsaneTime(body);
  if (bad !== undefined)
    throw new ProtocolError(ProtocolErrorCode.SCHEMA, `${bad} is not a time (0 … year 2200 in ms)`);
  return sealEnvelope(fields, Downlink.encode(body).finish(), signer);
}

/** Box -> headend; the signer's key id must be boxKeyId(boxId). */
export function sealUplink(fields: SealFields, body: UplinkProps, signer: Signer): Promise<Uint8Array> {
  return sealEnvelope(fields, Uplink.encode(body).finish(), signer);
}

/** Key id under which a box signs its uplink. */
export function boxKeyId(boxId: string): string {
  return `box:${boxId}`;
}
