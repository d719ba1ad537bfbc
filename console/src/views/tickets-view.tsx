import { useEffect, useState } from 'preact/hooks';
import type { TicketListItem, TicketPage } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatDuration, formatTime } from '../format';
import { translateValue } from '../i18n';
import { ApprovalsPanel } from './approvals-panel';
import { CallbacksPanel } from './callbacks-panel';
import { IncidentsPanel } from './incidents-panel';
import { OpenTicketForm } from './open-ticket-form';
import { TicketDetail } from './ticket-detail';
import { OPEN_STATUSES } from './ticket-types';
import { useNow } from './use-now';

const STATUSES = ['assigned', 'in_progress', 'paused', 'resolved', 'closed'];

/** The tickets board: filters, SLA countdowns with breaches highlighted, the selected ticket, incidents, callbacks. */
export function TicketsView(props: { selected: string | undefined }) {
  const { api, t, fail, lang, go } = useConsole();
  const [status, setStatus] = useState('');
  const [number, setNumber] = useState('');
  const [zone, setZone] = useState('');
  const [breached, setBreached] = useState(false);
  const [rows, setRows] = useState<{ items: readonly TicketListItem[]; at: number } | undefined>();
  const [version, setVersion] = useState(0);
  const now = useNow();
  const changed = () => setVersion((v) => v + 1);

  useEffect(() => {
    const q = new URLSearchParams({ limit: '200' });
    // The number a caller reads out from the TV finds the ticket at once (issue 17).
    if (/^\d{1,10}$/.test(number.trim())) q.set('number', number.trim());
    if (status) q.set('status', status);
    if (zone.trim()) q.set('zoneId', zone.trim());
    if (breached) q.set('breached', 'true');
    api
      .get<TicketPage>(`/api/v1/tickets?${q}`)
      .then((r) => setRows({ items: r.items, at: Date.now() }))
      .catch(fail);
  }, [api, fail, number, status, zone, breached, version]);

  return (
    <div class="tickets">
      <section>
        <h2>{t('tickets')}</h2>
        <form class="inline filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('ticketId')}
            <input
              name="number"
              inputMode="numeric"
              size={8}
              value={number}
              onInput={(e) => setNumber(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('filterStatus')}
            <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">{t('any')}</option>
              {STATUSES.map((s) => (
                <option value={s}>{translateValue(lang, 'ticketStatus', s)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('filterZone')}
            <input name="zone" value={zone} onChange={(e) => setZone(e.currentTarget.value)} />
          </label>
          <label>
            <input type="checkbox" name="breached" checked={breached} onChange={() => setBreached(!breached)} />
            {t('onlyBreached')}
          </label>
          <button type="button" onClick={changed}>
            {t('refresh')}
          </button>
        </form>
        <OpenTicketForm
          onOpened={(id) => {
            changed();
            go(`#/tickets/${id}`);
          }}
        />
        {rows === undefined ? (
          <p>{t('loading')}</p>
        ) : rows.items.length === 0 ? (
          <p>{t('noTickets')}</p>
        ) : (
          <table class="grid" data-testid="tickets">
            <thead>
              <tr>
                <th>{t('ticketId')}</th>
                <th>{t('severity')}</th>
                <th>{t('box')}</th>
                <th>{t('zone')}</th>
                <th>{t('owner')}</th>
                <th>{t('status')}</th>
                <th>{t('slaLeft')}</th>
                <th>{t('followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((r) => {
                const open = OPEN_STATUSES.includes(r.status);
                const left = r.status === 'paused' ? (r.remainingMs ?? 0) : (r.remainingMs ?? 0) - (now - rows.at);
                const late = r.breachCount > 0 || (open && left < 0);
                return (
                  <tr
                    key={r.id}
                    data-ticket={r.id}
                    class={`${late ? 'breached' : ''} ${r.id === props.selected ? 'selected' : ''}`}
                  >
                    <td>
                      <a href={`#/tickets/${r.id}`} title={r.id}>
                        {r.number}
                      </a>
                    </td>
                    <td>{translateValue(lang, 'severity', r.severity)}</td>
                    <td>{r.boxId || '—'}</td>
                    <td>{r.zoneId}</td>
                    <td>{r.owner}</td>
                    <td data-status={r.status}>{translateValue(lang, 'ticketStatus', r.status)}</td>
                    <td class="countdown">
                      {open ? formatDuration(left, lang) : formatTime(r.resolvedAtMs)}
                      {late && <strong class="badge">{t('breached')}</strong>}
                      {r.status === 'paused' && <span class="badge muted">{t('paused')}</span>}
                    </td>
                    <td>{translateValue(lang, 'followUp', r.followUp || 'none')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {props.selected !== undefined && <TicketDetail id={props.selected} version={version} onChanged={changed} />}
      <ApprovalsPanel version={version} onChanged={changed} />
      <IncidentsPanel version={version} onChanged={changed} />
      <CallbacksPanel version={version} onChanged={changed} />
    </div>
  );
}
