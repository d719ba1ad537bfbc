import type { BoxSession, Mailbox } from '../../src/core/index';

/**
 * What BoxUi reads of a session, without a network: the mailbox, the connection, and answers
 * to what the screens ask for (a fault report, diagnostics, a survey answer).
 */
export function uiSession(mailbox: Mailbox): BoxSession {
  const stub = {
    mailbox,
    connection: 'online',
    on: () => () => undefined,
    markRead: () => Promise.resolve(),
    markDisplayed: () => Promise.resolve(),
    reportFault: () => Promise.resolve('r-1'),
    currentDiagnostics: () => Promise.resolve({ signalDbuv: 60, snrDb: 30, locked: true }),
    answerSurvey: () => Promise.resolve(),
  };
  return stub as unknown as BoxSession;
}
