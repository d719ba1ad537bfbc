import type { Selectable } from 'kysely';
import type { DraftStore, NoticeDraft } from '../../ports/draft-store';
import type { Page } from '../../ports/registry-store';
import type { NoticeDraftsTable } from './schema';
import type { SqlContext } from './sql-context';

function toDraft(r: Selectable<NoticeDraftsTable>): NoticeDraft {
  return {
    id: r.id,
    createdBy: r.created_by,
    createdAtMs: Number(r.created_at_ms),
    updatedBy: r.updated_by,
    updatedAtMs: Number(r.updated_at_ms),
    content: JSON.parse(r.content_json) as Record<string, unknown>,
  };
}

/** Notice drafts (issue 18), one row each; a send deletes its draft in the send's unit of work. */
export class SqlDraftStore implements DraftStore {
  constructor(private readonly ctx: SqlContext) {}

  async create(d: NoticeDraft): Promise<void> {
    await this.ctx.db
      .insertInto('notice_drafts')
      .values({
        id: d.id,
        created_by: d.createdBy,
        created_at_ms: d.createdAtMs,
        updated_by: d.updatedBy,
        updated_at_ms: d.updatedAtMs,
        content_json: JSON.stringify(d.content),
      })
      .execute();
  }

  async get(id: string): Promise<NoticeDraft | undefined> {
    const r = await this.ctx.db.selectFrom('notice_drafts').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toDraft(r);
  }

  async list(o: { limit: number; offset: number }): Promise<Page<NoticeDraft>> {
    const rows = await this.ctx.db
      .selectFrom('notice_drafts')
      .selectAll()
      .orderBy('updated_at_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(o.limit)
      .offset(o.offset)
      .execute();
    const { n } = await this.ctx.db
      .selectFrom('notice_drafts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toDraft), total: Number(n) };
  }

  async update(
    id: string,
    content: Record<string, unknown>,
    by: string,
    atMs: number,
    expectedUpdatedAtMs: number,
  ): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('notice_drafts')
      .set({ content_json: JSON.stringify(content), updated_by: by, updated_at_ms: atMs })
      .where('id', '=', id)
      .where('updated_at_ms', '=', expectedUpdatedAtMs)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.ctx.db.deleteFrom('notice_drafts').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
