import { useEffect, useState } from 'preact/hooks';
import type { BoxNotice, BoxNotices, PublicBox, TicketListItem, TicketPage } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { NoticeLink } from './notice-link';
import { OnlineHistoryPanel } from './online-history-panel';
import { formatTime } from '../format';
import { translateValue } from '../i18n';

/**
 * One box (issue 18): whether it is online and what it runs, every notice sent to it with when
 * it reached the box, was shown and was read, and its tickets — "my TV never showed it"
 * answered from one page.
 */
export function BoxView(props: { id: string }) {
  const { api, t, fail, lang } = useConsole();
  const [data, setData] = useState<
    { box: PublicBox; notices: readonly BoxNotice[]; tickets: readonly TicketListItem[] } | undefined
  >();
  useEffect(() => {
    setData(undefined);
    const enc = encodeURIComponent(props.id);
    Promise.all([
      api.get<PublicBox>(`/api/v1/boxes/${enc}`),
      api.get<BoxNotices>(`/api/v1/boxes/${enc}/notices?limit=100`),
      api.get<TicketPage>(`/api/v1/tickets?boxId=${enc}&limit=50`),
    ])
      .then(([box, notices, tickets]) => setData({ box, notices: notices.items, tickets: tickets.items }))
      .catch(fail);
  }, [api, fail, props.id]);
  if (data === undefined) return <p>{t('loading')}</p>;
  const b = data.box;
  return (
    <section class="box-page" data-testid="box-page">
      <h2>
        {b.id} · <span data-online={b.online}>{b.online ? t('acctOnlineYes') : t('acctOnlineNo')}</span>
      </h2>
      <dl>
        <dt>{t('acctId')}</dt>
        <dd>
          <a href={`#/accounts/${encodeURIComponent(b.accountId)}`}>{b.accountId}</a> · {b.zoneId}
        </dd>
        <dt>{t('acctLastSeen')}</dt>
        <dd>{formatTime(b.lastSeenMs)}</dd>
        <dt>{t('acctModel')}</dt>
        <dd>{[b.model, b.firmware, b.appVersion].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('boxProvisioned')}</dt>
        <dd>{formatTime(b.provisionedAtMs)}</dd>
      </dl>
      <h3>{t('boxPresence')}</h3>
      <OnlineHistoryPanel id={b.id} />
      <h3>{t('boxNotices')}</h3>
      {data.notices.length === 0 ? (
        <p>{t('acctNone')}</p>
      ) : (
        <table class="grid" data-testid="box-notices">
          <thead>
            <tr>
              <th>{t('kind')}</th>
              <th>{t('title')}</th>
              <th>{t('acctIssued')}</th>
              <th>{t('acctDelivered')}</th>
              <th>{t('acctDisplayed')}</th>
              <th>{t('acctRead')}</th>
              <th>{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.notices.map(({ notice: n, delivery: d }) => (
              <tr key={n.id} data-notice={n.id} data-state={d.state}>
                <td>{translateValue(lang, 'kind', n.kind)}</td>
                <td>
                  <NoticeLink id={n.id} texts={n.texts} />
                </td>
                <td>{formatTime(d.queuedAtMs)}</td>
                <td>{formatTime(d.deliveredAtMs)}</td>
                <td>{formatTime(d.displayedAtMs)}</td>
                <td>{formatTime(d.readAtMs)}</td>
                <td>{translateValue(lang, 'state', d.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('acctTickets')}</h3>
      {data.tickets.length === 0 ? (
        <p>{t('acctNone')}</p>
      ) : (
        <ul>
          {data.tickets.map((k) => (
            <li key={k.id}>
              <a href={`#/tickets/${k.id}`}>{k.number}</a> {translateValue(lang, 'ticketStatus', k.status)} ·{' '}
              {k.summary} · {formatTime(k.openedAtMs)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
