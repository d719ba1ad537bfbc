import type { KeyValueStorage } from './ports';
import type { MailItem } from './mail';

const KEY = 'stb.mailbox.v1';
const SEEN_KEY = 'stb.seen.v1';

/** `stale`: a newer notice with its collapse key is already here (a late resend of an older one). */
export type AddOutcome = 'added' | 'replaced' | 'duplicate' | 'stale';

/**
 * The on-box mailbox: persisted in local storage (survives reload and reboot), newest
 * first, bounded — when full, the oldest read mail goes first, then the oldest unread.
 * A notice id seen once is never added again (the headend resends after reconnects), even
 * after the subscriber deleted it. A newer notice with the same collapse key replaces the
 * older one.
 */
export class Mailbox {
  private items: MailItem[];
  private seen: string[];

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly capacity = 100,
    private readonly seenCapacity = 1000,
  ) {
    this.items = Mailbox.load<MailItem[]>(storage, KEY) ?? [];
    this.seen = Mailbox.load<string[]>(storage, SEEN_KEY) ?? [];
  }

  private static load<T>(storage: KeyValueStorage, key: string): T | undefined {
    const text = storage.get(key);
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      storage.remove(key); // corrupt storage must not brick the box
      return undefined;
    }
  }

  private save(): void {
    this.storage.set(KEY, JSON.stringify(this.items));
    this.storage.set(SEEN_KEY, JSON.stringify(this.seen));
  }

  list(): readonly MailItem[] {
    return this.items;
  }

  get(noticeId: string): MailItem | undefined {
    return this.items.find((m) => m.noticeId === noticeId);
  }

  unreadCount(): number {
    return this.items.filter((m) => !m.read && !m.withdrawn).length;
  }

  hasSeen(noticeId: string): boolean {
    return this.seen.includes(noticeId);
  }

  add(mail: MailItem): { outcome: AddOutcome; replaced?: MailItem } {
    if (this.hasSeen(mail.noticeId)) return { outcome: 'duplicate' };
    this.seen.push(mail.noticeId);
    if (this.seen.length > this.seenCapacity) this.seen.splice(0, this.seen.length - this.seenCapacity);
    const old = mail.collapseKey === '' ? -1 : this.items.findIndex((m) => m.collapseKey === mail.collapseKey);
    if (old >= 0 && (this.items[old]?.issuedAtMs ?? 0) > mail.issuedAtMs) {
      this.save();
      return { outcome: 'stale' };
    }
    const replaced = old >= 0 ? this.items.splice(old, 1)[0] : undefined;
    this.items.unshift(mail);
    this.evict();
    this.save();
    return replaced === undefined ? { outcome: 'added' } : { outcome: 'replaced', replaced };
  }

  private evict(): void {
    while (this.items.length > this.capacity) {
      let at = -1;
      for (let i = this.items.length - 1; i >= 0; i--) {
        if (this.items[i]?.read === true) {
          at = i;
          break;
        }
      }
      this.items.splice(at >= 0 ? at : this.items.length - 1, 1);
    }
  }

  update(noticeId: string, change: Partial<Pick<MailItem, 'displayed' | 'read' | 'withdrawn'>>): MailItem | undefined {
    const m = this.get(noticeId);
    if (m === undefined) return undefined;
    Object.assign(m, change);
    this.save();
    return m;
  }

  delete(noticeId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((m) => m.noticeId !== noticeId);
    this.save();
    return this.items.length < before;
  }

  /** Drops mail whose notice has expired. Returns how many. */
  pruneExpired(nowMs: number): number {
    const before = this.items.length;
    this.items = this.items.filter((m) => m.expiresAtMs === 0 || m.expiresAtMs > nowMs);
    if (this.items.length < before) this.save();
    return before - this.items.length;
  }
}
