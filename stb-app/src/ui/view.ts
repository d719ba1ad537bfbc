/** Everything the renderer draws: the Lightning layer turns this into elements, nothing more. */
export interface Row {
  readonly id: string;
  readonly label: string;
  readonly sub?: string;
  /** e.g. an unread dot */
  readonly badge?: boolean;
}

export interface Overlay {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** N7: shown when the notice asks the subscriber to act. */
  readonly hotline: string;
}

export type ScreenName =
  | 'home'
  | 'menu'
  | 'mailbox'
  | 'mail'
  | 'fault-symptom'
  | 'fault-confirm'
  | 'fault-result'
  | 'tickets'
  | 'survey'
  | 'payments'
  | 'settings';

export interface View {
  readonly screen: ScreenName;
  readonly title: string;
  readonly rows: readonly Row[];
  readonly focus: number;
  readonly body: readonly string[];
  readonly hint: string;
  /** Hotline line, on every screen that asks the subscriber to act (N7). */
  readonly hotline: string;
  readonly status: string;
  readonly unread: number;
  /** Pages of a long text (a mail, the payments); ↑↓ turn them and the hint shows "2/5". */
  readonly pages: number;
  readonly banner?: Overlay;
  readonly fullscreen?: Overlay;
}
