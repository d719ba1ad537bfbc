import { useEffect, useState } from 'preact/hooks';
import type { Approval, Ticket, TicketDetail as Detail } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatTime, fromLocalInput, readableDetail, toLocalInput } from '../format';
import { ApiError } from '../api-client';
import { translateValue } from '../i18n';
import { OPEN_STATUSES } from './ticket-types';
import { OwnerPicker } from './owner-picker';
import { DiagnosticsPanel } from './diagnostics-panel';

type Action = 'reply' | 'pause' | 'extend' | 'reassign' | 'resolve' | 'severity';

/** One ticket: its facts, its history, and the actions its state allows, each with its reason. */
export function TicketDetail(props: { id: string; version: number; onChanged: () => void }) {
  const { api, t, fail, lang } = useConsole();
  const [ticket, setTicket] = useState<Detail | undefined>();
  const [action, setAction] = useState<Action | undefined>();
  const [f, setF] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState(false);
  const path = `/api/v1/tickets/${encodeURIComponent(props.id)}`;
  useEffect(() => {
    api.get<Detail>(path).then(setTicket).catch(fail);
  }, [api, fail, path, props.version]);
  if (ticket === undefined) return <section class="ticket-detail">{t('loading')}</section>;

  const open = OPEN_STATUSES.includes(ticket.status);
  const done = () => {
    setAction(undefined);
    setF({});
    props.onChanged();
  };
  const run = (sub: string, body: unknown = {}) => api.post(`${path}/${sub}`, body).then(done).catch(fail);
  // T8: an extension, or a new severity once the ticket has missed a deadline, is a supervisor's decision.
  const ask = (body: Record<string, unknown>) =>
    api
      .post('/api/v1/approvals', { ticketId: ticket.id, ...body })
      .then(() => {
        setAsked(true);
        done();
      })
      .catch(fail);
  const field = (name: string, label: string, type = 'text') => (
    <label>
      {label}
      <input
        name={name}
        type={type}
        required
        value={f[name] ?? ''}
        onInput={(e) => setF({ ...f, [name]: e.currentTarget.value })}
      />
    </label>
  );
  const submit = (e: Event) => {
    e.preventDefault();
    if (action === 'reply') void run('reply', { message: f.message });
    if (action === 'pause') {
      const reason = f.pauseReason ?? 'waiting-on-customer';
      const missing = (f.missing ?? '')
        .split(/[,，、\n]/)
        .map((m) => m.trim())
        .filter((m) => m !== '');
      const body = { reason, ...(f.note ? { note: f.note } : {}), ...(missing.length > 0 ? { missing } : {}) };
      // T2/T3: a pause that restarts the limit is answered 202 with the approval it waits for.
      void api
        .post<Ticket | Approval>(`${path}/pause`, body)
        .then((r) => {
          if (r.kind === 'pause') setAsked(true);
          done();
        })
        .catch(fail);
    }
    if (action === 'extend') void ask({ kind: 'extension', dueAtMs: fromLocalInput(f.newDue ?? ''), reason: f.reason });
    if (action === 'reassign') void run('reassign', { to: f.to, reason: f.reason });
    if (action === 'resolve') void run('resolve', { resolution: f.resolution });
    if (action === 'severity') {
      // A later deadline, or any change after a breach, is a supervisor's decision: asked for when refused.
      const body = { severity: f.severity ?? ticket.severity, reason: f.reason };
      void api
        .post(`${path}/severity`, body)
        .then(done)
        .catch((err: unknown) =>
          err instanceof ApiError && err.code === 'APPROVAL_REQUIRED' ? ask({ kind: 'severity', ...body }) : fail(err),
        );
    }
  };

  return (
    <section class="ticket-detail" data-testid="ticket-detail">
      <h2>
        <span title={ticket.id}>{ticket.number}</span> · {translateValue(lang, 'ticketStatus', ticket.status)}
      </h2>
      <dl>
        <dt>{t('severity')}</dt>
        <dd>{translateValue(lang, 'severity', ticket.severity)}</dd>
        <dt>{t('box')}</dt>
        <dd>
          {ticket.boxId || '—'} · {ticket.accountId} · {ticket.zoneId}
        </dd>
        <dt>{t('owner')}</dt>
        <dd>{ticket.owner}</dd>
        <dt>{t('slaLeft')}</dt>
        <dd>
          {formatTime(ticket.dueAtMs)}
          {ticket.breachCount > 0 && (
            <strong class="badge">
              {t('breached')} ×{ticket.breachCount}
            </strong>
          )}
        </dd>
        <dt>{t('body')}</dt>
        <dd>{ticket.summary || ticket.symptom}</dd>
        {ticket.resolution && (
          <>
            <dt>{t('resolution')}</dt>
            <dd>{ticket.resolution}</dd>
          </>
        )}
      </dl>
      <DiagnosticsPanel diagnostics={ticket.diagnostics} limits={ticket.diagnosticLimits} />
      {asked && (
        <p class="hint" data-testid="asked">
          {t('sentForApproval')}
        </p>
      )}
      {open && (
        <div class="actions">
          {ticket.status === 'assigned' && (
            <button type="button" onClick={() => void run('start')}>
              {t('actStart')}
            </button>
          )}
          <button type="button" onClick={() => setAction('reply')}>
            {t('actReply')}
          </button>
          {ticket.status === 'paused' ? (
            <button type="button" onClick={() => void run('resume')}>
              {t('actResume')}
            </button>
          ) : (
            <button type="button" onClick={() => setAction('pause')}>
              {t('actPause')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setF({ newDue: toLocalInput(ticket.dueAtMs + 8 * 3_600_000) });
              setAction('extend');
            }}
          >
            {t('actExtend')}
          </button>
          {ticket.kind === 'repair' && (
            <button type="button" onClick={() => setAction('severity')}>
              {t('actSeverity')}
            </button>
          )}
          <button type="button" onClick={() => setAction('reassign')}>
            {t('actReassign')}
          </button>
          <button type="button" class="primary" onClick={() => setAction('resolve')}>
            {t('actResolve')}
          </button>
        </div>
      )}
      {action !== undefined && (
        <form class="action-form" onSubmit={submit} data-action={action}>
          {action === 'reply' && field('message', t('message'))}
          {action === 'pause' && (
            <>
              <label>
                {t('pauseReason')}
                <select
                  name="pauseReason"
                  value={f.pauseReason ?? 'waiting-on-customer'}
                  onChange={(e) => setF({ ...f, pauseReason: e.currentTarget.value })}
                >
                  <option value="waiting-on-customer">{t('pause_waiting_on_customer')}</option>
                  <option value="waiting-on-materials">{t('pause_waiting_on_materials')}</option>
                  <option value="force-majeure">{t('pause_force_majeure')}</option>
                </select>
              </label>
              <label>
                {t('note')}
                <input
                  name="note"
                  required
                  value={f.note ?? ''}
                  onInput={(e) => setF({ ...f, note: e.currentTarget.value })}
                />
              </label>
              {f.pauseReason === 'waiting-on-materials' && (
                <label>
                  {t('missingMaterials')}
                  <input
                    name="missing"
                    required
                    value={f.missing ?? ''}
                    onInput={(e) => setF({ ...f, missing: e.currentTarget.value })}
                  />
                </label>
              )}
              {(f.pauseReason === 'waiting-on-materials' || f.pauseReason === 'force-majeure') && (
                <p class="hint">{t('pauseNeedsApproval')}</p>
              )}
            </>
          )}
          {action === 'extend' && (
            <>
              {field('newDue', t('newDue'), 'datetime-local')}
              {field('reason', t('reason'))}
              <p class="hint">{t('needsApproval')}</p>
            </>
          )}
          {action === 'reassign' && (
            <>
              <OwnerPicker value={f.to ?? ''} current={ticket.owner} onChange={(to) => setF({ ...f, to })} />
              {field('reason', t('reason'))}
            </>
          )}
          {action === 'resolve' && field('resolution', t('resolution'))}
          {action === 'severity' && (
            <>
              <label>
                {t('severity')}
                <select
                  name="severity"
                  value={f.severity ?? ticket.severity}
                  onChange={(e) => setF({ ...f, severity: e.currentTarget.value })}
                >
                  {['urgent', 'ordinary', 'complex'].map((v) => (
                    <option value={v}>{translateValue(lang, 'severity', v)}</option>
                  ))}
                </select>
              </label>
              {field('reason', t('reason'))}
            </>
          )}
          <button type="submit" class="primary">
            {t('confirm')}
          </button>
          <button type="button" onClick={() => setAction(undefined)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <h3>{t('history')}</h3>
      <ol class="history">
        {ticket.events.map((e) => (
          <li>
            <time>{formatTime(e.atMs)}</time>{' '}
            <strong data-event={e.type}>{translateValue(lang, 'event', e.type)}</strong>{' '}
            <span class="hint">{e.actor}</span> {readableDetail(e.detail, lang)}
          </li>
        ))}
      </ol>
    </section>
  );
}
