import type { Symptom } from '@stb-notify/protocol';

/**
 * The fault list's symptoms in screen order, as the protocol's Symptom values. Numbers here,
 * not the generated enum: the first script the box runs does not carry the protocol's
 * generated code (issue 17: first frame), and symptoms.test.ts checks them against it.
 */
export const SYMPTOMS: readonly Symptom[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export const SYMPTOM_OTHER = 9 as Symptom;
