import { Type } from 'typebox';
import type { StaffMember as StaffMemberRecord } from '../../ports/staff-store';
import { describes } from './describes';
import { Notice } from './notice-responses';
import { Zone } from './registry-responses';
import { At, Count, itemsOf, oneOf } from './response-shapes';
import { ROLES } from './token-responses';

export const StaffMember = describes<StaffMemberRecord>()(
  Type.Object({
    staffNo: Type.String(),
    name: Type.String(),
    phone: Type.String(),
    role: oneOf(ROLES),
    zoneId: Type.String(),
    createdAtMs: At,
    leftAtMs: Type.Integer({ minimum: 0, description: '0 = still here' }),
  }),
);
export const StaffMembers = itemsOf(StaffMember);
export const StaffLeft = Type.Object({ staffNo: Type.String(), tokensRevoked: Count });

/** Z1/Z4: the zone with its new maintainer, and the notice that told its boxes. */
export const ZoneMaintainerAssigned = Type.Object({ zone: Zone, notice: Notice });
