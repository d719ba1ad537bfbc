import { ApiError } from '../api-client';

/** The error the operator must see: the API's code and message, never swallowed. */
export function ErrorBanner(props: { error: unknown; title: string; dismiss: string; onDismiss: () => void }) {
  const e = props.error;
  const code = e instanceof ApiError ? e.code : 'CONSOLE';
  const message = e instanceof Error ? e.message : String(e);
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{props.title}</strong> <code>{code}</code> {message}
      <button type="button" onClick={props.onDismiss}>
        {props.dismiss}
      </button>
    </div>
  );
}
