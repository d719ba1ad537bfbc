import { useState } from 'preact/hooks';
import type { DeliverySummary, NoticePage, NoticeTarget } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { NoticeLink } from './notice-link';
import { translateValue } from '../i18n';
import { formatTime } from '../format';
import { Pager } from './pager';
import { useSettledGet } from './use-settled-get';

/** A notice's target in a few words: its kind and the first few ids. */
export function targetLabel(target: NoticeTarget): string {
  if (target.type === 'all') return 'all';
  const list =
    target.type === 'zones' ? target.zoneIds : target.type === 'accounts' ? target.accountIds : target.boxIds;
  return `${target.type}: ${list.slice(0, 3).join(', ')}${list.length > 3 ? ' …' : ''}`;
}

/** Kinds an operator filters by (what the rules and operators send). */
const KINDS = [
  'ANNOUNCEMENT',
  'MAINTENANCE',
  'OUTAGE',
  'FEE_DUE',
  'SUSPENSION_WARNING',
  'SUSPENDED',
  'RESTORED',
  'TICKET_UPDATE',
  'SURVEY_REQUEST',
] as const;
const PAGE = 50;

/** How far a notice got: shown on screen out of its boxes (withdrawn ones said so, never "all delivered"). */
function Reach(props: { d: DeliverySummary }) {
  const { t } = useConsole();
  const { boxes, displayed, withdrawn } = props.d;
  if (boxes === 0) return <>—</>;
  const pct = Math.floor((displayed / boxes) * 100);
  return (
    <span data-displayed={displayed} data-boxes={boxes}>
      {t('noticeShown', { displayed, boxes, pct })}
      {withdrawn > 0 && <span class="badge muted">{t('noticeWithdrawnN', { withdrawn })}</span>}
    </span>
  );
}

/** Notices, newest first, found by words, kind and status, page by page; each opens its live delivery progress. */
export function NoticesView() {
  const { t, lang } = useConsole();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (text.trim()) q.set('q', text.trim());
  if (kind) q.set('kind', kind);
  if (status) q.set('status', status);
  const page = useSettledGet<NoticePage>(`/api/v1/notices?${q}`);
  const filter = (set: (v: string) => void) => (v: string) => {
    setOffset(0);
    set(v);
  };
  return (
    <section>
      <h2>{t('notices')}</h2>
      <form class="inline filters" data-testid="notice-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('noticeSearch')}
          <input name="q" value={text} onInput={(e) => filter(setText)(e.currentTarget.value)} />
        </label>
        <label>
          {t('kind')}
          <select name="kind" value={kind} onChange={(e) => filter(setKind)(e.currentTarget.value)}>
            <option value="">{t('any')}</option>
            {KINDS.map((k) => (
              <option value={k}>{translateValue(lang, 'kind', k)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('status')}
          <select name="status" value={status} onChange={(e) => filter(setStatus)(e.currentTarget.value)}>
            <option value="">{t('any')}</option>
            {['sent', 'cancelled'].map((v) => (
              <option value={v}>{translateValue(lang, 'noticeStatus', v)}</option>
            ))}
          </select>
        </label>
      </form>
      {page === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <table class="grid" data-testid="notices" data-total={page.total}>
          <thead>
            <tr>
              <th>{t('issuedAt')}</th>
              <th>{t('kind')}</th>
              <th>{t('title')}</th>
              <th>{t('target')}</th>
              <th>{t('status')}</th>
              <th>{t('noticeReach')}</th>
              <th>{t('createdBy')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((n) => (
              <tr key={n.id} data-notice={n.id}>
                <td>{formatTime(n.issuedAtMs)}</td>
                <td>{translateValue(lang, 'kind', n.kind)}</td>
                <td>
                  <NoticeLink id={n.id} texts={n.texts} />
                </td>
                <td>{targetLabel(n.target)}</td>
                <td data-status={n.status}>{translateValue(lang, 'noticeStatus', n.status)}</td>
                <td class="reach">
                  <Reach d={n.delivery} />
                </td>
                <td>{n.createdBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        offset={offset}
        size={PAGE}
        hasMore={page !== undefined && offset + PAGE < page.total}
        {...(page === undefined ? {} : { total: page.total })}
        onOffset={setOffset}
      />
    </section>
  );
}
