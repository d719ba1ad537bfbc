import { Type } from 'typebox';
import type { PresenceEvent } from '../../ports/registry-store';
import { describes } from './describes';

/** One change in a box's connection (ports/registry-store.ts PresenceEvent). */
export const PresenceEventBody = describes<PresenceEvent>()(
  Type.Object({
    atMs: Type.Integer(),
    event: Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('hello')], {
      description: 'online/offline: the embedded broker saw it connect or go; hello: the box said hello',
    }),
  }),
);

/** GET /api/v1/boxes/:id/presence: the box's state now and its history, newest first. */
export const PresenceHistory = Type.Object({
  boxId: Type.String(),
  online: Type.Boolean(),
  lastSeenMs: Type.Integer(),
  items: Type.Array(PresenceEventBody),
});
