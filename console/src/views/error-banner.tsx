import { ApiError } from '../api-client';

/**
 * The error the operator must see, never swallowed: what the code means in the operator's
 * language, then the API's code and its own message (the details: which rule, which time).
 */
export function ErrorBanner(props: {
  error: unknown;
  title: string;
  dismiss: string;
  explain: (code: string) => string;
  onDismiss: () => void;
}) {
  const e = props.error;
  const code = e instanceof ApiError ? e.code : 'CONSOLE';
  const message = e instanceof Error ? e.message : String(e);
  const meaning = props.explain(code);
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{props.title}</strong> {meaning !== code && <span data-testid="error-meaning">{meaning}</span>}{' '}
      <code>{code}</code> {message}
      <button type="button" onClick={props.onDismiss}>
        {props.dismiss}
      </button>
    </div>
  );
}
