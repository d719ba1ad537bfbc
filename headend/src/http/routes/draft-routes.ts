import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { newId } from '../../domain/ids';
import { HeadendError, notFound } from '../../errors';
import type { NoticeDraft } from '../../ports/draft-store';
import type { ApiContext } from '../api-context';
import { actorName } from '../auth';
import { Draft, DraftContent, DraftPage } from '../responses/draft-responses';
import { withErrors } from '../responses/error-responses';
import type { TypeBoxProvider } from '../typebox-provider';
import { IdParams, Ms, Paging } from '../schemas';

/** Drafts are read by every signed-in user (like notices); written by operators and supervisors. */
const staff = { roles: ['operator', 'supervisor'] as const };
const CreateBody = Type.Object({ content: DraftContent }, { additionalProperties: false });
const SaveBody = Type.Object(
  { content: DraftContent, updatedAtMs: Ms },
  { additionalProperties: false, description: 'updatedAtMs: the version this edit started from' },
);

/** The draft as the API answers it: its content as saved (checked against DraftContent then). */
const answer = (d: NoticeDraft): Static<typeof Draft> => ({ ...d, content: d.content as Static<typeof DraftContent> });

/**
 * Issue 18: notices an operator writes now and sends later (or another operator finishes).
 * Two operators saving one draft: the second is refused with its current version (409), never
 * silently overwritten. Sending (POST /api/v1/notices with draftId) deletes it in the same commit.
 */
export function draftRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const drafts = ctx.stores.drafts;
  /** A change to a draft and its audit entry, in one unit of work; false when the change found nothing to change. */
  const audited = (
    actor: string,
    action: string,
    id: string,
    atMs: number,
    change: (tx: ApiContext['stores']['drafts']) => Promise<boolean>,
  ) =>
    ctx.stores.transaction(async (tx) => {
      if (!(await change(tx.drafts))) return false;
      await tx.audit.append({ atMs, actor, action, subject: id, detail: {} });
      return true;
    });

  app.get(
    '/api/v1/notice-drafts',
    {
      schema: {
        summary: 'Notice drafts, last saved first',
        tags: ['notices'],
        querystring: Paging,
        response: withErrors({ 200: DraftPage }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof Paging>;
      const page = await drafts.list({ limit: q.limit ?? 50, offset: q.offset ?? 0 });
      return { items: page.items.map(answer), total: page.total };
    },
  );
  app.post(
    '/api/v1/notice-drafts',
    {
      config: staff,
      schema: {
        summary: 'Saves a new draft',
        tags: ['notices'],
        body: CreateBody,
        response: withErrors({ 201: Draft }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof CreateBody>;
      const now = ctx.clock.now();
      const by = actorName(req);
      const d: NoticeDraft = {
        id: newId('d', now),
        createdBy: by,
        createdAtMs: now,
        updatedBy: by,
        updatedAtMs: now,
        content: b.content,
      };
      await audited(by, 'notice.draft.created', d.id, now, async (s) => {
        await s.create(d);
        return true;
      });
      return reply.code(201).send(answer(d));
    },
  );
  app.get(
    '/api/v1/notice-drafts/:id',
    {
      schema: { summary: 'One draft', tags: ['notices'], params: IdParams, response: withErrors({ 200: Draft }) },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const d = await drafts.get(id);
      if (d === undefined) throw notFound('draft', id);
      return answer(d);
    },
  );
  app.put(
    '/api/v1/notice-drafts/:id',
    {
      config: staff,
      schema: {
        summary: 'Saves a draft over the version it was edited from; 409 with the current one if it changed',
        tags: ['notices'],
        params: IdParams,
        body: SaveBody,
        response: withErrors({ 200: Draft }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const b = req.body as Static<typeof SaveBody>;
      // A save in the same millisecond as the last one still moves the version on.
      const now = Math.max(ctx.clock.now(), b.updatedAtMs + 1);
      const by = actorName(req);
      const saved = await audited(by, 'notice.draft.saved', id, now, (d) =>
        d.update(id, b.content, by, now, b.updatedAtMs),
      );
      if (!saved) {
        const current = await drafts.get(id);
        if (current === undefined) throw notFound('draft', id);
        throw new HeadendError('CONFLICT', `draft ${id} was saved by ${current.updatedBy} meanwhile`, {
          updatedAtMs: current.updatedAtMs,
          updatedBy: current.updatedBy,
        });
      }
      const d = await drafts.get(id);
      if (d === undefined) throw notFound('draft', id);
      return answer(d);
    },
  );
  app.delete(
    '/api/v1/notice-drafts/:id',
    {
      config: staff,
      schema: {
        summary: 'Deletes a draft',
        tags: ['notices'],
        params: IdParams,
        response: withErrors({ 200: Type.Object({ deleted: Type.Literal(true) }) }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const deleted = await audited(actorName(req), 'notice.draft.deleted', id, ctx.clock.now(), (d) => d.delete(id));
      if (!deleted) throw notFound('draft', id);
      return { deleted: true as const };
    },
  );
}
