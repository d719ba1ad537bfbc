import { Component } from '@lightningjs/core';
import { cjkBreaks } from './cjk-wrap';
import type { BoxUi, Key } from './box-ui';
import type { View } from './view';

/** TV safe area: 5 % of 1920×1080 on each side. */
const SAFE = { x: 96, y: 54, w: 1728, h: 972 };
/** Rows a list shows at once: they end above the hotline line (issue 17: the 9th symptom ran over it). */
const ROWS = 7;
const FOCUS = 0xff1e88e5;
const PANEL = 0xe0101828;
const TEXT = 0xffffffff;
const DIM = 0xffb0bec5;
const WARN = 0xffffc107;

const text = (fontSize: number, color = TEXT, extra: Record<string, unknown> = {}) => ({
  text: {
    text: '',
    fontFace: 'sans-serif',
    fontSize,
    textColor: color,
    lineHeight: Math.round(fontSize * 1.4),
    ...extra,
  },
});

/** A single line cut with an ellipsis at `width`. */
const ONE_LINE = (width: number) => ({ wordWrapWidth: width, maxLines: 1, textOverflow: '…' });

const KEYS: Record<number, Key> = {
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  13: 'Enter',
  8: 'Back',
  27: 'Back',
  77: 'Menu',
  69: 'Mailbox',
  46: 'Delete',
};

/**
 * The Lightning renderer: a fixed set of elements (no element or texture is created per
 * notice, so hours of notices do not grow graphics memory) patched from the View.
 */
export class App extends Component {
  /** Called when the SDK has created the app (after its font loading), with the instance. */
  static ready: ((app: App) => void) | undefined;
  ui: BoxUi | undefined;

  override _init(): void {
    App.ready?.(this);
  }

  static override _template(): Component.Template<Component.TemplateSpecLoose> {
    const rows: Record<string, unknown> = {};
    for (let i = 0; i < ROWS; i++) {
      rows[`Row${i}`] = {
        y: i * 84,
        w: 1400,
        h: 76,
        rect: true,
        color: 0x00000000,
        // Cut with "…" at their column, never over the next one.
        Label: { x: 32, y: 14, testId: `row-${i}`, ...text(36, TEXT, ONE_LINE(820)) },
        Sub: { x: 880, y: 20, testId: `row-${i}-sub`, ...text(28, DIM, ONE_LINE(488)) },
        Badge: { x: 8, y: 30, w: 14, h: 14, rect: true, color: WARN, visible: false },
      };
    }
    return {
      w: 1920,
      h: 1080,
      Tv: { w: 1920, h: 1080, rect: true, colorTop: 0xff0d1b2a, colorBottom: 0xff1b263b },
      Channel: { x: SAFE.x, y: SAFE.y, testId: 'channel', ...text(40, DIM) },
      Status: { x: SAFE.x + SAFE.w, y: SAFE.y, mountX: 1, testId: 'status', ...text(30, DIM) },
      Panel: {
        x: 260,
        y: 120,
        w: 1400,
        h: 840,
        rect: true,
        color: PANEL,
        visible: false,
        Title: { x: 32, y: 20, testId: 'title', ...text(48, TEXT, ONE_LINE(1336)) },
        Rows: { x: 0, y: 110, ...rows },
        Body: { x: 32, y: 110, testId: 'body', ...text(36, TEXT, { wordWrapWidth: 1336, maxLines: 12 }) },
        Hotline: { x: 32, y: 712, testId: 'hotline', ...text(34, WARN, ONE_LINE(1336)) },
        Hint: { x: 32, y: 784, testId: 'hint', ...text(28, DIM, ONE_LINE(1336)) },
      },
      Banner: {
        x: SAFE.x,
        y: SAFE.y + 60,
        w: SAFE.w,
        h: 260,
        rect: true,
        color: 0xf0263238,
        visible: false,
        Title: { x: 32, y: 14, testId: 'banner-title', ...text(40, WARN, ONE_LINE(1660)) },
        Body: { x: 32, y: 92, testId: 'banner-body', ...text(32, TEXT, { ...ONE_LINE(1660), maxLines: 2 }) },
        // The hotline on its own line, never broken inside the number (issue 17).
        Hotline: { x: 32, y: 204, testId: 'banner-hotline', ...text(30, WARN, ONE_LINE(1100)) },
        Hint: { x: SAFE.w - 32, y: 208, mountX: 1, testId: 'banner-hint', ...text(26, DIM) },
      },
      Full: {
        w: 1920,
        h: 1080,
        rect: true,
        color: 0xf8101010,
        visible: false,
        Title: {
          x: 1920 / 2,
          y: 150,
          mountX: 0.5,
          testId: 'full-title',
          ...text(64, WARN, { ...ONE_LINE(1400), maxLines: 2, textAlign: 'center' }),
        },
        Body: { x: 260, y: 360, testId: 'full-body', ...text(44, TEXT, { ...ONE_LINE(1400), maxLines: 6 }) },
        Hotline: { x: 260, y: 790, testId: 'full-hotline', ...text(40, WARN, ONE_LINE(1400)) },
        Hint: { x: 1920 / 2, y: 900, mountX: 0.5, testId: 'full-hint', ...text(36, DIM) },
      },
    };
  }

  /** Starts rendering `ui`; called once after Launch. */
  attach(ui: BoxUi): void {
    this.ui = ui;
    ui.onChange(() => this.render());
    this.render();
  }

  private setText(path: string, value: string): void {
    const el = this.tag(path) as { text: { text: string } } | undefined;
    const t = cjkBreaks(value);
    if (el !== undefined && el.text.text !== t) el.text.text = t;
  }

  private render(): void {
    const ui = this.ui;
    if (ui === undefined) return;
    const v: View = ui.view();
    const s = ui.lang === 'en' ? { ch: 'CCTV-1 HD', unread: 'unread' } : { ch: 'CCTV-1 高清', unread: '未读' };
    this.setText('Channel', s.ch);
    // On the picture alone, the status line also says how to open the menu.
    const homeHint =
      v.screen === 'home' && v.banner === undefined && v.fullscreen === undefined ? `\u3000${v.hint}` : '';
    this.setText('Status', `${v.status}${v.unread > 0 ? `\u3000✉ ${v.unread} ${s.unread}` : ''}${homeHint}`);
    this.patch({ Panel: { visible: v.screen !== 'home' } });
    this.setText('Panel.Title', v.title);
    const start = Math.max(0, v.focus - (ROWS - 1));
    for (let i = 0; i < ROWS; i++) {
      const row = v.rows[start + i];
      this.setText(`Panel.Rows.Row${i}.Label`, row?.label ?? '');
      this.setText(`Panel.Rows.Row${i}.Sub`, row?.sub ?? '');
      this.tag(`Panel.Rows.Row${i}`)?.patch({
        visible: row !== undefined,
        color: row !== undefined && start + i === v.focus ? FOCUS : 0x00000000,
      });
      this.tag(`Panel.Rows.Row${i}.Badge`)?.patch({ visible: row?.badge === true });
    }
    this.tag('Panel.Body')?.patch({ y: 110 + Math.min(v.rows.length, ROWS) * 84 });
    this.setText('Panel.Body', v.body.join('\n'));
    this.setText('Panel.Hotline', v.hotline);
    // A list longer than the panel says where the focus is in it, so more below is never hidden.
    this.setText('Panel.Hint', v.rows.length > ROWS ? `${v.focus + 1}/${v.rows.length}\u3000${v.hint}` : v.hint);
    this.patch({ Banner: { visible: v.banner !== undefined && v.fullscreen === undefined } });
    this.setText('Banner.Title', v.banner?.title ?? '');
    this.setText('Banner.Body', v.banner?.body ?? '');
    this.setText('Banner.Hotline', v.banner?.hotline ?? '');
    this.setText(
      'Banner.Hint',
      v.banner === undefined ? '' : ui.lang === 'en' ? 'OK open  Back close' : 'OK 查看\u3000返回 关闭',
    );
    this.patch({ Full: { visible: v.fullscreen !== undefined } });
    this.setText('Full.Title', v.fullscreen?.title ?? '');
    this.setText('Full.Body', v.fullscreen?.body ?? '');
    this.setText('Full.Hotline', v.fullscreen?.hotline ?? '');
    this.setText('Full.Hint', v.fullscreen ? (ui.lang === 'en' ? 'Press OK to confirm' : '请按 OK 键确认') : '');
  }

  override _handleKey(e: KeyboardEvent): boolean {
    const k: Key | undefined =
      KEYS[e.keyCode] ?? (e.keyCode >= 48 && e.keyCode <= 57 ? (`Digit${e.keyCode - 48}` as Key) : undefined);
    if (k !== undefined) this.ui?.key(k);
    // Always handled: Back on the home screen must not close the app on a box.
    return true;
  }
}
