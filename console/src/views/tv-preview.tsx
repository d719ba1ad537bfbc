import { useEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from '../console-context';

/** A notice as the box receives it, not sent yet. */
export interface PreviewNotice {
  readonly kind: string;
  readonly display: 'MAILBOX' | 'BANNER' | 'FULLSCREEN';
  readonly texts: ReadonlyArray<{ lang: string; title: string; body: string }>;
  readonly hotline: string;
  readonly actionRequired: boolean;
  readonly detail?: { readonly startsAtMs?: number; readonly endsAtMs?: number };
}

const SIZES = {
  '720p': { width: 1280, height: 720, scale: 0.4 },
  '1080p': { width: 1920, height: 1080, scale: 0.2667 },
} as const;

/**
 * The TV itself (issue 18): the box app, served by the headend at /tv/, in preview mode — its
 * own UI and renderer draw the draft at 720p or 1080p, so whatever the TV cuts, pages or wraps,
 * the preview does too. The draft goes to it by postMessage (same origin); it never connects
 * to a broker. "How it arrives" shows the banner, full screen or mailbox badge; "in the mailbox"
 * opens it as the subscriber reads it.
 */
export function TvPreview(props: { notice: PreviewNotice; lang: 'zh-CN' | 'en' }) {
  const { t } = useConsole();
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [size, setSize] = useState<keyof typeof SIZES>('720p');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onMessage = (e: MessageEvent): void => {
      if (e.origin === location.origin && e.source === frame.current?.contentWindow) setReady(true);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  // A new size is a new page in the frame: wait for it to say it is ready again.
  useEffect(() => setReady(false), [size]);

  const draft = JSON.stringify(props.notice);
  useEffect(() => {
    if (!ready) return;
    frame.current?.contentWindow?.postMessage(
      { stbPreview: { ...props.notice, lang: props.lang, open, issuedAtMs: Date.now() } },
      location.origin,
    );
  }, [ready, draft, props.lang, open]);

  const s = SIZES[size];
  // The box app's inspector mirrors its screen into the DOM, for the console's end-to-end tests.
  const inspect = /[?&]inspect\b/.test(location.search) ? '?inspect' : '';
  return (
    <div class="tv-preview" data-testid="tv-preview">
      <div class="tv-preview-controls">
        {(['720p', '1080p'] as const).map((k) => (
          <button type="button" class={k === size ? 'link active' : 'link'} onClick={() => setSize(k)}>
            {k}
          </button>
        ))}
        <button type="button" class="link" name="preview-open" onClick={() => setOpen(!open)}>
          {open ? t('previewArrival') : t('previewOpen')}
        </button>
      </div>
      <div class="tv" style={{ width: `${s.width * s.scale}px`, height: `${s.height * s.scale}px` }}>
        <iframe
          key={size}
          ref={frame}
          title={t('preview')}
          src={`/tv/${inspect}#preview`}
          width={s.width}
          height={s.height}
          style={{ transform: `scale(${s.scale})` }}
        />
      </div>
    </div>
  );
}
