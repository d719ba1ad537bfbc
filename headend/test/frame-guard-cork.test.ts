import { Duplex } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { StreamFrameGuard } from '../src/broker/mqtt-frame-guard';

/** The box's side of the connection: what arrives, write by write (one system call each). */
function transport() {
  const writes: Buffer[] = [];
  const inner = new Duplex({
    read: () => undefined,
    write: (chunk: Buffer, _enc, cb) => {
      writes.push(chunk);
      cb();
    },
  });
  return { inner, writes };
}

/** The next tick of this turn: a packet written after it follows the previous packet's uncork. */
const tick = (): Promise<void> => new Promise((r) => process.nextTick(r));

/** As mqtt-packet writes a packet for aedes: corked around its pieces, uncorked on the next tick. */
function writePacket(stream: StreamFrameGuard, ...pieces: number[][]): void {
  stream.cork();
  for (const p of pieces) stream.write(Buffer.from(p));
  process.nextTick(() => stream.uncork());
}

describe('MqttFrameGuard writes (issue 19: fewer system calls per box in a reconnect storm)', () => {
  it('sends every packet written to a box in one event-loop turn as one write', async () => {
    const { inner, writes } = transport();
    const guard = new StreamFrameGuard(inner, 1024, () => undefined);
    // A CONNACK, then two PUBLISHes its session kept, each on a later tick of the same turn.
    writePacket(guard, [0x20, 0x02], [0x01, 0x00]);
    await tick();
    writePacket(guard, [0x32, 0x03], [0x00, 0x01, 0x41]);
    await tick();
    writePacket(guard, [0x32, 0x03], [0x00, 0x01, 0x42]);
    await nextTurn();
    await nextTurn();
    expect(writes.map((w) => [...w])).toEqual([
      [0x20, 0x02, 0x01, 0x00, 0x32, 0x03, 0x00, 0x01, 0x41, 0x32, 0x03, 0x00, 0x01, 0x42],
    ]);
  });

  it('does not hold a packet past its turn: one written in the next turn leaves in its own write', async () => {
    const { inner, writes } = transport();
    const guard = new StreamFrameGuard(inner, 1024, () => undefined);
    writePacket(guard, [0x40, 0x02], [0x00, 0x01]);
    await nextTurn();
    await nextTurn();
    expect(writes).toHaveLength(1);
    writePacket(guard, [0x40, 0x02], [0x00, 0x02]);
    await nextTurn();
    await nextTurn();
    expect(writes.map((w) => [...w])).toEqual([
      [0x40, 0x02, 0x00, 0x01],
      [0x40, 0x02, 0x00, 0x02],
    ]);
  });

  it('an ended connection still sends what the turn held', async () => {
    const { inner, writes } = transport();
    const guard = new StreamFrameGuard(inner, 1024, () => undefined);
    writePacket(guard, [0xe0, 0x00]);
    guard.end();
    await nextTurn();
    await nextTurn();
    expect(writes.map((w) => [...w])).toEqual([[0xe0, 0x00]]);
  });
});
