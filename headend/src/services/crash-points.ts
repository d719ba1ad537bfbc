/**
 * Crash points, for the tests of what survives a crash (issue 15). `STB_NOTIFY_CRASH_AT=a,b`
 * makes the process kill itself with SIGKILL on reaching point `a` or `b`: no cleanup, no
 * flush, as a power cut or the OOM killer would. Unset (production), a point is one lookup
 * in an empty set.
 */
const armed = new Set((process.env.STB_NOTIFY_CRASH_AT ?? '').split(',').filter((p) => p !== ''));

export function crashPoint(
  name: 'payment.committed' | 'suspension.committed' | 'ticket.committed' | 'ticket.resolved',
): void {
  if (armed.has(name)) process.kill(process.pid, 'SIGKILL');
}
