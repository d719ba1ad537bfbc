/**
 * Connections the kernel queues for accept while the event loop is busy with others. Node's
 * default, 511, overflows when thousands of boxes reconnect at once (after an outage or a
 * headend restart): the kernel drops the handshakes beyond it, and each box's TCP stack tries
 * again only after 1, 3, 7, 15, 31, 63 s. A storm of 19,000 boxes then drained in stair steps
 * over minutes (issue 19; `nstat TcpExtListenOverflows` counted the drops). The kernel caps the
 * figure at net.core.somaxconn (4096 on current Linux). A larger queue only defers the limit:
 * libuv takes one connection per event-loop turn (README, "Reconnect storms").
 */
export const LISTEN_BACKLOG = 4096;
