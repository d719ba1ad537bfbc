import { useEffect, useState } from 'preact/hooks';
import type {
  Draft,
  NoticeStatus,
  PlannedMaintenance,
  Reach,
  RuleVerdict,
  Suspension,
} from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatTime, fromLocalInput, splitIds, toLocalInput } from '../format';
import { TvPreview } from './tv-preview';
import { useDraftTexts } from './use-draft-texts';
import { useRuleCheck } from './rule-check';
import { SendReview } from './send-review';
import { ZonePicker } from './zone-picker';
import { draftOf, fieldsOf, reachTargetOf, ruleTextRequest } from './compose-draft';
import type { ComposeFields, Display, Kind, TargetType } from './compose-draft';
import { DraftsPanel, SaveDraft } from './drafts-panel';
import { useNoticeDraft } from './use-notice-draft';

const KINDS: readonly Kind[] = ['MAINTENANCE', 'OUTAGE', 'ANNOUNCEMENT', 'SUSPENSION'];
const HOUR = 3_600_000;

/** What each kind is shown as on the box (the rules decide; announcements choose). */
const RULE_DISPLAY: Record<Exclude<Kind, 'ANNOUNCEMENT'>, Display> = {
  MAINTENANCE: 'BANNER',
  OUTAGE: 'BANNER',
  SUSPENSION: 'FULLSCREEN',
};

/** Compose: kind, target, schedule checked against N2/N4 before sending, zh/en texts, TV preview. */
export function ComposeView() {
  const { api, t, fail, go, lang, actor } = useConsole();
  const [kind, setKind] = useState<Kind>('MAINTENANCE');
  const [targetType, setTargetType] = useState<TargetType>('zones');
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [ids, setIds] = useState('');
  const [startsAt, setStartsAt] = useState(toLocalInput(Date.now() + 49 * HOUR));
  const [endsAt, setEndsAt] = useState(toLocalInput(Date.now() + 53 * HOUR));
  const [suspendAt, setSuspendAt] = useState(toLocalInput(Date.now() + 25 * HOUR));
  const [eta, setEta] = useState('');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [texts, setTexts] = useState({ zhTitle: '', zhBody: '', enTitle: '', enBody: '' });
  const [display, setDisplay] = useState<Display>('BANNER');
  const [priority, setPriority] = useState('NORMAL');
  const [previewLang, setPreviewLang] = useState(lang);
  const [busy, setBusy] = useState(false);
  const drafts = useNoticeDraft();
  const when = { startsAt, endsAt, suspendAt, eta };
  const fields: ComposeFields = { kind, targetType, zoneIds, ids, ...when, reason, amount, texts, display, priority };
  /** Issue 18: a draft (this operator's or another's) fills the form; saving then edits it. */
  function openDraft(d: Draft): void {
    drafts.open(d);
    const f = fieldsOf(d.content, fields);
    setKind(f.kind);
    setTargetType(f.targetType);
    setZoneIds([...f.zoneIds]);
    setIds(f.ids);
    setStartsAt(f.startsAt);
    setEndsAt(f.endsAt);
    setSuspendAt(f.suspendAt);
    setEta(f.eta);
    setReason(f.reason);
    setAmount(f.amount);
    setTexts(f.texts);
    setDisplay(f.display);
    setPriority(f.priority);
  }
  /** The recipients counted for review; any change to the notice asks for a new review. */
  const [review, setReview] = useState<Reach | undefined>();
  useEffect(
    () => setReview(undefined),
    [kind, targetType, zoneIds, ids, texts, startsAt, endsAt, suspendAt, eta, reason, amount, display, priority],
  );

  // Maintenance and outages go to zones, a suspension to one account; announcements anywhere.
  useEffect(() => {
    if (kind === 'MAINTENANCE' || kind === 'OUTAGE') setTargetType('zones');
    if (kind === 'SUSPENSION') setTargetType('accounts');
  }, [kind]);

  const checkPath =
    kind === 'MAINTENANCE'
      ? '/api/v1/maintenance/check'
      : kind === 'SUSPENSION'
        ? '/api/v1/billing/suspension-check'
        : undefined;
  const checkAt = fromLocalInput(kind === 'MAINTENANCE' ? startsAt : suspendAt);
  const verdict = useRuleCheck(api, checkPath, checkAt, fail);

  const textList = [
    ...(texts.zhTitle ? [{ lang: 'zh-CN', title: texts.zhTitle, body: texts.zhBody }] : []),
    ...(texts.enTitle ? [{ lang: 'en', title: texts.enTitle, body: texts.enBody }] : []),
  ];
  const textsOptional = kind !== 'ANNOUNCEMENT';
  const targetOk = targetType === 'all' || (targetType === 'zones' ? zoneIds.length > 0 : splitIds(ids).length > 0);
  const ready =
    targetOk &&
    (textsOptional || texts.zhTitle !== '') &&
    (checkPath === undefined || verdict?.allowed === true) &&
    (!(kind === 'MAINTENANCE' || kind === 'OUTAGE') || reason.trim() !== '') &&
    (kind !== 'SUSPENSION' || amount !== '');

  const reachTarget = () => reachTargetOf(fields);

  function run(step: () => Promise<void>): void {
    setBusy(true);
    step()
      .catch(fail)
      .finally(() => setBusy(false));
  }

  async function send(): Promise<void> {
    const withTexts = textList.length > 0 ? { texts: textList } : {};
    // Its draft is deleted in the send's own commit (any kind): one draft is never sent twice.
    const withDraft = drafts.draft === undefined ? {} : { draftId: drafts.draft.id };
    let noticeId: string;
    if (kind === 'MAINTENANCE') {
      const planned = await api.post<PlannedMaintenance>('/api/v1/maintenance', {
        zoneIds,
        startsAtMs: fromLocalInput(startsAt),
        endsAtMs: fromLocalInput(endsAt),
        reason: reason.trim(),
        ...withTexts,
        ...withDraft,
      });
      noticeId = planned.notice.id;
    } else if (kind === 'OUTAGE') {
      const etaMs = fromLocalInput(eta);
      // N4: an outage made by hand is a supervisor's decision; it goes out when approved.
      await api.post('/api/v1/outages', {
        zoneIds,
        reason: reason.trim(),
        ...(Number.isFinite(etaMs) ? { etaMs } : {}),
        ...withTexts,
        ...withDraft,
      });
      drafts.done();
      go('#/tickets');
      return;
    } else if (kind === 'SUSPENSION') {
      const s = await api.post<Suspension>('/api/v1/billing/overdue', {
        accountId: splitIds(ids)[0],
        amountMinor: Math.round(Number(amount) * 100),
        currency: 'CNY',
        suspendAtMs: fromLocalInput(suspendAt),
        ...withDraft,
      });
      noticeId = s.warningNoticeId;
    } else {
      // The same target the review counted.
      const sent = await api.post<NoticeStatus>('/api/v1/notices', {
        kind,
        target: reachTarget(),
        texts: textList,
        display,
        priority,
        ...withDraft,
      });
      noticeId = sent.notice.id;
    }
    drafts.done();
    go(`#/notices/${noticeId}`);
  }

  const shownDisplay = kind === 'ANNOUNCEMENT' ? display : RULE_DISPLAY[kind];
  const startsAtMs = fromLocalInput(startsAt);
  const endsAtMs = fromLocalInput(endsAt);
  // Left empty, a rule-written notice gets the rule's texts: the preview shows those very texts.
  const drafted = useDraftTexts(textsOptional && textList.length === 0 ? ruleTextRequest(fields) : undefined);
  const previewTexts =
    textList.length > 0
      ? textList
      : (drafted ?? [{ lang: 'zh-CN', title: t(`kind_${kind}`), body: textsOptional ? t('previewAuto') : '' }]);

  return (
    <form
      class="compose"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready || busy || review !== undefined) return;
        // Issue 18: nothing goes out on one click — first the recipients, counted now, then confirm.
        run(async () => setReview(await api.post<Reach>('/api/v1/notices/reach', { target: reachTarget() })));
      }}
    >
      <section class="compose-fields">
        <DraftsPanel current={drafts.draft?.id} onOpen={openDraft} version={drafts.draft?.updatedAtMs ?? 0} />
        <fieldset>
          <legend>{t('kind')}</legend>
          {KINDS.map((k) => (
            <label class="radio">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`kind_${k}`)}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('target')}</legend>
          {kind === 'ANNOUNCEMENT' &&
            (['all', 'zones', 'accounts', 'boxes'] as const).map((tt) => (
              <label class="radio">
                <input
                  type="radio"
                  name="target"
                  value={tt}
                  checked={targetType === tt}
                  onChange={() => setTargetType(tt)}
                />
                {t(`target_${tt}`)}
              </label>
            ))}
          {targetType === 'zones' && <ZonePicker chosen={zoneIds} onChange={setZoneIds} />}
          {(targetType === 'accounts' || targetType === 'boxes') && (
            <label>
              {t(targetType === 'accounts' ? 'target_accounts' : 'target_boxes')}
              <textarea name="ids" rows={2} value={ids} onInput={(e) => setIds(e.currentTarget.value)} />
              <span class="hint">{t('idsHint')}</span>
            </label>
          )}
        </fieldset>

        {kind === 'MAINTENANCE' && (
          <fieldset>
            <legend>{t('kind_MAINTENANCE')}</legend>
            <label>
              {t('startsAt')}
              <input
                name="startsAt"
                type="datetime-local"
                value={startsAt}
                onInput={(e) => setStartsAt(e.currentTarget.value)}
              />
            </label>
            <label>
              {t('endsAt')}
              <input
                name="endsAt"
                type="datetime-local"
                value={endsAt}
                onInput={(e) => setEndsAt(e.currentTarget.value)}
              />
            </label>
            <label>
              {t('reason')}
              <input name="reason" value={reason} maxLength={256} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          </fieldset>
        )}
        {kind === 'OUTAGE' && (
          <fieldset>
            <legend>{t('kind_OUTAGE')}</legend>
            <label>
              {t('eta')}
              <input name="eta" type="datetime-local" value={eta} onInput={(e) => setEta(e.currentTarget.value)} />
            </label>
            <label>
              {t('reason')}
              <input name="reason" value={reason} maxLength={256} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            <p class="hint">{t('outageNeedsApproval')}</p>
          </fieldset>
        )}
        {kind === 'SUSPENSION' && (
          <fieldset>
            <legend>{t('kind_SUSPENSION')}</legend>
            <label>
              {t('suspendAt')}
              <input
                name="suspendAt"
                type="datetime-local"
                value={suspendAt}
                onInput={(e) => setSuspendAt(e.currentTarget.value)}
              />
            </label>
            <label>
              {t('amountYuan')}
              <input
                name="amount"
                type="number"
                min="0"
                step="0.01"
                value={amount}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
            </label>
          </fieldset>
        )}
        {checkPath !== undefined && <RuleLine kind={kind} verdict={verdict} atMs={checkAt} />}

        <fieldset>
          <legend>{t('textsZh')}</legend>
          {textsOptional && <p class="hint">{t('textsAuto')}</p>}
          <label>
            {t('title')}
            <input
              name="zhTitle"
              value={texts.zhTitle}
              maxLength={256}
              onInput={(e) => setTexts({ ...texts, zhTitle: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('body')}
            <textarea
              name="zhBody"
              rows={3}
              value={texts.zhBody}
              maxLength={4000}
              onInput={(e) => setTexts({ ...texts, zhBody: e.currentTarget.value })}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('textsEn')}</legend>
          <label>
            {t('title')}
            <input
              name="enTitle"
              value={texts.enTitle}
              maxLength={256}
              onInput={(e) => setTexts({ ...texts, enTitle: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('body')}
            <textarea
              name="enBody"
              rows={3}
              value={texts.enBody}
              maxLength={4000}
              onInput={(e) => setTexts({ ...texts, enBody: e.currentTarget.value })}
            />
          </label>
        </fieldset>
        {kind === 'ANNOUNCEMENT' && (
          <fieldset class="inline">
            <label>
              {t('display')}
              <select name="display" value={display} onChange={(e) => setDisplay(e.currentTarget.value as Display)}>
                {(['MAILBOX', 'BANNER', 'FULLSCREEN'] as const).map((d) => (
                  <option value={d}>{t(`display_${d}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {t('priority')}
              <select name="priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value)}>
                {['LOW', 'NORMAL', 'HIGH', 'URGENT'].map((p) => (
                  <option value={p}>{p}</option>
                ))}
              </select>
            </label>
          </fieldset>
        )}
        {review === undefined ? (
          <p class="actions">
            <button type="submit" class="primary" name="send" disabled={!ready || busy}>
              {t('reviewCheck')}
            </button>{' '}
            <SaveDraft busy={busy} draft={drafts.draft} onSave={() => run(() => drafts.save(draftOf(fields)))} />
          </p>
        ) : (
          <SendReview reach={review} busy={busy} onConfirm={() => run(send)} onBack={() => setReview(undefined)} />
        )}
      </section>

      <aside class="compose-preview">
        <h2>
          {t('preview')}{' '}
          <button type="button" class="link" onClick={() => setPreviewLang(previewLang === 'en' ? 'zh-CN' : 'en')}>
            {previewLang === 'en' ? '中文' : 'English'}
          </button>
        </h2>
        <TvPreview
          lang={previewLang === 'en' ? 'en' : 'zh-CN'}
          notice={{
            kind: kind === 'SUSPENSION' ? 'SUSPENSION_WARNING' : kind,
            display: shownDisplay,
            texts: previewTexts,
            hotline: actor.hotline,
            actionRequired: kind === 'SUSPENSION', // N2: the warning asks the subscriber to pay
            ...(kind === 'MAINTENANCE' ? { detail: { startsAtMs, endsAtMs } } : {}),
          }}
        />
      </aside>
    </form>
  );
}

/** The rule verdict in words: allowed with the lead time, or refused with the earliest lawful time. */
function RuleLine(props: { kind: Kind; verdict: RuleVerdict | undefined; atMs: number }) {
  const { t } = useConsole();
  const v = props.verdict;
  if (v === undefined)
    return (
      <p class="rule" data-testid="rule">
        {t('ruleChecking')}
      </p>
    );
  const lead = (Math.max(0, props.atMs - Date.now()) / HOUR).toFixed(1);
  if (v.allowed)
    return (
      <p class="rule ok" data-testid="rule" data-allowed="true">
        ✔ {t(props.kind === 'MAINTENANCE' ? 'ruleN4Ok' : 'ruleN2Ok', { lead })}
      </p>
    );
  // The refusal's details are an open record (the rule's own figures): read the numbers it names.
  const figure = (key: string): number | undefined => {
    const x = v.details?.[key];
    return typeof x === 'number' ? x : undefined;
  };
  const earliest = figure('earliestStartAtMs') ?? figure('earliestAllowedAtMs') ?? 0;
  const words =
    v.code === 'N4_LEAD_TIME_TOO_SHORT'
      ? t('ruleN4Refused', { lead: figure('leadHours') ?? lead, earliest: formatTime(earliest) })
      : v.code === 'N2_NOTICE_TOO_SHORT'
        ? t('ruleN2Refused', { lead: figure('leadHours') ?? lead, earliest: formatTime(earliest) })
        : v.message;
  return (
    <p class="rule refused" role="alert" data-testid="rule" data-allowed="false" data-code={v.code}>
      ✘ {words}
    </p>
  );
}
