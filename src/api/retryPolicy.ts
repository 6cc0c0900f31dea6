import type { RetryOptions } from 'ky';
import { BodyTooLargeError } from './boundedBody';
import { LinqApiError } from './linqApiError';
import { BadJsonError } from './toLinqError';

/** Statuses worth asking again: time-outs, rate limits and the server's passing troubles. */
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];

/**
 * ky's retries: `GET` only (a write is never sent twice by the client), for 408, 429, 5xx, network failures,
 * time-outs and unreadable 2xx bodies; back-off `base × 2^n` capped, jitter only lengthening it (1.0–1.2×).
 * ky's own reading of `Retry-After` and the `RateLimit-*` headers is off (`afterStatusCodes: []`): the rate gate
 * applies `Retry-After` as RFC 9110 means it (`noteRateLimit`).
 */
export function retryPolicy(p: { limit: number; baseDelayMs: number; maxDelayMs: number }): RetryOptions {
  return {
    limit: p.limit,
    methods: ['get'],
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: [],
    backoffLimit: p.maxDelayMs,
    retryOnTimeout: true,
    delay: (attempt) => p.baseDelayMs * 2 ** (attempt - 1),
    jitter: (delay) => delay * (1 + Math.random() * 0.2),
    shouldRetry: ({ error }) => {
      if (error instanceof LinqApiError || error instanceof BodyTooLargeError) {
        return false;
      }
      return error instanceof BadJsonError ? true : undefined;
    },
  };
}
