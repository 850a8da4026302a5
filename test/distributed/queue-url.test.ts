import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInsideCorpus } from '../../src/distributed/corpus-path.js';
import { jobIdOf, runKeyOf } from '../../src/distributed/protocol.js';
import { parseQueueUrl } from '../../src/distributed/queue-url.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

describe('the --queue URL', () => {
  it('reads host, port, database, user and TLS, and masks the password wherever it is shown', () => {
    const parsed = parseQueueUrl('rediss://analyst:p%40ss-word@redis.example:6380/3');
    if (!parsed.ok) throw new Error(parsed.error);
    const a = parsed.address;
    expect(a).toMatchObject({ host: 'redis.example', port: 6380, db: 3, tls: true, username: 'analyst', display: 'rediss://analyst:***@redis.example:6380/3' });
    expect(a.connection).toMatchObject({ password: 'p@ss-word', tls: { servername: 'redis.example' } });
    expect(a.redact('AUTH failed for p@ss-word (p%40ss-word)')).toBe('AUTH failed for *** (***)');
  });

  it('defaults to port 6379, database 0, no TLS', () => {
    const parsed = parseQueueUrl('redis://localhost');
    expect(parsed.ok && parsed.address).toMatchObject({ host: 'localhost', port: 6379, db: 0, tls: false, username: null, display: 'redis://localhost' });
  });

  it('refuses what is not a Redis URL without echoing a password', () => {
    const notUrl = parseQueueUrl(':secret@host');
    expect(notUrl.ok).toBe(false);
    expect(!notUrl.ok && notUrl.error).not.toMatch(/secret/u);
    const http = parseQueueUrl('http://:secret@host:6379');
    expect(!http.ok && http.error).toBe('--queue http://:***@host:6379/: expected a redis:// or rediss:// URL');
    const db = parseQueueUrl('redis://:secret@host/zero');
    expect(!db.ok && db.error).toBe('--queue redis://:***@host/zero: the path must be a database number (/0, /1, ...), got "/zero"');
  });
});

describe('job payloads', () => {
  it('name only files inside the corpus root', () => {
    const root = makeTempDir({ 'corpus/a/ok.txt': 'text', 'secret.txt': 'outside' });
    const corpus = path.join(root, 'corpus');
    symlinkSync(path.join(root, 'secret.txt'), path.join(corpus, 'a', 'link.txt'));
    mkdirSync(path.join(corpus, 'b'));
    writeFileSync(path.join(corpus, 'b', 'x.txt'), 'x');
    expect(checkInsideCorpus(corpus, 'a/ok.txt')).toEqual({ ok: true });
    for (const bad of ['../secret.txt', 'a/../../secret.txt', path.join(root, 'secret.txt'), 'a/link.txt', 'a//ok.txt', './a/ok.txt', '']) {
      expect(checkInsideCorpus(corpus, bad), bad).toMatchObject({ ok: false, outside: true });
    }
    expect(checkInsideCorpus(corpus, 'a/gone.txt')).toMatchObject({ ok: false, outside: false, reason: expect.stringMatching(/^cannot read a\/gone\.txt \(ENOENT\)/u) });
  });

  it('get ids that depend on the run and on every article id and content hash, and nothing else', () => {
    const run = runKeyOf('/data/out', 'c'.repeat(64));
    const articles = [{ id: 'a', relPath: 'a.txt', line: null, byteStart: 0, byteEnd: 5, contentHash: 'h1' }];
    expect(jobIdOf(run, articles)).toBe(jobIdOf(run, [{ ...articles[0]!, relPath: 'moved/a.txt' }]));
    expect(jobIdOf(run, articles)).not.toBe(jobIdOf(run, [{ ...articles[0]!, contentHash: 'h2' }]));
    expect(jobIdOf(run, articles)).not.toBe(jobIdOf(runKeyOf('/data/out2', 'c'.repeat(64)), articles));
    expect(jobIdOf(run, articles)).toMatch(/^j[0-9a-f]{40}$/u);
  });
});
