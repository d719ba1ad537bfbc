import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '@stb-notify/headend/api-types';
import type { ApiClient } from './api-client';
import type { Lang, TextKey } from './i18n';

export interface ConsoleContext {
  readonly api: ApiClient;
  /** The signed-in token's holder, and the hotline every notice carries (N7), as configured on the headend. */
  readonly actor: Me;
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
