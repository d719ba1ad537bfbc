/**
 * Connections the kernel queues for accept while the event loop is busy with others. Node's
 * default, 511, overflows when thousands of boxes reconnect at once (after an outage or a
 * headend restart): the kernel drops the handshakes beyond it, and each box's TCP stack tries
 * again only after 1, 3, 7, 15, 31, 63 s. A storm of 19,000 boxes then drained in stair steps
 * over minutes (issue 19; `nstat TcpExtListenOverflows` counted the drops). The kernel caps the
 * figure at net.core.somaxconn (4096 on current Linux).
 *
 * A deeper queue is not better. libuv takes one connection per event-loop turn (README,
 * "Reconnect storms"), about 500 a second here in a storm, so a box deep in the queue waits
 * longer than its 15 s connect timeout, gives up, and comes back behind the others, while the
 * headend still accepts and upgrades the socket it left. Measured with somaxconn raised to
 * 32,768 and this figure with it (session 20, AMD EPYC VM): the 10,000-box storm improved
 * (1.57× raw, no overflow, against 1.96×), but at 19,000 boxes the fleet took 243 s to come
 * online and the storm 450 s against 64.5 s raw (7×; 5,259 µs of headend CPU per resent
 * notice, against 197 s, 4.8× and 2,143 µs with 4,096), simulators/README.md.
 */
export const LISTEN_BACKLOG = 4096;
