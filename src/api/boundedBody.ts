/** Thrown when a body passes the size cap; the rest is never read. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`The reply body is larger than ${limitBytes} bytes.`);
  }
}

/**
 * Reads a body to the end, refusing it as soon as it passes `limitBytes` (the stream is cancelled, the
 * rest never read). A declared `Content-Length` over the limit is refused before reading anything.
 * Stalls end when the request's signal aborts (the caller's time-out).
 */
export async function readBoundedBody(response: Response, limitBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limitBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  const body = response.body;
  if (!body) {
    return new Uint8Array(0);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      size += value.byteLength;
      if (size > limitBytes) {
        void reader.cancel().catch(() => undefined);
        throw new BodyTooLargeError(limitBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return concatBytes(chunks, size);
}

/** The chunks as one array of `size` bytes (a single chunk is returned as it is). */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) {
    return chunks[0];
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
