import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { AtomicFileWriter, writeFileAtomic } from '../../src/output/atomic-write.js';
import { captureIo, makeTempDir } from '../helpers/temp-corpus.js';
import { offsetMismatches, outputBytes, readCsv, validateArticleJson } from '../helpers/check-output.js';

const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const ENGLISH = 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas, easing months of tension.';
const SPANISH = 'El presidente de Colombia se reunirá con el presidente de Estados Unidos en la Casa Blanca el 3 de febrero, anunció el gobierno colombiano el miércoles.';

const corpusFiles: Record<string, string | Uint8Array> = {
  'seed/us-colombia-relations.md': seed,
  'plain.txt': `Ministers Meet in Geneva\n\n${ENGLISH}\n`,
  'emoji.txt': `Flags 🇨🇴🇺🇸 ahead: ${ENGLISH}`,
  'single.json': JSON.stringify({ id: 'json-article', date: '2025-06-01T09:00:00+02:00', title: 'T', text: ENGLISH, desk: 'world' }),
  'unsafe.json': JSON.stringify({ id: '../../escape/me', text: ENGLISH }),
  'batch.jsonl': [
    JSON.stringify({ id: 'line-1', text: ENGLISH }),
    '{"id": "line-2", "text": ',
    JSON.stringify({ id: 'line-3', title: 'no text' }),
    JSON.stringify({ id: 'line-1', text: ENGLISH }),
    JSON.stringify({ text: ENGLISH }),
  ].join('\n'),
  'bad/empty.txt': '',
  'bad/blank.txt': '  \n\n ',
  'bad/binary.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x00, 0x00]),
  'bad/latin1.txt': Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait was served at the embassy on Monday.')]),
  'bad/front.md': `---\ntitle: [oops\n---\n${ENGLISH}`,
  'bad/date.md': `---\ndate: 14/01/2026\n---\n${ENGLISH}`,
  'bad/spanish.txt': SPANISH,
  'bad/huge.txt': `${ENGLISH} `.repeat(400),
  'bad/page.html': '<p>not an article</p>',
};

let dir: string;
let outDir: string;
let configFile: string;
let firstExit: number;
let firstOut: string;

beforeAll(async () => {
  dir = makeTempDir(Object.fromEntries(Object.entries(corpusFiles).map(([k, v]) => [`corpus/${k}`, v])));
  configFile = path.join(dir, 'pipeline.config.json');
  writeFileSync(configFile, JSON.stringify({ ingest: { maxBytes: 20_000 }, outputs: { report: false } }));
  outDir = path.join(dir, 'output');
  const { io, out } = captureIo();
  firstExit = await main(['run', '--config', configFile], io);
  firstOut = out();
}, 60_000);

describe('article-pipeline run on a corpus with good and bad files', () => {
  it('exits 1 when some articles were rejected, and says so in the summary', () => {
    expect(firstExit).toBe(1);
    expect(firstOut).toMatch(/articles: 7 ok, 12 rejected, 0 unchanged \(of 19\)/u);
    expect(firstOut).toMatch(/rejected: bad\/empty\.txt: empty article/u);
  });

  it('writes one JSON per good article, valid against the schema, with every offset slicing back to its text', () => {
    const names = readdirSync(path.join(outDir, 'json')).sort();
    expect(names).toEqual(['%2E.%2F..%2Fescape%2Fme.json', 'batch%3A5.json', 'emoji.json', 'json-article.json', 'line-1.json', 'plain.json', 'us-colombia-relations.json']);
    for (const name of names) {
      const json = JSON.parse(readFileSync(path.join(outDir, 'json', name), 'utf8')) as { text: string };
      const valid = validateArticleJson(json);
      expect(validateArticleJson.errors ?? [], name).toEqual([]);
      expect(valid).toBe(true);
      expect(offsetMismatches(json), name).toEqual([]);
    }
    expect(existsSync(path.join(dir, 'escape'))).toBe(false);
  });

  it('keeps metadata, the publication date as written and where it came from', () => {
    const json = JSON.parse(readFileSync(path.join(outDir, 'json', 'json-article.json'), 'utf8'));
    expect(json).toMatchObject({ id: 'json-article', dct: '2025-06-01', dct_source: 'metadata', metadata: { desk: 'world', title: 'T' } });
    const seedJson = JSON.parse(readFileSync(path.join(outDir, 'json', 'us-colombia-relations.json'), 'utf8'));
    expect(seedJson).toMatchObject({ id: 'us-colombia-relations', source_path: 'seed/us-colombia-relations.md' });
    expect(seedJson.headline.text).toBe('Petro to Meet Donald Trump at the White House as US-Colombia Tensions Ease');
    expect(seedJson.dateline.places.map((p: { text: string }) => p.text)).toEqual(['BOGOTÁ', 'WASHINGTON']);
  });

  it('records every rejected input in errors.csv with the file, line and reason', () => {
    const errors = readCsv(path.join(outDir, 'errors.csv'));
    const byFile = errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''} ${e.reason}`);
    const expected: RegExp[] = [
      /^bad\/binary\.txt binary file/u,
      /^bad\/blank\.txt empty article: only whitespace/u,
      /^bad\/date\.md invalid date "14\/01\/2026"/u,
      /^bad\/empty\.txt empty article: no text/u,
      /^bad\/front\.md malformed front matter/u,
      /^bad\/huge\.txt .*over the size limit of 20000 bytes/u,
      /^bad\/latin1\.txt not valid UTF-8/u,
      /^bad\/page\.html no article text found in the HTML page/u,
      /^bad\/spanish\.txt not English: detected "es"/u,
      /^batch\.jsonl:2 malformed JSON/u,
      /^batch\.jsonl:3 missing text/u,
      /^batch\.jsonl:4 duplicate id "line-1": already used by batch\.jsonl:1/u,
    ];
    for (const pattern of expected) expect(byFile.some((line) => pattern.test(line)), pattern.source).toBe(true);
    expect(Object.keys(errors[0]!)).toEqual(['article_id', 'file', 'line', 'reason']);
  });

  it('writes CSV tables with a header, article_id first, one row per article and per sentence', () => {
    const articles = readCsv(path.join(outDir, 'articles.csv'));
    expect(articles.map((a) => a.article_id)).toEqual(['../../escape/me', 'batch:5', 'emoji', 'json-article', 'line-1', 'plain', 'us-colombia-relations']);
    const sentences = readCsv(path.join(outDir, 'sentences.csv'));
    const seedSentences = sentences.filter((s) => s.article_id === 'us-colombia-relations');
    expect(seedSentences.length).toBe(Number(articles.find((a) => a.article_id === 'us-colombia-relations')!.sentences));
    for (const s of seedSentences) expect(Array.from(seed.split('---\n')[2]!).slice(Number(s.start), Number(s.end)).join('')).toBe(s.text);
  });

  it('skips unchanged articles on a rerun, recomputes a changed one, and drops a removed one', async () => {
    const rerun = captureIo();
    expect(await main(['run', '--config', configFile], rerun.io)).toBe(1);
    expect(rerun.out(), readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toMatch(/articles: 0 ok, 12 rejected, 7 unchanged/u);

    writeFileSync(path.join(dir, 'corpus', 'plain.txt'), `Ministers Meet in Geneva\n\n${ENGLISH} They agreed.\n`);
    rmSync(path.join(dir, 'corpus', 'emoji.txt'));
    const changed = captureIo();
    await main(['run', '--config', configFile], changed.io);
    expect(changed.out()).toMatch(/articles: 1 ok, 12 rejected, 5 unchanged/u);
    expect(existsSync(path.join(outDir, 'json', 'emoji.json'))).toBe(false);
    expect(readCsv(path.join(outDir, 'articles.csv')).map((a) => a.article_id)).not.toContain('emoji');
    expect(readCsv(path.join(outDir, 'sentences.csv')).some((s) => s.text === 'They agreed.')).toBe(true);
  });

  it('gives byte-identical JSON and CSV for the same input and config', async () => {
    const otherOut = path.join(dir, 'output-again');
    await main(['run', '--config', configFile, '--out', otherOut, '--force'], captureIo().io);
    const a = outputBytes(outDir);
    const b = outputBytes(otherOut);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect(b.get(file), file).toBe(bytes);
  });

  it('exits 2 with a clear message for an unreadable corpus or output folder', async () => {
    const missing = captureIo();
    expect(await main(['run', '--config', configFile, '--corpus', path.join(dir, 'no-such-folder')], missing.io)).toBe(2);
    expect(missing.err()).toMatch(/cannot read the corpus folder .*no-such-folder \(ENOENT\)/u);
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const blocked = captureIo();
    expect(await main(['run', '--config', configFile, '--out', path.join(dir, 'a-file', 'out')], blocked.io)).toBe(2);
    expect(blocked.err()).toMatch(/cannot write to the output folder/u);
  });
});

describe('annotate', () => {
  it('prints one article as JSON, with the publication date from --date', async () => {
    const file = path.join(dir, 'corpus', 'plain.txt');
    const { io, out } = captureIo();
    expect(await main(['annotate', file, '--date', '2026-01-15'], io)).toBe(0);
    const json = JSON.parse(out());
    expect(json).toMatchObject({ dct: '2026-01-15', dct_source: 'config' });
    expect(validateArticleJson(json)).toBe(true);
  });
  it('reads standard input with "-"', async () => {
    const { io, out } = captureIo(ENGLISH);
    expect(await main(['annotate', '-'], io)).toBe(0);
    expect(JSON.parse(out()).text).toBe(ENGLISH);
  });
  it('rejects bad input with exit 1 and bad usage with exit 2', async () => {
    const empty = captureIo('   ');
    expect(await main(['annotate', '-'], empty.io)).toBe(1);
    expect(empty.err()).toMatch(/empty article/u);
    expect(await main(['annotate', '-', '--date', 'soon'], captureIo(ENGLISH).io)).toBe(2);
    expect(await main(['no-such-command'], captureIo().io)).toBe(2);
  });
});

describe('no partial output files', () => {
  it('an aborted write leaves the previous file intact and no temporary file behind', () => {
    const folder = makeTempDir();
    const target = path.join(folder, 'table.csv');
    writeFileAtomic(target, 'old complete content\n');
    const writer = new AtomicFileWriter(target);
    writer.write('half of a new fi');
    expect(readFileSync(target, 'utf8')).toBe('old complete content\n');
    writer.abort();
    expect(readdirSync(folder)).toEqual(['table.csv']);
    expect(readFileSync(target, 'utf8')).toBe('old complete content\n');
  });

  it('a run killed mid-way leaves only complete JSON and CSV files', async () => {
    const bin = new URL('../../bin/article-pipeline.js', import.meta.url).pathname;
    const distCli = new URL('../../dist/cli.js', import.meta.url).pathname;
    expect(existsSync(distCli), 'dist/ is built by `npm run build` (npm ci runs it through `prepare`)').toBe(true);
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`corpus/a${String(i).padStart(3, '0')}.txt`] = `${ENGLISH} Article ${i}.`;
    const folder = makeTempDir(files);
    const out = path.join(folder, 'out');
    const child = spawn(process.execPath, [bin, 'run', '--corpus', path.join(folder, 'corpus'), '--out', out, '--no-report'], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const written = existsSync(path.join(out, 'json')) ? readdirSync(path.join(out, 'json')).length : 0;
        if (written >= 20 || child.exitCode !== null) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once('close', resolve));
    for (const name of readdirSync(path.join(out, 'json')).filter((n) => !n.startsWith('.'))) {
      expect(() => JSON.parse(readFileSync(path.join(out, 'json', name), 'utf8')), name).not.toThrow();
    }
    // CSVs are published only when complete: either absent or ending in a full record.
    for (const table of ['articles.csv', 'sentences.csv']) {
      const file = path.join(out, table);
      if (existsSync(file)) expect(readFileSync(file, 'utf8').endsWith('\r\n')).toBe(true);
    }
  }, 60_000);
});

describe('eval', () => {
  it('scores a stage on a gold file and prints a report, or JSON with --json', async () => {
    const gold = path.join(makeTempDir({ 'gold.jsonl': [
      JSON.stringify({ id: 's1', text: 'The army shelled the border town overnight.', polarity: 'conflict', source: [], target: [] }),
      JSON.stringify({ id: 's2', text: 'The two ministers signed a trade agreement in Geneva.', polarity: 'cooperation', source: [], target: [] }),
    ].join('\n') }), 'gold.jsonl');
    const text = captureIo();
    expect(await main(['eval', 'tension', '--gold', gold], text.io)).toBe(0);
    expect(text.out()).toMatch(/macro F1/u);
    const json = captureIo();
    expect(await main(['eval', 'tension', '--gold', gold, '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out())).toBeTypeOf('object');
  });
  it('exits 2 for an unknown baseline or an unreadable gold file', async () => {
    const unknown = captureIo();
    expect(await main(['eval', 'dates', '--gold', 'x.jsonl', '--baseline', 'heideltime'], unknown.io)).toBe(2);
    expect(unknown.err()).toMatch(/unknown baseline "heideltime": expected one of chrono, compromise-dates/u);
    const missing = captureIo();
    expect(await main(['eval', 'entities', '--gold', path.join(dir, 'nope.jsonl')], missing.io)).toBe(2);
    expect(missing.err()).toMatch(/cannot read gold file/u);
  });
  it('exits 2 for a learning-curve share outside (0, 1]', async () => {
    const gold = path.join(makeTempDir({ 'gold.jsonl': JSON.stringify({ id: 'g1', text: 'Boeing hired Ann Lee.', entities: [] }) }), 'gold.jsonl');
    const zero = captureIo();
    expect(await main(['eval', 'entities', '--gold', gold, '--train-fraction', '0'], zero.io)).toBe(2);
    expect(zero.err()).toMatch(/--train-fraction must be a number in \(0, 1\], got "0"/u);
  });
});
