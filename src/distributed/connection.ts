import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { QueueAddress } from './queue-url.js';

/**
 * How long a process keeps trying to reach Redis (at start, or after losing it) before it gives up
 * with exit code 2. Long enough for a Redis restart or a network hiccup, short enough that a run whose
 * Redis is gone says so promptly.
 */
export const REDIS_GIVE_UP_MS = 5000;

/** Redis cannot be reached, or was lost and did not come back within `REDIS_GIVE_UP_MS`. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

/**
 * Connection settings for every client of a process (its own and BullMQ's): reconnect with a short
 * backoff, give up after about `REDIS_GIVE_UP_MS` (the client then ends, and waiting commands fail),
 * and let commands wait while reconnecting (BullMQ's blocking commands need `maxRetriesPerRequest: null`).
 */
export function connectionOptions(address: QueueAddress): RedisOptions & ConnectionOptions {
  return {
    ...address.connection,
    maxRetriesPerRequest: null,
    connectTimeout: 2000,
    retryStrategy: (attempt: number) => {
      // Delays 100, 200, ... 1000 ms: about 5 s in all after the first failure.
      let waited = 0;
      for (let i = 1; i < attempt; i++) waited += Math.min(i * 100, 1000);
      return waited >= REDIS_GIVE_UP_MS ? null : Math.min(attempt * 100, 1000);
    },
  };
}

/**
 * A watched client: `lost` rejects with a clear, password-free message once the client has given up,
 * whether Redis was never reachable or went away mid-run.
 */
export class WatchedRedis {
  readonly client: Redis;
  readonly lost: Promise<never>;
  private lastError = '';

  constructor(private readonly address: QueueAddress) {
    this.client = new Redis({ ...connectionOptions(address), lazyConnect: true });
    this.client.on('error', (error: Error) => (this.lastError = address.redact(error.message)));
    this.lost = new Promise<never>((_, reject) => {
      this.client.once('end', () => reject(new QueueUnavailableError(this.describeLoss())));
    });
    this.lost.catch(() => undefined);
  }

  /** Connects, or throws `QueueUnavailableError` once the retries are spent. */
  async connect(): Promise<void> {
    await Promise.race([this.client.connect(), this.lost]).catch((error: unknown) => {
      throw error instanceof QueueUnavailableError ? error : new QueueUnavailableError(this.describeLoss());
    });
    await Promise.race([this.client.ping(), this.lost]);
  }

  /** Runs a step, failing as soon as the connection is lost rather than waiting for a reconnect that will not come. */
  guard<T>(step: Promise<T>): Promise<T> {
    step.catch(() => undefined);
    return Promise.race([step, this.lost]);
  }

  private describeLoss(): string {
    return `cannot reach Redis at ${this.address.display} (${this.lastError || 'connection closed'}); gave up after ${REDIS_GIVE_UP_MS / 1000} s`;
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
