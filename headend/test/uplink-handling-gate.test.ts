import { describe, expect, it } from 'vitest';
import { HandlingGate } from '../src/broker/handling-gate';

/** The external broker's uplink back-pressure (external-mqtt-broker.ts): a count and a byte budget. */
describe('HandlingGate: how much uplink an instance holds at once', () => {
  it('takes messages from the broker until the count is reached, then one per message handled', () => {
    const gate = new HandlingGate(3, 1_000_000);
    // The broker's queue: it hands over its next message only when let (mqtt.js's `done`).
    let queued = 5;
    const inHand: Array<() => void> = [];
    const handOver = (): void => {
      if (queued === 0) return;
      queued--;
      inHand.push(gate.take(10));
      gate.whenRoom(handOver);
    };
    handOver();
    expect(inHand).toHaveLength(3);
    expect(gate.inHand).toEqual({ count: 3, bytes: 30 });
    inHand[0]?.();
    expect(inHand).toHaveLength(4);
    inHand[0]?.(); // a second call for the same message changes nothing
    expect(inHand).toHaveLength(4);
    expect(gate.inHand).toEqual({ count: 3, bytes: 30 });
    inHand[1]?.();
    expect(inHand).toHaveLength(5);
    for (const leave of inHand) leave();
    expect(gate.inHand).toEqual({ count: 0, bytes: 0 });
  });

  it('holds the broker back by bytes when messages are large, whatever their count', () => {
    const gate = new HandlingGate(1024, 100_000);
    let handedOver = 0;
    const big = gate.take(60_000);
    gate.whenRoom(() => handedOver++);
    const bigger = gate.take(60_000);
    gate.whenRoom(() => handedOver++);
    expect(handedOver).toBe(1); // 120,000 bytes in hand: over the budget
    bigger();
    expect(handedOver).toBe(2);
    big();
    expect(gate.inHand).toEqual({ count: 0, bytes: 0 });
  });
});
