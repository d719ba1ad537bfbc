import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { corkForTurn } from '../src/broker/cork-for-turn';

/** Writes per system call on the external broker's connections (cork-for-turn.ts, issue 19). */
function socketLike(): { stream: Writable; calls: string[][] } {
  const calls: string[][] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _enc, cb) {
      calls.push([chunk]);
      cb();
    },
    writev(chunks, cb) {
      calls.push(chunks.map((c) => String(c.chunk)));
      cb();
    },
  });
  return { stream, calls };
}

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Three packets written in one turn, each from its own tick or promise continuation (as mqtt-packet does). */
async function threePackets(stream: Writable): Promise<void> {
  stream.write('publish 1');
  await Promise.resolve();
  stream.write('publish 2');
  await new Promise<void>((resolve) =>
    process.nextTick(() => {
      stream.write('puback');
      resolve();
    }),
  );
}

describe('corkForTurn', () => {
  it("sends a turn's packets in one write, in order", async () => {
    const { stream, calls } = socketLike();
    corkForTurn(stream);
    corkForTurn(stream); // already held for this turn: one uncork at its end
    await threePackets(stream);
    expect(calls).toEqual([]);
    await endOfTurn();
    expect(calls).toEqual([['publish 1', 'publish 2', 'puback']]);
    // The next turn is held afresh.
    corkForTurn(stream);
    await threePackets(stream);
    await endOfTurn();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toHaveLength(3);
  });

  it('without it, each packet is a write of its own', async () => {
    const { stream, calls } = socketLike();
    await threePackets(stream);
    await endOfTurn();
    expect(calls).toEqual([['publish 1'], ['publish 2'], ['puback']]);
  });
});
