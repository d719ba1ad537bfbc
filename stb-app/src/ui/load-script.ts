const loading = new Map<string, Promise<unknown>>();

/**
 * Loads a script of the app's own (beside app.js) once, by a script element — the app is
 * classic scripts, for older box browsers — and resolves with what it registered on
 * `globalThis[name]`. A failed download (or a script that did not register) is tried again
 * on the next call.
 */
export function loadScript<T>(src: string, name: string): Promise<T> {
  let p = loading.get(src) as Promise<T> | undefined;
  if (p === undefined) {
    p = new Promise<T>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => {
        const registered = (globalThis as unknown as Record<string, T | undefined>)[name];
        if (registered !== undefined) return resolve(registered);
        loading.delete(src);
        script.remove();
        reject(new Error(`${src} did not register`));
      };
      script.onerror = () => {
        loading.delete(src);
        script.remove();
        reject(new Error(`${src} could not be loaded`));
      };
      document.head.appendChild(script);
    });
    loading.set(src, p);
  }
  return p;
}
