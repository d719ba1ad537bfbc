import { Symptom } from '@stb-notify/protocol';
import { describe, expect, it } from 'vitest';
import { SYMPTOM_OTHER, SYMPTOMS } from '../src/ui/symptoms';

describe("the fault list's symptoms (numbers in the UI's own script)", () => {
  it('are the protocol’s Symptom values, in screen order, “other” last', () => {
    expect(SYMPTOMS).toEqual([
      Symptom.SYMPTOM_NO_SIGNAL,
      Symptom.SYMPTOM_PICTURE_FREEZE,
      Symptom.SYMPTOM_MOSAIC,
      Symptom.SYMPTOM_NO_SOUND,
      Symptom.SYMPTOM_CHANNELS_MISSING,
      Symptom.SYMPTOM_INTERACTIVE_SERVICE,
      Symptom.SYMPTOM_BOX_REBOOTS,
      Symptom.SYMPTOM_REMOTE_CONTROL,
      Symptom.SYMPTOM_OTHER,
    ]);
    expect(SYMPTOM_OTHER).toBe(Symptom.SYMPTOM_OTHER);
  });
});
