/**
 * Reconnect delay with "full jitter": a random delay between `minMs` and an exponentially
 * growing cap. After an outage thousands of boxes reconnect at once; spreading them keeps
 * the broker's listen backlog from overflowing.
 */
export function backoffDelay(attempt: number, random: () => number, minMs = 1000, capMs = 60_000): number {
  const ceiling = Math.min(capMs, minMs * 2 ** Math.min(attempt, 16));
  return Math.round(minMs + random() * (ceiling - minMs));
}
