import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context';
import { formatTime } from '../format';
import { translateValue } from '../i18n';
import type { Approval, Approvals, Escalation, Escalations } from '@stb-notify/headend/api-types';

/**
 * The supervisor's desk (issue 16): requests waiting for a decision (T8 extensions, severity
 * after a breach, hand-made outages) and the escalation list (T10: breached or about to be).
 * Anyone signed in sees them; only a supervisor other than the requester can decide.
 */
export function ApprovalsPanel(props: { version: number; onChanged: () => void }) {
  const { api, t, fail, lang, actor } = useConsole();
  const [pending, setPending] = useState<readonly Approval[]>([]);
  const [escalations, setEscalations] = useState<readonly Escalation[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  // The desk is for staff: a read-only dashboard or the billing feed does not see it (the API refuses them too).
  const staff = actor.role === 'operator' || actor.role === 'maintainer' || actor.role === 'supervisor';
  useEffect(() => {
    if (!staff) return;
    Promise.all([api.get<Approvals>('/api/v1/approvals?status=pending'), api.get<Escalations>('/api/v1/escalations')])
      .then(([a, e]) => {
        setPending(a.items);
        setEscalations(e.items);
      })
      .catch(fail);
  }, [api, fail, props.version, staff]);
  if (!staff) return null;
  const decide = (id: string, decision: 'approve' | 'reject') =>
    api
      .post(`/api/v1/approvals/${encodeURIComponent(id)}/${decision}`, { note: notes[id] ?? '' })
      .then(props.onChanged)
      .catch(fail);
  // What the supervisor approves, in full: the new deadline, severity, pause, or the outage's zones, ETA and text.
  const what = (a: Approval): string => {
    const q = a.request;
    if (a.kind === 'extension') return `${a.subject} → ${formatTime(Number(q.dueAtMs))}`;
    if (a.kind === 'severity') return `${a.subject} → ${translateValue(lang, 'severity', String(q.severity))}`;
    if (a.kind === 'pause') {
      const missing = Array.isArray(q.missing) ? q.missing.join('、') : '';
      return `${a.subject} · ${translateValue(lang, 'pause', String(q.reason).replace(/-/g, '_'))}${missing ? ` · ${missing}` : ''}`;
    }
    const o = (q.outage ?? {}) as {
      zoneIds?: string[];
      etaMs?: number;
      texts?: Array<{ title: string; body: string }>;
    };
    const text = o.texts?.[0];
    return [(o.zoneIds ?? []).join(', '), o.etaMs ? formatTime(o.etaMs) : '', text ? `${text.title}：${text.body}` : '']
      .filter((x) => x !== '')
      .join(' · ');
  };
  return (
    <section class="approvals" data-testid="approvals">
      <h2>{t('approvals')}</h2>
      {pending.length === 0 && <p>{t('none')}</p>}
      {pending.map((a) => (
        <div class="inline" data-approval={a.id} key={a.id}>
          <strong>{translateValue(lang, 'approval', a.kind)}</strong>
          <span>{what(a)}</span>
          <span>
            {t('requestedBy')} {a.requestedBy} · {formatTime(a.requestedAtMs)} · {a.reason}
          </span>
          {actor.role === 'supervisor' && actor.staffNo !== a.requestedBy && (
            <>
              <input
                name="note"
                placeholder={t('note')}
                value={notes[a.id] ?? ''}
                onInput={(e) => setNotes({ ...notes, [a.id]: e.currentTarget.value })}
              />
              <button type="button" name="approve" class="primary" onClick={() => void decide(a.id, 'approve')}>
                {t('approve')}
              </button>
              <button type="button" name="reject" onClick={() => void decide(a.id, 'reject')}>
                {t('reject')}
              </button>
            </>
          )}
        </div>
      ))}
      <h2>{t('escalations')}</h2>
      {escalations.length === 0 && <p>{t('none')}</p>}
      <ul data-testid="escalations">
        {escalations.map((e) => (
          <li key={e.id} class={e.escalation === 'breached' ? 'rule refused' : 'hint'}>
            <a href={`#/tickets/${e.id}`}>{e.id}</a> · {e.zoneId} · {e.owner} · {formatTime(e.dueAtMs)} ·{' '}
            {translateValue(lang, 'escalation', e.escalation)}
          </li>
        ))}
      </ul>
    </section>
  );
}
