import { Type } from 'typebox';
import type { NoticeDraft } from '../../ports/draft-store';
import { Ms, Target } from '../schemas';
import { describes } from './describes';

/** A text of a draft: as a notice's, but a title may still be empty. */
export const DraftText = Type.Object(
  {
    lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
    title: Type.String({ maxLength: 256 }),
    body: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);

/**
 * What a draft holds: the console's compose form, every field optional (a notice half
 * written). The rules of the kind apply when it is sent: an announcement by POST
 * /api/v1/notices with `draftId`; planned work, an outage or a suspension by their own routes.
 */
export const DraftContent = Type.Object(
  {
    kind: Type.Optional(
      Type.Union([
        Type.Literal('ANNOUNCEMENT'),
        Type.Literal('OUTAGE'),
        Type.Literal('MAINTENANCE'),
        Type.Literal('SUSPENSION'),
      ]),
    ),
    target: Type.Optional(Target),
    texts: Type.Optional(Type.Array(DraftText, { maxItems: 2 })),
    display: Type.Optional(Type.Union([Type.Literal('MAILBOX'), Type.Literal('BANNER'), Type.Literal('FULLSCREEN')])),
    priority: Type.Optional(
      Type.Union([Type.Literal('LOW'), Type.Literal('NORMAL'), Type.Literal('HIGH'), Type.Literal('URGENT')]),
    ),
    /** Planned work (N4): its window. */
    startsAtMs: Type.Optional(Ms),
    endsAtMs: Type.Optional(Ms),
    /** An outage: when service is expected back. */
    etaMs: Type.Optional(Ms),
    /** A suspension (N2): when, and the arrears in fen. */
    suspendAtMs: Type.Optional(Ms),
    amountMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    /** Planned work and outages: why (the approval and the audit log show it). */
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    note: Type.Optional(Type.String({ maxLength: 500, description: 'for the operators, never sent' })),
  },
  { additionalProperties: false },
);

export const Draft = describes<NoticeDraft>()(
  Type.Object({
    id: Type.String(),
    createdBy: Type.String(),
    createdAtMs: Type.Integer(),
    updatedBy: Type.String(),
    updatedAtMs: Type.Integer({ description: 'the version: a save names the one it edited' }),
    content: DraftContent,
  }),
);

export const DraftPage = Type.Object({ items: Type.Array(Draft), total: Type.Integer() });
