/**
 * Runs `run` for every item, items of different keys side by side and items of one key one
 * after another, in the order given; resolves when all are done. `run` must not reject.
 */
export async function sideBySide<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
  run: (item: T) => Promise<void>,
): Promise<void> {
  const chains = new Map<string, Promise<void>>();
  for (const it of items) {
    const k = keyOf(it);
    chains.set(
      k,
      (chains.get(k) ?? Promise.resolve()).then(() => run(it)),
    );
  }
  await Promise.all(chains.values());
}

/**
 * What a dispatched notice is ordered by: the box, when it goes to one box only (a box shows
 * its mailbox in arrival order), else the notice itself.
 */
export function orderKey(noticeId: string, known?: { readonly boxes: ReadonlyArray<{ readonly id: string }> }): string {
  const [only, more] = known?.boxes ?? [];
  return only !== undefined && more === undefined ? `box:${only.id}` : `notice:${noticeId}`;
}
