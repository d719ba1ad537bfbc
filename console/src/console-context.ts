import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api-client';
import type { Lang, TextKey } from './i18n';

export interface Actor {
  readonly name: string;
  readonly role: 'operator' | 'billing' | 'maintainer' | 'supervisor' | 'read-only';
  /** The staff member the token was issued to ('' for a system's token). */
  readonly staffNo: string;
  /** The hotline every notice carries (N7), as configured on the headend. */
  readonly hotline: string;
}

export interface ConsoleContext {
  readonly api: ApiClient;
  readonly actor: Actor;
  readonly lang: Lang;
  readonly t: (key: TextKey, vars?: Record<string, string | number>) => string;
  /** Shows an error in the banner (API errors with their code, in words). */
  readonly fail: (err: unknown) => void;
  readonly go: (hash: string) => void;
}

export const Ctx = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const c = useContext(Ctx);
  if (c === undefined) throw new Error('useConsole outside the signed-in console');
  return c;
}
