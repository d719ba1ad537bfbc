import type { Page } from './registry-store';

/**
 * A notice an operator is still writing (issue 18: drafts). What it holds is the compose
 * form as the console sends it, checked against the notice input's shape when it is saved
 * and in full only when it is sent.
 */
export interface NoticeDraft {
  readonly id: string;
  readonly createdBy: string;
  readonly createdAtMs: number;
  readonly updatedBy: string;
  /** Also its version: a save names the version it edited, so two operators cannot overwrite each other. */
  readonly updatedAtMs: number;
  readonly content: Record<string, unknown>;
}

export interface DraftStore {
  create(d: NoticeDraft): Promise<void>;
  get(id: string): Promise<NoticeDraft | undefined>;
  /** Most recently saved first. */
  list(o: { limit: number; offset: number }): Promise<Page<NoticeDraft>>;
  /**
   * Saves new content if the draft is still at version `expectedUpdatedAtMs`; false when it
   * changed or is gone meanwhile (the caller re-reads it).
   */
  update(
    id: string,
    content: Record<string, unknown>,
    by: string,
    atMs: number,
    expectedUpdatedAtMs: number,
  ): Promise<boolean>;
  /** False when it was gone already (deleted, or sent by someone else). */
  delete(id: string): Promise<boolean>;
}
