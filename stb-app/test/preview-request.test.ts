import { describe, expect, it } from 'vitest';
import { PreviewSession, previewRequest } from '../src/ui/preview-session';
import { BoxUi } from '../src/ui/box-ui';
import { MemoryStorage } from '../src/adapters/index';

const draft = (over: Record<string, unknown> = {}) => ({
  stbPreview: {
    kind: 'MAINTENANCE',
    display: 'BANNER',
    texts: [{ lang: 'zh-CN', title: '线路维护通知', body: '因光缆迁改，本区域信号可能中断。' }],
    hotline: '96956',
    actionRequired: false,
    detail: { startsAtMs: 3_600_000, endsAtMs: 7_200_000 },
    lang: 'zh-CN',
    open: false,
    ...over,
  },
});

/** Issue 18: the console's preview drives the box's own UI; what it sends crosses a window boundary. */
describe('the TV preview', () => {
  it('takes a draft from the console and shows it as a box would: the banner, then the mail', () => {
    const req = previewRequest(draft());
    if (req === undefined) throw new Error('refused a valid draft');
    const session = new PreviewSession();
    const ui = new BoxUi(session, { hotline: '96956', settings: new MemoryStorage(), bannerMs: 60_000 });
    session.show(req.mail);
    expect(ui.view().banner?.title).toBe('线路维护通知');
    // The next draft replaces it; a mailbox never keeps two drafts.
    session.show({ ...req.mail, texts: [{ lang: 'zh-CN', title: '第二稿', body: '' }] });
    expect(ui.view().banner?.title).toBe('第二稿');
    expect(session.mailbox.list()).toHaveLength(1);
    ui.key('Mailbox');
    ui.key('Enter');
    expect(ui.view()).toMatchObject({ screen: 'mail', title: '第二稿' });
  });

  it('refuses what is not a draft within the API’s bounds', () => {
    expect(previewRequest({ hello: 1 })).toBeUndefined();
    expect(previewRequest(draft({ kind: 'NOT_A_KIND' }))).toBeUndefined();
    expect(previewRequest(draft({ display: 'POPUP' }))).toBeUndefined();
    expect(previewRequest(draft({ texts: [{ lang: 'zh-CN', title: 'x'.repeat(4001), body: '' }] }))).toBeUndefined();
    expect(previewRequest(draft({ texts: 'not a list' }))).toBeUndefined();
    expect(previewRequest(draft({ detail: { startsAtMs: 'soon' } }))?.mail.detail).toEqual({
      startsAtMs: 0,
      endsAtMs: 0,
    });
  });
});
