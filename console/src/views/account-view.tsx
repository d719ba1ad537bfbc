import { useEffect, useState } from 'preact/hooks';
import type {
  AccountDetail as Account,
  Delivery,
  NoticeListItem,
  NoticePage,
  Payment,
  Payments,
  Suspension,
  SuspensionProof as Proof,
  Suspensions,
  TicketListItem,
  TicketPage,
} from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { NoticeLink } from './notice-link';
import { formatTime } from '../format';
import { translateValue } from '../i18n';

const HOUR = 3_600_000;
const yuan = (minor: number) => (minor / 100).toFixed(2);

/** N2 (issue 18): per box, when the warning went out, reached the box and was on screen — exportable for a regulator. */
function SuspensionProof(props: { s: Suspension }) {
  const { api, t, fail, lang } = useConsole();
  const { s } = props;
  const [rows, setRows] = useState<readonly Delivery[] | undefined>();
  useEffect(() => {
    api
      .get<Proof>(`/api/v1/suspensions/${s.id}/proof`)
      .then((p) => setRows(p.boxes))
      .catch(fail);
  }, [api, fail, s.id]);
  return (
    <div class="proof" data-testid="proof" data-suspension={s.id}>
      <p>
        <strong>{translateValue(lang, 'suspensionState', s.state)}</strong> · {t('acctWarnedAt')}{' '}
        {formatTime(s.warnedAtMs)} · {t('acctSuspendAt')} {formatTime(s.suspendAtMs)} · {t('acctArrears')}{' '}
        {yuan(s.amountMinor)} · {t('acctPaid')} {yuan(s.paidMinor)}{' '}
        <button
          type="button"
          data-testid="export-proof"
          onClick={() =>
            void api.download(`/api/v1/suspensions/${s.id}/proof?format=csv`, `n2-proof-${s.id}.csv`).catch(fail)
          }
        >
          {t('acctExportProof')}
        </button>
      </p>
      {rows !== undefined && (
        <table class="grid">
          <thead>
            <tr>
              <th>{t('box')}</th>
              <th>{t('acctIssued')}</th>
              <th>{t('acctDelivered')}</th>
              <th>{t('acctDisplayed')}</th>
              <th>{t('acctRead')}</th>
              <th>{t('acctLead')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const lead = s.suspendAtMs - r.queuedAtMs;
              const met = r.queuedAtMs > 0 && lead >= 24 * HOUR;
              return (
                <tr key={r.boxId} data-box={r.boxId}>
                  <td>{r.boxId}</td>
                  <td>{formatTime(r.queuedAtMs)}</td>
                  <td>{formatTime(r.deliveredAtMs)}</td>
                  <td data-displayed={r.displayedAtMs > 0}>{formatTime(r.displayedAtMs)}</td>
                  <td>{formatTime(r.readAtMs)}</td>
                  <td class={met ? '' : 'miss'} data-met={met}>
                    {r.queuedAtMs > 0 ? `${(lead / HOUR).toFixed(1)} h ${met ? '✔' : '✘'}` : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * One subscriber's account (issue 18): its boxes (online now, last seen, model, firmware), its
 * suspensions with the N2 proof, payments of the last 12 months (N6), the notices sent to it
 * and its boxes' tickets — what an operator needs when the subscriber calls.
 */
export function AccountView(props: { id: string | undefined }) {
  const { api, t, fail, lang, go } = useConsole();
  const [query, setQuery] = useState(props.id ?? '');
  const [data, setData] = useState<
    | {
        account: Account;
        suspensions: readonly Suspension[];
        payments: readonly Payment[];
        notices: readonly NoticeListItem[];
        tickets: readonly TicketListItem[];
      }
    | undefined
  >();
  useEffect(() => {
    setData(undefined);
    const id = props.id;
    if (id === undefined) return;
    const enc = encodeURIComponent(id);
    void (async () => {
      const account = await api.get<Account>(`/api/v1/accounts/${enc}`);
      const [suspensions, payments, notices, tickets] = await Promise.all([
        api.get<Suspensions>(`/api/v1/accounts/${enc}/suspensions`),
        api.get<Payments>(`/api/v1/accounts/${enc}/payments`),
        api.get<NoticePage>(`/api/v1/notices?accountId=${enc}&limit=20`),
        Promise.all(
          account.boxes.map((b) => api.get<TicketPage>(`/api/v1/tickets?boxId=${encodeURIComponent(b.id)}&limit=20`)),
        ),
      ]);
      setData({
        account,
        suspensions: suspensions.items,
        payments: payments.items,
        notices: notices.items,
        tickets: tickets.flatMap((x) => x.items).sort((a, b) => b.openedAtMs - a.openedAtMs),
      });
    })().catch(fail);
  }, [api, fail, props.id]);

  const a = data?.account;
  return (
    <section class="account" data-testid="account">
      <form
        class="inline filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) go(`#/accounts/${encodeURIComponent(query.trim())}`);
        }}
      >
        <label>
          {t('acctId')}
          <input name="account" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('acctOpen')}</button>
      </form>
      {props.id !== undefined && a === undefined && <p>{t('loading')}</p>}
      {data !== undefined && a !== undefined && (
        <>
          <h2>
            {a.name} <span class="hint">{a.id}</span> ·{' '}
            <span data-testid="account-status">{translateValue(lang, 'accountStatus', a.status)}</span>
          </h2>
          <h3>{t('acctBoxes')}</h3>
          <table class="grid" data-testid="account-boxes">
            <thead>
              <tr>
                <th>{t('box')}</th>
                <th>{t('zone')}</th>
                <th>{t('acctOnline')}</th>
                <th>{t('acctLastSeen')}</th>
                <th>{t('acctModel')}</th>
              </tr>
            </thead>
            <tbody>
              {a.boxes.map((b) => (
                <tr key={b.id} data-box={b.id}>
                  <td>
                    <a href={`#/boxes/${encodeURIComponent(b.id)}`}>{b.id}</a>
                  </td>
                  <td>{b.zoneId}</td>
                  <td data-online={b.online}>{b.online ? t('acctOnlineYes') : t('acctOnlineNo')}</td>
                  <td>{formatTime(b.lastSeenMs)}</td>
                  <td>{[b.model, b.firmware].filter(Boolean).join(' · ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('acctSuspensions')}</h3>
          {data.suspensions.length === 0 ? (
            <p>{t('acctNone')}</p>
          ) : (
            data.suspensions.map((s) => <SuspensionProof key={s.id} s={s} />)
          )}
          <h3>{t('acctPayments')}</h3>
          {data.payments.length === 0 ? (
            <p>{t('acctNone')}</p>
          ) : (
            <table class="grid" data-testid="account-payments">
              <tbody>
                {data.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{formatTime(p.paidAtMs)}</td>
                    <td>¥{yuan(p.amountMinor)}</td>
                    <td>{p.invoiceId || '—'}</td>
                    <td>{p.method}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('acctNotices')}</h3>
          {data.notices.length === 0 ? (
            <p>{t('acctNone')}</p>
          ) : (
            <table class="grid" data-testid="account-notices">
              <tbody>
                {data.notices.map((n) => (
                  <tr key={n.id}>
                    <td>{formatTime(n.issuedAtMs)}</td>
                    <td>{translateValue(lang, 'kind', n.kind)}</td>
                    <td>
                      <NoticeLink id={n.id} texts={n.texts} />
                    </td>
                    <td>{translateValue(lang, 'noticeStatus', n.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('acctTickets')}</h3>
          {data.tickets.length === 0 ? (
            <p>{t('acctNone')}</p>
          ) : (
            <table class="grid" data-testid="account-tickets">
              <tbody>
                {data.tickets.map((k) => (
                  <tr key={k.id}>
                    <td>
                      <a href={`#/tickets/${k.id}`}>{k.number}</a>
                    </td>
                    <td>{k.boxId}</td>
                    <td>{translateValue(lang, 'ticketStatus', k.status)}</td>
                    <td>{k.summary}</td>
                    <td>{formatTime(k.openedAtMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
