/**
 * Connections the kernel queues for accept while the event loop is busy with others. Node's
 * default, 511, overflows when thousands of boxes reconnect at once (after an outage or a
 * headend restart): the kernel drops the handshakes beyond it, and each box's TCP stack tries
 * again only after 1, 3, 7, 15, 31, 63 s. A storm of 19,000 boxes then drained in stair steps
 * over minutes (issue 19; `nstat TcpExtListenOverflows` counted the drops).
 *
 * The headend asks for the most a listen queue can hold and the kernel caps it at
 * net.core.somaxconn (4096 by default on current Linux). Since libuv takes one connection per
 * event-loop turn (README, "Reconnect storms"), a queue smaller than the fleet overflows in a
 * storm; raise `net.core.somaxconn` above the number of boxes (README, "Deploying") and the
 * boxes wait in the queue instead of backing off: the 10,000-box storm then drained with no
 * overflow, 1.57× raw against 1.96× with 4,096 (session 20, AMD EPYC VM).
 */
export const LISTEN_BACKLOG = 65_535;
