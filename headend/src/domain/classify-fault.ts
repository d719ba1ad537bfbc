import { Symptom } from '@stb-notify/protocol';
import type { DiagnosticsProps } from '@stb-notify/protocol';
import type { Severity } from '../ports/ticket-store';

export interface DiagnosticThresholds {
  /** dBµV: below or above this the signal is out of range. */
  readonly minSignalDbuv: number;
  readonly maxSignalDbuv: number;
  readonly minSnrDb: number;
  readonly minMerDb: number;
  /** Decoder errors in one report at or above this count as a fault. */
  readonly maxDecoderErrors: number;
}

export const SYMPTOM_NAMES: Record<number, string> = {
  [Symptom.SYMPTOM_NO_SIGNAL]: 'no-signal',
  [Symptom.SYMPTOM_PICTURE_FREEZE]: 'picture-freeze',
  [Symptom.SYMPTOM_MOSAIC]: 'mosaic',
  [Symptom.SYMPTOM_NO_SOUND]: 'no-sound',
  [Symptom.SYMPTOM_CHANNELS_MISSING]: 'channels-missing',
  [Symptom.SYMPTOM_INTERACTIVE_SERVICE]: 'interactive-service',
  [Symptom.SYMPTOM_BOX_REBOOTS]: 'box-reboots',
  [Symptom.SYMPTOM_REMOTE_CONTROL]: 'remote-control',
  [Symptom.SYMPTOM_OTHER]: 'other',
};

/** Symptoms that point at the cable plant rather than the box: these feed outage correlation. */
export const SIGNAL_SYMPTOMS = new Set(['no-signal', 'picture-freeze', 'mosaic']);

/** What the diagnostics say is wrong, or an empty list. */
export function diagnosticFaults(d: DiagnosticsProps | null | undefined, t: DiagnosticThresholds): string[] {
  if (d === null || d === undefined) return [];
  const faults: string[] = [];
  if (d.tunerLocked === false) faults.push('no-tuner-lock');
  const level = d.signalLevelDbuv ?? 0;
  if (d.tunerLocked === true && (level < t.minSignalDbuv || level > t.maxSignalDbuv)) faults.push('signal-level');
  if (d.tunerLocked === true && (d.snrDb ?? 0) > 0 && (d.snrDb ?? 0) < t.minSnrDb) faults.push('low-snr');
  if (d.tunerLocked === true && (d.merDb ?? 0) > 0 && (d.merDb ?? 0) < t.minMerDb) faults.push('low-mer');
  if ((d.decoderErrors ?? 0) >= t.maxDecoderErrors) faults.push('decoder-errors');
  return faults;
}

/** Maps a diagnostics fault to the symptom it shows the subscriber: no lock is no picture; the rest degrade it. */
export function symptomForDiagnostic(fault: string): string {
  return fault === 'no-tuner-lock' ? 'no-signal' : 'mosaic';
}

/**
 * T1 severity: urgent when the subscriber has no service at all (no signal, no tuner lock,
 * box keeps rebooting); complex when the cause is likely upstream or unclear (channels
 * missing, other); ordinary otherwise. A maintainer may override with a reason.
 */
export function classifySeverity(
  symptom: string,
  diagFaults: readonly string[],
): { severity: Severity; reason: string } {
  if (symptom === 'no-signal' || symptom === 'box-reboots' || diagFaults.includes('no-tuner-lock')) {
    return { severity: 'urgent', reason: `no service: ${[symptom, ...diagFaults].join(', ')}` };
  }
  if (symptom === 'channels-missing' || symptom === 'other')
    return { severity: 'complex', reason: `needs investigation: ${symptom}` };
  return { severity: 'ordinary', reason: `degraded service: ${[symptom, ...diagFaults].join(', ')}` };
}
