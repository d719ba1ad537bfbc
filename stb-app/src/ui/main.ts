import { Application, Component, Element, ElementCore, ElementTexturizer, Stage, Texture } from '@lightningjs/core';
import { browserStorage } from '../adapters/browser-storage';
import { MemoryStorage } from '../adapters/memory-storage';
import { configFromBundle } from '../core/box-config';
import type { BoxConfig } from '../core/box-config';
import type { KeyValueStorage } from '../core/ports';
import { App } from './app';
import { BoxUi } from './box-ui';
import { DeferredSession } from './deferred-session';
import { loadScript } from './load-script';
import { PreviewSession, previewRequest } from './preview-session';
import type { StartSession } from './session-entry';

const BUNDLE_KEY = 'stb.bundle';

/** Reads the provisioning bundle: a one-time `#bundle=<base64url JSON>` fragment, kept in local storage. */
function loadBundle(): unknown {
  const m = /[#&]bundle=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m?.[1] !== undefined) {
    const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    localStorage.setItem(BUNDLE_KEY, json);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const stored = localStorage.getItem(BUNDLE_KEY);
  try {
    return stored === null ? undefined : (JSON.parse(stored) as unknown);
  } catch {
    return undefined;
  }
}

function speak(text: string, lang: string): void {
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  if (synth === undefined) return;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(text.replace(/\u200B/g, ''));
  u.lang = lang;
  synth.speak(u);
}

/**
 * `/tv/#preview`: the console's preview of a notice not sent yet (issue 18), drawn by this app's
 * own UI and renderer. It takes drafts from the console's page (same origin only) and never
 * connects to a broker.
 */
function startPreview(root: App): void {
  const session = new PreviewSession();
  const ui = new BoxUi(session, {
    hotline: '96956',
    settings: new MemoryStorage(),
    bannerMs: 24 * 3_600_000, // a banner stays while the operator looks at it
  });
  root.attach(ui);
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== location.origin) return;
    const req = previewRequest(e.data);
    if (req === undefined) return;
    ui.home(req.lang);
    session.show(req.mail);
    if (req.open) {
      ui.key('Mailbox');
      ui.key('Enter');
    }
  });
  (window as unknown as { __stb: unknown }).__stb = { ui, stage: (root as unknown as { stage: unknown }).stage };
  window.parent.postMessage({ stbPreviewReady: true }, location.origin);
}

/**
 * Loads session.js (the protocol, the crypto and the MQTT client: a third of the app's code,
 * not needed to draw the first frame) and starts the box's session with it; a failed download
 * is tried again, later and later.
 */
function connectAfterFirstFrame(
  session: DeferredSession,
  config: BoxConfig,
  storage: KeyValueStorage,
  attempt = 0,
): void {
  loadScript<{ startSession: StartSession }>('session.js', 'stbSession')
    .then(({ startSession }) => {
      if (session.attached) return;
      const real = startSession(config, storage);
      session.attach(real);
      real.start();
    })
    .catch((err: unknown) => {
      console.warn(`stb-notify: ${String(err)}; trying again`);
      setTimeout(
        () => connectAfterFirstFrame(session, config, storage, attempt + 1),
        Math.min(60_000, 2_000 * 2 ** attempt),
      );
    });
}

function startBox(root: App): void {
  const checked = configFromBundle(loadBundle(), 'ws');
  if (!checked.ok) {
    // Said so a subscriber knows what to do; the technical reason is for the installer's console.
    document.title = `stb-notify: ${checked.reason}`;
    console.warn(`stb-notify: not provisioned: ${checked.reason}`);
    (root.tag('Channel') as unknown as { text: { text: string } }).text.text =
      '本机顶盒尚未开通，请致电客服热线 96956\nThis box is not set up yet: please call 96956';
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const config = {
    ...checked.config,
    brokerUrl: `${scheme}://${location.host}/mqtt`,
    headendUrl: `${location.protocol}//${location.host}`,
  };
  const storage = browserStorage(`stb:${config.boxId}:`);
  // The first frame is drawn from the stored mailbox; the session comes after it (issue 17).
  const session = new DeferredSession(storage);
  const ui = new BoxUi(session, {
    hotline: '96956',
    settings: storage,
    speak,
    fetchPayments: async () => {
      const res = await fetch(`${config.headendUrl}/box/v1/payments`, {
        headers: { authorization: `Basic ${btoa(`${config.boxId}:${config.credential}`)}` },
      });
      if (!res.ok) throw new Error(String(res.status));
      return (
        (await res.json()) as {
          items: Array<{ paidAtMs: number; amountMinor: number; currency: string; method: string }>;
        }
      ).items;
    },
  });
  root.attach(ui);
  requestAnimationFrame(() => setTimeout(() => connectAfterFirstFrame(session, config, storage), 0));
  // For debugging on a box and for the end-to-end tests' setup (they assert on the screen, not on this).
  (window as unknown as { __stb: unknown }).__stb = {
    session,
    ui,
    stage: (root as unknown as { stage: unknown }).stage,
  };
}

// User Timing marks: the TV start benchmark (npm run bench:tv) reads where the time goes.
performance.mark('stb-script');
const inspect = (window as unknown as { attachInspector?: (l: unknown) => void }).attachInspector;
if (inspect !== undefined) inspect({ Application, Element, ElementCore, Stage, Component, ElementTexturizer, Texture });
App.ready = (root) => {
  performance.mark('stb-ready');
  if (location.hash.startsWith('#preview')) startPreview(root);
  else startBox(root);
  // Since navigation start: the download, parsing and set-up a box waits through (issue 17).
  requestAnimationFrame(() => {
    (window as unknown as { __stbFirstFrameMs: number }).__stbFirstFrameMs = performance.now();
  });
};
const width = window.innerWidth >= 1920 ? 1920 : 1280;
const query = new URLSearchParams(location.search);
const appSettings = {
  stage: {
    w: width,
    h: (width * 9) / 16,
    precision: width / 1920,
    canvas2d: query.has('canvas2d'),
    clearColor: 0xff000000,
  },
  defaultFontFace: 'sans-serif',
};

/**
 * Lightning's own Application, without the SDK's Launch: the SDK (router, media and video
 * players, ads, registry, ~70 KiB) is code a box would download and evaluate before its first
 * frame and this app uses none of (issue 17). Keys reach App._handleKey through focus.
 */
class Root extends Application {
  static override _template(): Component.Template<Component.TemplateSpecLoose> {
    return { App: { type: App } };
  }

  override _getFocused(): Component {
    return this.tag('App') as Component;
  }
}
const root = new Root(appSettings as never) as unknown as { stage: { getCanvas(): HTMLCanvasElement } };
document.body.appendChild(root.stage.getCanvas());
