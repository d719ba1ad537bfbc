import type { KeyValueStorage } from '../core/ports';

/** window.localStorage with a prefix per box; a full or blocked storage never breaks the app. */
export function browserStorage(prefix: string): KeyValueStorage {
  const ls = globalThis.localStorage;
  return {
    get: (k) => ls.getItem(`${prefix}${k}`),
    set: (k, v) => {
      try {
        ls.setItem(`${prefix}${k}`, v);
      } catch (err) {
        console.warn('storage full or blocked', err);
      }
    },
    remove: (k) => ls.removeItem(`${prefix}${k}`),
  };
}
