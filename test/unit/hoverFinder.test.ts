import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { HoverFinder } from '../../src/editor/hoverFinder';

/** A `find` that answers when released, recording what it was asked and how many ran at once. */
function finder(known: Record<string, Contact> = {}) {
  const asked: string[] = [];
  const pending: Array<() => void> = [];
  let running = 0;
  let most = 0;
  return {
    asked,
    most: () => most,
    release: () => pending.splice(0).forEach((answer) => answer()),
    find: (email: string): Promise<Contact | undefined> => {
      asked.push(email);
      running++;
      most = Math.max(most, running);
      return new Promise((resolve, reject) =>
        pending.push(() => {
          running--;
          if (email.startsWith('fail')) {
            reject(new Error('offline'));
          } else {
            resolve(known[email]);
          }
        }),
      );
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('HoverFinder: find for hover cards, each address once, two in flight, ten waiting', () => {
  it('asks once per address (ignoring case) and remembers "none" too', async () => {
    const f = finder({ 'ada@x.example': { id: 1 } });
    const hovers = new HoverFinder(f.find);
    const both = [hovers.ask('Ada@X.example'), hovers.ask('ada@x.example'), hovers.ask('nobody@x.example')];
    f.release();
    await Promise.all(both);
    assert.deepEqual(
      f.asked,
      ['nobody@x.example', 'ada@x.example'].sort().filter((a) => f.asked.includes(a)),
    );
    assert.equal(f.asked.length, 2);
    assert.equal(hovers.answer('ADA@x.example')?.id, 1);
    assert.equal(hovers.answer('nobody@x.example'), null);
    await hovers.ask('nobody@x.example');
    assert.equal(f.asked.length, 2, 'a remembered none is not asked again');
    hovers.forget('nobody@x.example');
    assert.equal(hovers.answer('nobody@x.example'), undefined, 'forgotten once that address was created');
  });

  it('at most two in flight; past ten waiting the oldest waiting is dropped; a failure is asked again', async () => {
    const f = finder();
    const hovers = new HoverFinder(f.find);
    const asks = Array.from({ length: 14 }, (_, i) => hovers.ask(`p${i}@x.example`));
    assert.equal(f.asked.length, 2);
    while (f.asked.length < 12) {
      f.release();
      await settle();
    }
    f.release();
    await Promise.all(asks);
    assert.equal(f.most(), 2);
    assert.equal(f.asked.length, 12, 'two in flight and ten waiting were asked; two waiting were dropped');
    const failing = hovers.ask('fail@x.example');
    f.release();
    await failing;
    assert.equal(hovers.answer('fail@x.example'), undefined, 'a failure is not an answer');
    const again = hovers.ask('fail@x.example');
    f.release();
    await again;
    assert.equal(f.asked.filter((a) => a === 'fail@x.example').length, 2);
  });
});
