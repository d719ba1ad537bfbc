import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { HeadendError } from '../errors';

/** How long stopping waits for requests in flight before it goes on without them. */
export const DRAIN_LIMIT_MS = 15_000;

/** One admitted request: released once, when its handler has finished (or it ended before reaching it). */
interface Flight {
  handler: boolean;
  released: boolean;
}

/**
 * Stopping the headend in the right order. The HTTP server also carries the boxes' MQTT over
 * WebSocket, so it can only close after the broker; but a request in flight (an operator's
 * send) must finish while the broker still publishes, or its notice waits in the outbox for
 * the next start. `drain()` answers new requests 503 and resolves once every request admitted
 * before has finished its handler — also when its client has gone meanwhile — or ended
 * before its handler (refused by auth or validation), at most `limitMs` later. A handler that
 * answers with a stream (server-sent events) finishes when the stream is set up.
 */
export class RequestDrain {
  private inFlight = 0;
  private draining = false;
  private idle: (() => void) | undefined;
  private readonly flights = new WeakMap<IncomingMessage, Flight>();

  constructor(app: FastifyInstance) {
    app.addHook('onRequest', async (req, reply) => {
      if (this.draining) throw new HeadendError('SHUTTING_DOWN', 'the headend is stopping; try again shortly');
      const flight: Flight = { handler: false, released: false };
      this.flights.set(req.raw, flight);
      this.inFlight++;
      // Ended before its handler: 'close' comes once the answer is sent or the client has gone.
      reply.raw.once('close', () => this.endedBeforeHandler(req.raw));
    });
    // A request whose answer never got the socket (pipelined behind one whose client left).
    app.addHook('onRequestAbort', async (req) => this.endedBeforeHandler(req.raw));
    app.addHook('onRoute', (route) => {
      route.handler = this.counted(route.handler);
    });
    // A connection answered while stopping is not kept alive: the server can close at once.
    app.addHook('onSend', async (_req, reply) => {
      if (this.draining) void reply.header('connection', 'close');
    });
  }

  /** The route's handler, releasing its request when it has finished. */
  private counted(handler: RouteHandlerMethod): RouteHandlerMethod {
    const flightOf = (raw: IncomingMessage): Flight | undefined => this.flights.get(raw);
    const release = (flight: Flight): void => this.release(flight);
    return function (req, reply) {
      const flight = flightOf(req.raw);
      if (flight === undefined) return handler.call(this, req, reply);
      flight.handler = true;
      let result: unknown;
      try {
        result = handler.call(this, req, reply);
      } catch (err) {
        release(flight);
        throw err;
      }
      if (!(result instanceof Promise)) {
        release(flight);
        return result;
      }
      return result.finally(() => release(flight));
    };
  }

  /**
   * Its client left, or it was answered without its handler. A request whose client leaves
   * while it is still on its way to its handler (auth, body) is not waited for: what it sends
   * goes out late, through the outbox, not lost.
   */
  private endedBeforeHandler(raw: IncomingMessage): void {
    const flight = this.flights.get(raw);
    if (flight !== undefined && !flight.handler) this.release(flight);
  }

  private release(flight: Flight): void {
    if (flight.released) return;
    flight.released = true;
    this.inFlight--;
    if (this.inFlight === 0) this.idle?.();
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
