import { Type } from 'typebox';
import type { ApiToken as ApiTokenRecord } from '../../ports/token-store';
import { describes } from './describes';
import { At, itemsOf, oneOf } from './response-shapes';

export const ROLES = ['operator', 'billing', 'maintainer', 'supervisor', 'read-only'] as const;

export const ApiToken = describes<ApiTokenRecord>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    role: oneOf(ROLES),
    staffNo: Type.String({ description: "the staff member it was issued to ('' for a system's token)" }),
    createdAtMs: At,
    revokedAtMs: At,
  }),
);
export const ApiTokens = itemsOf(ApiToken);

/** A token just created: the secret itself, shown this once, and its record. */
export const CreatedToken = Type.Object({
  token: Type.String({ description: 'the bearer token; shown once, only its hash is kept' }),
  ...ApiToken.properties,
});
export const RevokedToken = Type.Object({ revoked: Type.String({ description: 'the revoked token’s id' }) });
export const KeyRotation = Type.Object({
  activeKeyId: Type.String({ description: 'the key notices are now signed with' }),
});

/** Who the caller is, and the hotline notices carry (N7). */
export const Me = Type.Object({ ...ApiToken.properties, hotline: Type.String() });
