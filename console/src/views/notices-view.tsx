import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context';
import { translateValue } from '../i18n';
import { formatTime } from '../format';

interface NoticeRow {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly issuedAtMs: number;
  readonly createdBy: string;
  readonly target: {
    readonly type: string;
    readonly zoneIds?: string[];
    readonly accountIds?: string[];
    readonly boxIds?: string[];
  };
  readonly texts: readonly { readonly lang: string; readonly title: string }[];
}

export function targetLabel(target: NoticeRow['target']): string {
  const list = target.zoneIds ?? target.accountIds ?? target.boxIds ?? [];
  return target.type === 'all' ? 'all' : `${target.type}: ${list.slice(0, 3).join(', ')}${list.length > 3 ? ' …' : ''}`;
}

/** Notices, newest first; each opens its live delivery progress. */
export function NoticesView() {
  const { api, t, fail, lang } = useConsole();
  const [rows, setRows] = useState<NoticeRow[] | undefined>();
  useEffect(() => {
    api
      .get<{ items: NoticeRow[] }>('/api/v1/notices?limit=100')
      .then((r) => setRows(r.items))
      .catch(fail);
  }, [api, fail]);
  if (rows === undefined) return <p>{t('loading')}</p>;
  return (
    <section>
      <h2>{t('notices')}</h2>
      <table class="grid" data-testid="notices">
        <thead>
          <tr>
            <th>{t('issuedAt')}</th>
            <th>{t('kind')}</th>
            <th>{t('title')}</th>
            <th>{t('target')}</th>
            <th>{t('status')}</th>
            <th>{t('createdBy')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.id}>
              <td>{formatTime(n.issuedAtMs)}</td>
              <td>{translateValue(lang, 'kind', n.kind)}</td>
              <td>
                <a href={`#/notices/${n.id}`}>{(n.texts.find((x) => x.lang === lang) ?? n.texts[0])?.title ?? n.id}</a>
              </td>
              <td>{targetLabel(n.target)}</td>
              <td data-status={n.status}>{translateValue(lang, 'noticeStatus', n.status)}</td>
              <td>{n.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
