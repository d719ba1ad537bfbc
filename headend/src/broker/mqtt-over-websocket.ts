import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/**
 * MQTT over WebSocket on an existing HTTP server (browser boxes): each upgrade request on
 * `path` becomes a WebSocket handed to `handle`; any other upgrade is refused. Returns the
 * function that stops listening and drops every WebSocket connection.
 */
export function serveMqttOverWebSocket(
  httpServer: HttpServer,
  path: string,
  handle: (ws: WebSocket) => void,
): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== path) {
      // No other upgrade is served here: answer and close, or the socket would hang open.
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy());
      return;
    }
    wss.handleUpgrade(req, socket, head, handle);
  };
  httpServer.on('upgrade', onUpgrade);
  return () => {
    httpServer.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
