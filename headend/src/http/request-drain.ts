import type { FastifyInstance } from 'fastify';
import { HeadendError } from '../errors';

/** Route option `config: { longLived: true }`: an answer that stays open (server-sent events); stopping ends it instead of waiting for it. */
export interface LongLivedRouteConfig {
  readonly longLived?: boolean;
}

/** How long stopping waits for requests in flight before it goes on without them. */
export const DRAIN_LIMIT_MS = 15_000;

/**
 * Stopping the headend in the right order. The HTTP server also carries the boxes' MQTT over
 * WebSocket, so it can only close after the broker; but a request in flight (an operator's
 * send) must finish while the broker still publishes, or its notice waits in the outbox for
 * the next start. `drain()` answers new requests 503 and resolves once every request in flight
 * has been answered (or its client has gone), at most `limitMs` later.
 */
export class RequestDrain {
  private inFlight = 0;
  private draining = false;
  private idle: (() => void) | undefined;

  constructor(app: FastifyInstance) {
    app.addHook('onRequest', async (req, reply) => {
      if (this.draining) throw new HeadendError('SHUTTING_DOWN', 'the headend is stopping; try again shortly');
      if ((req.routeOptions.config as LongLivedRouteConfig).longLived === true) return;
      this.inFlight++;
      // 'close' comes once per answer: after it is sent, or when the client has gone.
      reply.raw.once('close', () => {
        this.inFlight--;
        if (this.inFlight === 0) this.idle?.();
      });
    });
  }

  /** Requests being handled now (stopping waits for these). */
  get active(): number {
    return this.inFlight;
  }

  /** Refuses new requests from now on; resolves when none is in flight, or after `limitMs`. */
  async drain(limitMs = DRAIN_LIMIT_MS): Promise<{ left: number }> {
    this.draining = true;
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.idle = resolve;
        timer = setTimeout(resolve, limitMs);
      });
      clearTimeout(timer);
      this.idle = undefined;
    }
    return { left: this.inFlight };
  }
}
