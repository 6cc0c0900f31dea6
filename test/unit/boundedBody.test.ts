import * as assert from 'node:assert/strict';
import { BodyTooLargeError, concatBytes, readBoundedBody } from '../../src/api/boundedBody';

/** A response whose body comes in the given chunks, counting how many were pulled. */
function chunked(
  chunks: Uint8Array[],
  headers: Record<string, string> = {},
): { response: Response; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++];
      if (next) {
        controller.enqueue(next);
      } else {
        controller.close();
      }
    },
  });
  return { response: new Response(stream, { headers }), pulled: () => pulled };
}

describe('readBoundedBody: a reply read whole up to a cap, never past it', () => {
  it('reads every chunk of a body under the cap', async () => {
    const { response } = chunked([new Uint8Array([1, 2]), new Uint8Array([3])]);
    assert.deepEqual([...(await readBoundedBody(response, 10))], [1, 2, 3]);
  });

  it('stops reading as soon as the cap is passed', async () => {
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(1024));
    const { response, pulled } = chunked(chunks);
    await assert.rejects(readBoundedBody(response, 4 * 1024), (e: unknown) => e instanceof BodyTooLargeError);
    assert.ok(pulled() < 10, `read ${pulled()} chunks of 100`);
  });

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const { response, pulled } = chunked([new Uint8Array(8)], { 'Content-Length': String(2 ** 40) });
    await assert.rejects(readBoundedBody(response, 1024), BodyTooLargeError);
    assert.ok(pulled() <= 1, 'nothing read past what the stream offered at once');
  });

  it('an empty body is no bytes; concatBytes joins chunks in order', async () => {
    assert.equal((await readBoundedBody(new Response(null), 10)).byteLength, 0);
    assert.deepEqual([...concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])], 3)], [1, 2, 3]);
  });
});
