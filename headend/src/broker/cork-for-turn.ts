import type { Writable } from 'node:stream';

const corked = new WeakSet<Writable>();

/**
 * Holds a socket's writes until the end of this event-loop turn, so the packets written in
 * it leave in one system call. mqtt-packet uncorks after each packet's own tick, so a turn
 * that publishes 125 ticket answers and acknowledges 125 reports wrote them in ~250 writev
 * calls: ~55 µs per fault report of the headend's CPU on the external broker's connections
 * (issue 19, `npm run bench -- --broker mosquitto --cpu-profile`). Delays a write by at most
 * the rest of the turn.
 */
export function corkForTurn(stream: Writable | undefined): void {
  if (stream === undefined || corked.has(stream) || stream.destroyed) return;
  corked.add(stream);
  stream.cork();
  setImmediate(() => {
    corked.delete(stream);
    stream.uncork();
  });
}
