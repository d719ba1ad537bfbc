/** How the notice will look on the TV (1280×720 scaled down): banner, full screen or mailbox entry. */
export function TvPreview(props: {
  display: 'MAILBOX' | 'BANNER' | 'FULLSCREEN';
  title: string;
  body: string;
  hotline: string;
  okHint: string;
  auto: boolean;
}) {
  const title = props.title || props.body.slice(0, 20);
  return (
    <div class={`tv tv-${props.display.toLowerCase()}`} data-testid="tv-preview" aria-label="TV preview">
      <div class="tv-picture" />
      <div class="tv-notice">
        <div class="tv-title">{title}</div>
        <div class={props.auto ? 'tv-body tv-auto' : 'tv-body'}>{props.body}</div>
        {props.display !== 'MAILBOX' && <div class="tv-hotline">{props.hotline}</div>}
        {props.display === 'FULLSCREEN' && <div class="tv-ok">{props.okHint}</div>}
      </div>
    </div>
  );
}
