import type { BoxIdentity } from './access-rule';
import type { Verifier } from './ed25519';
import { ProtocolErrorCode } from './errors';
import { toHeaderInfo } from './header-info';
import type { HeaderInfo } from './header-info';
import type { KeyLookup } from './key-ring';
import { Downlink, EnvelopeHeader, SCHEMA_VERSION, SignedEnvelope, Uplink } from './messages';
import { checkDownlink, checkUplink, UPLINK_BODY_FOR_KIND } from './schema-check';
import { boxKeyId } from './seal';
import { signingInput } from './signing-input';
import type { UplinkKind } from './topics';

export type OpenResult<T> =
  | { readonly ok: true; readonly header: HeaderInfo; readonly message: T }
  | { readonly ok: false; readonly code: ProtocolErrorCode; readonly reason: string; readonly header?: HeaderInfo };

export interface OpenOptions {
  readonly keys: KeyLookup;
  readonly verifier: Verifier;
  /** The receiver's current time (from its Clock). */
  readonly nowMs: number;
  /** Largest envelope accepted, in bytes. Default 64 KiB. */
  readonly maxBytes?: number;
  /** How far issued_at may lie in the future (clock skew). Default 5 minutes. */
  readonly maxFutureSkewMs?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024;
const DEFAULT_SKEW_MS = 5 * 60 * 1000;

function fail<T>(code: ProtocolErrorCode, reason: string, header?: HeaderInfo): OpenResult<T> {
  return header === undefined ? { ok: false, code, reason } : { ok: false, code, reason, header };
}

interface Verified {
  readonly header: HeaderInfo;
  readonly payload: Uint8Array;
}

/**
 * The one guarded path for untrusted bytes: size, decode, version, signature — in that
 * order, so nothing is decoded past the envelope before the signature holds. Never throws.
 */
async function openVerified(
  bytes: Uint8Array,
  opts: OpenOptions,
  /** Checks on the header alone, before any key is looked up: a reason to refuse, or undefined. */
  precheck?: (header: HeaderInfo) => string | undefined,
): Promise<OpenResult<Verified>> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) return fail(ProtocolErrorCode.OVERSIZE, `${bytes.length} bytes > limit ${max}`);
  let header: HeaderInfo | undefined;
  let env: SignedEnvelope;
  try {
    env = SignedEnvelope.decode(bytes);
    header = toHeaderInfo(EnvelopeHeader.decode(env.header));
  } catch (err) {
    return fail(ProtocolErrorCode.DECODE, err instanceof Error ? err.message : 'undecodable');
  }
  if (header === undefined) return fail(ProtocolErrorCode.DECODE, 'header malformed (party, id length or time)');
  if (header.schemaVersion !== SCHEMA_VERSION) {
    return fail(ProtocolErrorCode.VERSION, `schema version ${header.schemaVersion}`, header);
  }
  if (env.signature.length === 0) return fail(ProtocolErrorCode.UNSIGNED, 'no signature', header);
  const refused = precheck?.(header);
  if (refused !== undefined) return fail(ProtocolErrorCode.MISDIRECTED, refused, header);
  const key = await opts.keys.lookup(header.keyId, opts.nowMs);
  if (key === undefined) return fail(ProtocolErrorCode.UNKNOWN_KEY, `key ${JSON.stringify(header.keyId)}`, header);
  const good = await opts.verifier.verify(key, signingInput(env.header, env.payload), env.signature);
  if (!good) return fail(ProtocolErrorCode.BAD_SIGNATURE, 'signature does not verify', header);
  if (header.expiresAtMs !== 0 && header.expiresAtMs <= opts.nowMs) {
    return fail(ProtocolErrorCode.EXPIRED, `expired at ${new Date(header.expiresAtMs).toISOString()}`, header);
  }
  if (header.issuedAtMs > opts.nowMs + (opts.maxFutureSkewMs ?? DEFAULT_SKEW_MS)) {
    return fail(ProtocolErrorCode.NOT_YET_VALID, 'issued in the future', header);
  }
  return { ok: true, header, message: { header, payload: env.payload } };
}

function addressedTo(header: HeaderInfo, self: BoxIdentity): boolean {
  const r = header.recipient;
  if (r.kind === 'all') return true;
  if (r.kind === 'zone') return r.id === self.zoneId;
  return r.kind === 'box' && r.id === self.boxId;
}

/** Box side: opens a downlink message addressed to `self` and signed by a trusted notice key. */
export async function openDownlink(
  bytes: Uint8Array,
  self: BoxIdentity,
  opts: OpenOptions,
): Promise<OpenResult<Downlink>> {
  const v = await openVerified(bytes, opts);
  if (!v.ok) return v;
  const { header, payload } = v.message;
  if (header.sender.kind !== 'headend') return fail(ProtocolErrorCode.MISDIRECTED, 'sender is not the headend', header);
  if (!addressedTo(header, self)) return fail(ProtocolErrorCode.MISDIRECTED, 'not addressed to this box', header);
  let msg: Downlink;
  try {
    msg = Downlink.decode(payload);
  } catch (err) {
    return fail(ProtocolErrorCode.DECODE, err instanceof Error ? err.message : 'undecodable payload', header);
  }
  const bad = checkDownlink(msg);
  if (bad !== undefined) return fail(ProtocolErrorCode.SCHEMA, bad, header);
  return { ok: true, header, message: msg };
}

/**
 * Headend side: opens a box's uplink that arrived on stb/v1/up/<boxId>/<kind>. The sender
 * must be that box, signing with its own key, and the body must match the topic kind.
 */
export async function openUplink(
  bytes: Uint8Array,
  topic: { readonly boxId: string; readonly kind: UplinkKind },
  opts: OpenOptions,
): Promise<OpenResult<Uplink>> {
  // Who sent it and for whom, from the header alone: a box can only make the headend look
  // up its own key, never probe (or fill a cache with) other key ids.
  const v = await openVerified(bytes, opts, (header) => {
    if (header.sender.kind !== 'box' || header.sender.id !== topic.boxId || header.keyId !== boxKeyId(topic.boxId))
      return 'sender does not match the topic';
    return header.recipient.kind === 'headend' ? undefined : 'not for the headend';
  });
  if (!v.ok) return v;
  const { header, payload } = v.message;
  let msg: Uplink;
  try {
    msg = Uplink.decode(payload);
  } catch (err) {
    return fail(ProtocolErrorCode.DECODE, err instanceof Error ? err.message : 'undecodable payload', header);
  }
  if (msg.body !== UPLINK_BODY_FOR_KIND[topic.kind]) {
    return fail(ProtocolErrorCode.SCHEMA, `topic kind ${topic.kind} carries ${msg.body ?? 'nothing'}`, header);
  }
  const bad = checkUplink(msg);
  if (bad !== undefined) return fail(ProtocolErrorCode.SCHEMA, bad, header);
  return { ok: true, header, message: msg };
}
