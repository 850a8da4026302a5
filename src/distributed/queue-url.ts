import type { RedisOptions } from 'ioredis';

/**
 * The `--queue` URL: `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. The password
 * never leaves this module in readable form: `display` is the URL with it masked, and `redact` masks
 * it in any text (an error message from the Redis client, a log line) before that text is printed.
 */
export interface QueueAddress {
  /** The URL as it may be printed: the password replaced by `***`. */
  readonly display: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly tls: boolean;
  readonly username: string | null;
  /** Masks the password in a text; the identity when the URL has none. */
  readonly redact: (text: string) => string;
  /** Connection settings for ioredis (and BullMQ, which hands them to ioredis). */
  readonly connection: RedisOptions;
}

export type QueueAddressResult = { ok: true; address: QueueAddress } | { ok: false; error: string };

const MASK = '***';

export function parseQueueUrl(text: string): QueueAddressResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The text itself may hold a password: say what is wrong without echoing it.
    return { ok: false, error: '--queue expects a URL such as redis://localhost:6379/0 (or rediss:// for TLS); the value given is not a URL' };
  }
  const password = url.password === '' ? null : decodeURIComponent(url.password);
  const masked = new URL(url.href);
  if (password !== null) masked.password = MASK;
  const display = masked.href;
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return { ok: false, error: `--queue ${display}: expected a redis:// or rediss:// URL` };
  if (url.hostname === '') return { ok: false, error: `--queue ${display}: no host` };
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//u, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || !/^\d*$/u.test(dbText)) return { ok: false, error: `--queue ${display}: the path must be a database number (/0, /1, ...), got "/${dbText}"` };
  if (url.search !== '' || url.hash !== '') return { ok: false, error: `--queue ${display}: query strings and fragments are not supported` };
  const tls = url.protocol === 'rediss:';
  const username = url.username === '' ? null : decodeURIComponent(url.username);
  const host = url.hostname.replace(/^\[(.*)\]$/u, '$1');
  const redact = (message: string): string => {
    if (password === null) return message;
    let out = message.split(password).join(MASK);
    const encoded = encodeURIComponent(password);
    if (encoded !== password) out = out.split(encoded).join(MASK);
    return out;
  };
  return {
    ok: true,
    address: {
      display,
      host,
      port,
      db,
      tls,
      username,
      redact,
      connection: {
        host,
        port,
        db,
        ...(username !== null ? { username } : {}),
        ...(password !== null ? { password } : {}),
        ...(tls ? { tls: { servername: host } } : {}),
      },
    },
  };
}
