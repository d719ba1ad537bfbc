import { useEffect, useState } from 'preact/hooks';
import type { Draft, DraftPage } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatTime } from '../format';
import { translateValue } from '../i18n';

/** The drafts every operator can finish (issue 18), last saved first; opening one fills the form. */
export function DraftsPanel(props: { current: string | undefined; onOpen: (d: Draft) => void; version: number }) {
  const { api, t, fail, lang } = useConsole();
  const [page, setPage] = useState<DraftPage | undefined>();
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api.get<DraftPage>('/api/v1/notice-drafts?limit=20').then(setPage).catch(fail);
  }, [api, fail, reload, props.version]);
  if (page === undefined || page.items.length === 0) return null;
  const remove = (d: Draft): void => {
    api
      .request('DELETE', `/api/v1/notice-drafts/${encodeURIComponent(d.id)}`)
      .then(() => setReload((n) => n + 1))
      .catch(fail);
  };
  return (
    <details class="drafts" data-testid="drafts" open>
      <summary>{t('draftsTitle', { n: page.total })}</summary>
      <ul>
        {page.items.map((d) => (
          <li key={d.id} data-draft={d.id} data-current={d.id === props.current}>
            <button type="button" onClick={() => props.onOpen(d)}>
              {d.content.texts?.[0]?.title || t('draftUntitled')}
            </button>{' '}
            {d.content.kind === undefined ? '' : translateValue(lang, 'kind', d.content.kind)} ·{' '}
            {t('draftSavedBy', { who: d.updatedBy, when: formatTime(d.updatedAtMs) })}{' '}
            <button type="button" class="link" onClick={() => remove(d)}>
              {t('draftDelete')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "Save as draft", and when the open draft was last saved. */
export function SaveDraft(props: { busy: boolean; draft: Draft | undefined; onSave: () => void }) {
  const { t } = useConsole();
  return (
    <>
      <button type="button" name="save-draft" disabled={props.busy} onClick={props.onSave}>
        {t('draftSave')}
      </button>{' '}
      {props.draft !== undefined && (
        <span class="hint" data-testid="draft-saved" data-draft={props.draft.id}>
          {t('draftSaved')} · {formatTime(props.draft.updatedAtMs)}
        </span>
      )}
    </>
  );
}
