import { useState } from 'preact/hooks';
import type { AuditPage } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatTime, fromLocalInput, readableDetail } from '../format';
import { translateValue } from '../i18n';
import { Pager } from './pager';
import { useSettledGet } from './use-settled-get';

/** What the headend records (see the audit.append calls); the filter offers them by name. */
const ACTIONS = [
  'notice.sent',
  'notice.cancelled',
  'approval.requested',
  'approval.approved',
  'approval.rejected',
  'suspension.scheduled',
  'suspension.rescheduled',
  'suspension.executed',
  'payment.received',
  'service.restored',
  'invoice.due',
  'staff.added',
  'staff.left',
  'token.created',
  'token.revoked',
  'zone.saved',
  'zone.maintainer',
  'registry.imported',
  'box.provisioned',
  'boxes.provisioned',
  'keys.rotated',
] as const;
const PAGE = 50;

/** A subject the console has a page for links to it. */
function SubjectLink(props: { subject: string }) {
  const s = props.subject;
  if (/^t-/.test(s)) return <a href={`#/tickets/${s}`}>{s}</a>;
  if (/^n-/.test(s)) return <a href={`#/notices/${s}`}>{s}</a>;
  return <>{s}</>;
}

/** The audit log (issue 18): who did what, when and why — filtered by person, action, subject and period, page by page. */
export function AuditView() {
  const { t, lang } = useConsole();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [subject, setSubject] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [offset, setOffset] = useState(0);
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (actor.trim()) q.set('actor', actor.trim());
  if (action) q.set('action', action);
  if (subject.trim()) q.set('subject', subject.trim());
  const from = fromLocalInput(since);
  const to = fromLocalInput(until);
  if (Number.isFinite(from)) q.set('sinceMs', String(from));
  if (Number.isFinite(to)) q.set('untilMs', String(to));
  const page = useSettledGet<AuditPage>(`/api/v1/audit?${q}`);

  // A new filter starts again at the newest entry.
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setOffset(0);
      set(v);
    };

  return (
    <section>
      <h2>{t('navAudit')}</h2>
      <form class="inline filters" data-testid="audit-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('auditActor')}
          <input name="actor" value={actor} onInput={(e) => filter(setActor)(e.currentTarget.value)} />
        </label>
        <label>
          {t('auditAction')}
          <select name="action" value={action} onChange={(e) => filter(setAction)(e.currentTarget.value)}>
            <option value="">{t('any')}</option>
            {ACTIONS.map((a) => (
              <option value={a}>{translateValue(lang, 'action', a.replace('.', '_'))}</option>
            ))}
          </select>
        </label>
        <label>
          {t('auditSubject')}
          <input name="subject" value={subject} onInput={(e) => filter(setSubject)(e.currentTarget.value)} />
        </label>
        <label>
          {t('auditSince')}
          <input
            type="datetime-local"
            name="since"
            value={since}
            onChange={(e) => filter(setSince)(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('auditUntil')}
          <input
            type="datetime-local"
            name="until"
            value={until}
            onChange={(e) => filter(setUntil)(e.currentTarget.value)}
          />
        </label>
      </form>
      {page === undefined ? (
        <p>{t('loading')}</p>
      ) : page.items.length === 0 ? (
        <p data-testid="audit-empty">{t('auditNone')}</p>
      ) : (
        <table class="grid" data-testid="audit">
          <thead>
            <tr>
              <th>{t('auditAt')}</th>
              <th>{t('auditActor')}</th>
              <th>{t('auditAction')}</th>
              <th>{t('auditSubject')}</th>
              <th>{t('auditDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((e, i) => (
              <tr key={`${offset + i}|${e.atMs}|${e.actor}|${e.action}|${e.subject}`} data-action={e.action}>
                <td>{formatTime(e.atMs)}</td>
                <td>{e.actor}</td>
                <td class="nowrap">{translateValue(lang, 'action', e.action.replace('.', '_'))}</td>
                <td>
                  <SubjectLink subject={e.subject} />
                </td>
                <td class="detail">{readableDetail(e.detail, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} size={PAGE} hasMore={page?.more === true} onOffset={setOffset} />
    </section>
  );
}
