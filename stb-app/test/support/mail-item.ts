import type { MailItem } from '../../src/core/index';

/** A mail as the box keeps it; `over` changes what a test is about. */
export function mail(id: string, over: Partial<MailItem> = {}): MailItem {
  return {
    noticeId: id,
    kind: 'ANNOUNCEMENT',
    display: 'MAILBOX',
    priority: 2,
    collapseKey: '',
    texts: [{ lang: 'zh-CN', title: id, body: '' }],
    hotline: '96956',
    actionRequired: false,
    detail: {},
    issuedAtMs: 0,
    expiresAtMs: 0,
    receivedAtMs: 0,
    displayed: false,
    read: false,
    withdrawn: false,
    ...over,
  };
}
