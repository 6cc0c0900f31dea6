import * as assert from 'node:assert/strict';
import { RateGate } from '../../src/api/rateGate';

describe('RateGate: one pause for every request of a client', () => {
  it('a pause is never shortened by a shorter one', () => {
    let now = 1_000;
    const gate = new RateGate(() => now);
    gate.pauseFor(5_000);
    gate.pauseFor(1_000);
    assert.equal(gate.remainingMs, 5_000);
    now += 4_000;
    assert.equal(gate.remainingMs, 1_000);
    now += 2_000;
    assert.equal(gate.remainingMs, 0);
  });

  it('wait resolves once the pause has passed, and at once when open', async () => {
    const gate = new RateGate();
    const started = performance.now();
    await gate.wait();
    assert.ok(performance.now() - started < 20, 'open: no wait');
    gate.pauseFor(120);
    await gate.wait();
    assert.ok(performance.now() - started >= 110, 'waited out the pause');
  });

  it('an abort while waiting rejects with the signal’s reason', async () => {
    const gate = new RateGate();
    gate.pauseFor(60_000);
    const abort = new AbortController();
    const waiting = gate.wait(abort.signal);
    abort.abort(new Error('user cancelled'));
    await assert.rejects(waiting, /user cancelled/);
  });
});
