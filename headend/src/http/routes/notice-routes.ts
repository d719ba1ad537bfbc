import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { HeadendError, notFound } from '../../errors';
import type { NoticeKindName } from '../../ports/notice-store';
import type { NoticeInput } from '../../services/notice-input';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { withErrors } from '../responses/error-responses';
import {
  BoxNotices,
  CancelledNotice,
  DeliveryPage,
  NoticePage,
  NoticeStatus,
  Reach,
} from '../responses/notice-responses';
import { Id, IdParams, Ms, page, Paging, Target, Texts } from '../schemas';

/** Kinds an operator may send by hand; the others come only from the rules (N1–N3, T1–T4). */
const HAND_KINDS = ['ANNOUNCEMENT', 'OUTAGE', 'MAINTENANCE'] as const;

export const NoticeBody = Type.Object(
  {
    kind: Type.Union(HAND_KINDS.map((k) => Type.Literal(k))),
    target: Target,
    texts: Texts,
    display: Type.Optional(Type.Union([Type.Literal('MAILBOX'), Type.Literal('BANNER'), Type.Literal('FULLSCREEN')])),
    priority: Type.Optional(
      Type.Union([Type.Literal('LOW'), Type.Literal('NORMAL'), Type.Literal('HIGH'), Type.Literal('URGENT')]),
    ),
    collapseKey: Type.Optional(Type.String({ maxLength: 128 })),
    expiresAtMs: Type.Optional(Ms),
    /** ANNOUNCEMENT: { topic, effectiveAtMs }; OUTAGE: { etaMs, incidentId }; MAINTENANCE: use POST /maintenance. */
    detail: Type.Optional(
      Type.Object(
        {
          topic: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
          effectiveAtMs: Type.Optional(Ms),
          etaMs: Type.Optional(Ms),
          incidentId: Type.Optional(Id),
        },
        { additionalProperties: false },
      ),
    ),
    /** Issue 18: the draft this notice was written in; it is deleted with the send, which happens once. */
    draftId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const BoxNoticesQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

const ReachBody = Type.Object({ target: Target }, { additionalProperties: false });

const ListQuery = Type.Object(
  {
    ...Paging.properties,
    kind: Type.Optional(Type.String({ maxLength: 32 })),
    accountId: Type.Optional(Id),
    status: Type.Optional(Type.Union([Type.Literal('sent'), Type.Literal('cancelled')])),
    /** Words in a title or body. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
const DeliveryQuery = Type.Object(
  {
    ...Paging.properties,
    state: Type.Optional(
      Type.Union(
        ['queued', 'delivered', 'displayed', 'read', 'dismissed', 'withdrawn', 'expired'].map((s) => Type.Literal(s)),
      ),
    ),
  },
  { additionalProperties: false },
);
const CancelBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

/** The notice an operator's hand-made notice body asks for (an OUTAGE goes through an approval first). */
export function handNoticeInput(b: Static<typeof NoticeBody>, nowMs: number, createdBy: string): NoticeInput {
  const detail =
    b.kind === 'OUTAGE'
      ? {
          startedAtMs: nowMs,
          etaMs: 0,
          zoneIds: b.target.type === 'zones' ? b.target.zoneIds : [],
          incidentId: '',
          ...b.detail,
        }
      : { topic: 'general', effectiveAtMs: 0, ...b.detail };
  return {
    kind: b.kind as NoticeKindName,
    target: b.target,
    texts: b.texts,
    detail,
    ...(b.display ? { display: b.display } : {}),
    ...(b.priority ? { priority: b.priority } : {}),
    ...(b.collapseKey ? { collapseKey: b.collapseKey } : {}),
    ...(b.expiresAtMs ? { expiresAtMs: b.expiresAtMs } : {}),
    createdBy,
  };
}

export function noticeRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const operator = { roles: ['operator'] as const };

  app.post(
    '/api/v1/notices/reach',
    {
      config: { roles: ['operator', 'supervisor', 'billing'] as const },
      schema: {
        summary:
          'How many boxes a target reaches now, per zone, and how many of them are online (reviewed before a send)',
        tags: ['notices'],
        body: ReachBody,
        response: withErrors({ 200: Reach }),
      },
    },
    async (req) => {
      const t = (req.body as Static<typeof ReachBody>).target;
      const zones = await ctx.stores.registry.reachByZone(
        t.type === 'zones'
          ? { zoneIds: t.zoneIds }
          : t.type === 'accounts'
            ? { accountIds: t.accountIds }
            : t.type === 'boxes'
              ? { boxIds: t.boxIds }
              : {},
      );
      const names = new Map((await ctx.stores.registry.listZones()).map((z) => [z.id, z.name]));
      return {
        boxes: zones.reduce((n, z) => n + z.boxes, 0),
        online: zones.reduce((n, z) => n + z.online, 0),
        zones: zones.map((z) => ({ ...z, name: names.get(z.zoneId) ?? z.zoneId })),
      };
    },
  );

  app.post(
    '/api/v1/notices',
    {
      config: operator,
      schema: {
        summary: 'Send an announcement (N5) or outage notice to all, zones, accounts or boxes',
        tags: ['notices'],
        body: NoticeBody,
        response: withErrors({ 201: NoticeStatus }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof NoticeBody>;
      if (b.kind === 'MAINTENANCE') {
        // N4 lives in one place: planned work goes through the maintenance rule.
        throw new HeadendError(
          'NOTICE_KIND_RULE_ONLY',
          'planned maintenance is sent with POST /api/v1/maintenance (N4: 48 h lead)',
        );
      }
      if (b.kind === 'OUTAGE') {
        // N4: an outage made by hand could be planned work without its 48 h notice; a
        // supervisor decides it (outages the headend detects itself go out at once).
        throw new HeadendError(
          'APPROVAL_REQUIRED',
          'N4: an OUTAGE notice made by hand needs a supervisor’s approval: POST /api/v1/outages asks for it',
        );
      }
      const notice = await ctx.notices.send(handNoticeInput(b, ctx.clock.now(), actorName(req)), b.draftId);
      reply.status(201);
      return ctx.notices.status(notice.id);
    },
  );

  app.get(
    '/api/v1/notices',
    {
      schema: {
        summary: 'List notices, newest first, with how far each got; by kind, account, status, words',
        tags: ['notices'],
        querystring: ListQuery,
        response: withErrors({ 200: NoticePage }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const p = page(q);
      const r = await ctx.stores.notices.list({
        ...p,
        ...(q.kind ? { kind: q.kind as NoticeKindName } : {}),
        ...(q.accountId ? { accountId: q.accountId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.q ? { text: q.q } : {}),
      });
      // How far each got (issue 18): a withdrawn notice must not read "all delivered".
      const reach = await ctx.stores.notices.summaries(r.items.map((n) => n.id));
      const none = { boxes: 0, delivered: 0, displayed: 0, withdrawn: 0 };
      return { ...r, ...p, items: r.items.map((n) => ({ ...n, delivery: reach.get(n.id) ?? none })) };
    },
  );

  app.get(
    '/api/v1/boxes/:id/notices',
    {
      schema: {
        summary: 'A box’s notices, newest first, each with its delivery on that box (sent, delivered, shown, read)',
        tags: ['notices'],
        params: IdParams,
        querystring: BoxNoticesQuery,
        response: withErrors({ 200: BoxNotices }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      if ((await ctx.stores.registry.getBox(id)) === undefined) throw notFound('box', id);
      const limit = (req.query as Static<typeof BoxNoticesQuery>).limit ?? 50;
      return { items: await ctx.stores.notices.forBox(id, limit) };
    },
  );

  app.get(
    '/api/v1/notices/:id',
    {
      schema: {
        summary: 'A notice with its delivery counts per state and per zone',
        tags: ['notices'],
        params: IdParams,
        response: withErrors({ 200: NoticeStatus }),
      },
    },
    async (req) => ctx.notices.status((req.params as Static<typeof IdParams>).id),
  );

  app.get(
    '/api/v1/notices/:id/deliveries',
    {
      schema: {
        summary: 'Per-box delivery of a notice (filter by state, e.g. the boxes still pending)',
        tags: ['notices'],
        params: IdParams,
        querystring: DeliveryQuery,
        response: withErrors({ 200: DeliveryPage }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      await ctx.notices.get(id);
      const q = req.query as Static<typeof DeliveryQuery>;
      const p = page(q);
      const r = await ctx.stores.notices.deliveries(id, {
        ...p,
        nowMs: ctx.clock.now(),
        ...(q.state ? { state: q.state as 'queued' } : {}),
      });
      return { ...r, ...p };
    },
  );

  app.post(
    '/api/v1/notices/:id/cancel',
    {
      config: operator,
      schema: {
        summary: 'Cancel: boxes that have not shown it drop it',
        tags: ['notices'],
        params: IdParams,
        body: CancelBody,
        response: withErrors({ 200: CancelledNotice }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const r = await ctx.notices.cancel(id, (req.body as Static<typeof CancelBody>).reason, actorName(req));
      return { ...(await ctx.notices.status(id)), withdrawn: r.withdrawn };
    },
  );
}
