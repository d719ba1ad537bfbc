import type { DiagnosticLimits } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatTime } from '../format';

interface Reading {
  readonly key: string;
  readonly value: string;
  readonly limit: string;
  readonly ok: boolean;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/**
 * A box's diagnostics on its ticket (issue 18): each reading next to the limit it is judged by,
 * the ones outside it marked — what the maintainer reads before going out.
 */
export function DiagnosticsPanel(props: {
  diagnostics: Record<string, unknown>;
  limits: DiagnosticLimits | undefined;
}) {
  const { t } = useConsole();
  const d = props.diagnostics;
  const l = props.limits;
  if (Object.keys(d).length === 0 || l === undefined) return null;
  const signal = num(d.signalLevelDbuv);
  const readings: Reading[] = [
    {
      key: 'tunerLocked',
      value: d.tunerLocked === true ? t('diagYes') : t('diagNo'),
      limit: t('diagYes'),
      ok: d.tunerLocked === true,
    },
    {
      key: 'signalLevelDbuv',
      value: `${signal} dBµV`,
      limit: `${l.minSignalDbuv}–${l.maxSignalDbuv} dBµV`,
      ok: signal >= l.minSignalDbuv && signal <= l.maxSignalDbuv,
    },
    { key: 'snrDb', value: `${num(d.snrDb)} dB`, limit: `≥ ${l.minSnrDb} dB`, ok: num(d.snrDb) >= l.minSnrDb },
    { key: 'merDb', value: `${num(d.merDb)} dB`, limit: `≥ ${l.minMerDb} dB`, ok: num(d.merDb) >= l.minMerDb },
    {
      key: 'decoderErrors',
      value: String(num(d.decoderErrors)),
      limit: `≤ ${l.maxDecoderErrors}`,
      ok: num(d.decoderErrors) <= l.maxDecoderErrors,
    },
  ];
  const codes = Array.isArray(d.errorCodes) ? d.errorCodes.map(String) : [];
  return (
    <div class="diagnostics" data-testid="diagnostics">
      <h3>
        {t('diagTitle')} <span class="hint">{formatTime(num(d.collectedAtMs))}</span>
      </h3>
      <table class="grid">
        <thead>
          <tr>
            <th>{t('diagReading')}</th>
            <th>{t('diagValue')}</th>
            <th>{t('diagLimit')}</th>
          </tr>
        </thead>
        <tbody>
          {readings.map((r) => (
            <tr key={r.key} data-reading={r.key} data-ok={r.ok} class={r.ok ? '' : 'breached'}>
              <td>{t(`diag_${r.key}` as 'diag_tunerLocked')}</td>
              <td>
                {r.value} {r.ok ? '' : '✘'}
              </td>
              <td>{r.limit}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        {t('diagCodes')}: {codes.length > 0 ? codes.join('、') : '—'} · {t('diagFirmware')}:{' '}
        {String(d.firmware ?? '') || '—'}
      </p>
    </div>
  );
}
