/**
 * The tests' one polling helper, for the in-host suite and the UI tests alike: waits (bounded) until
 * `check` returns a truthy value, as a user waits for what they expect to see, and returns that value.
 * On time-out it throws, naming what was awaited and the last value seen.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) {
      return last;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
