import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, validateConfig } from '../../src/config/load.js';
import { main } from '../../src/cli.js';
import { captureIo, makeTempDir } from '../helpers/temp-corpus.js';

describe('config validation at the edge', () => {
  it('fills every default from an empty object', () => {
    const result = validateConfig({}, null, '/work');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.config.language.policy).toBe('reject');
    expect(result.value.corpusDir).toBe('/work/corpus');
  });

  it('resolves folders relative to the config file, not the working directory', () => {
    const result = validateConfig({ corpus: 'articles', output: '../out' }, '/data/project/pipeline.config.json', '/elsewhere');
    expect(result.ok && [result.value.corpusDir, result.value.outputDir]).toEqual(['/data/project/articles', '/data/out']);
  });

  it('names the file, the key path and what was expected', () => {
    const result = validateConfig({ stages: { dates: 'yes' }, ingest: { maxBytes: -1 }, langauge: {} }, '/p/pipeline.config.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/p\/pipeline\.config\.json: stages\.dates: .*expected boolean/u),
        expect.stringMatching(/^\/p\/pipeline\.config\.json: ingest\.maxBytes: /u),
        expect.stringMatching(/^\/p\/pipeline\.config\.json: unknown key langauge/u),
      ]),
    );
  });

  it('tells an old config where a moved key went (tension.sentiment is now the section sentiment)', () => {
    const result = validateConfig({ tension: { sentiment: { method: 'rules' } }, tensoin: {} }, '/p/pipeline.config.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      '/p/pipeline.config.json: tension.sentiment has moved to sentiment: write the same settings there (see the README\'s config table)',
      '/p/pipeline.config.json: unknown key tensoin: not a setting of this pipeline (see the README\'s config table)',
    ]);
    const moved = validateConfig({ sentiment: { method: 'rules' } }, null);
    expect(moved.ok && moved.value.config.sentiment.method).toBe('rules');
  });

  it('refuses the tension stage without the sentiment stage it reads', () => {
    const result = validateConfig({ stages: { sentiment: false } }, '/p/pipeline.config.json');
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^\/p\/pipeline\.config\.json: stages: the tension stage needs the sentiment stage/u)]);
    expect(validateConfig({ stages: { sentiment: false, tension: false } }, null).ok).toBe(true);
  });

  it('reports a missing file and invalid JSON', () => {
    const dir = makeTempDir({ 'bad.json': '{ "corpus": ' });
    const missing = loadConfig(path.join(dir, 'nope.json'));
    expect(!missing.ok && missing.errors[0]).toMatch(/nope\.json: cannot read the config file \(ENOENT\)/u);
    const invalid = loadConfig(path.join(dir, 'bad.json'));
    expect(!invalid.ok && invalid.errors[0]).toMatch(/bad\.json: not valid JSON/u);
  });

  it('the CLI stops before any work with exit code 2', async () => {
    const dir = makeTempDir({ 'corpus/a.txt': 'The minister said on Monday that talks would resume.' });
    writeFileSync(path.join(dir, 'pipeline.config.json'), JSON.stringify({ stages: { tension: 1 } }));
    const { io, err } = captureIo();
    const code = await main(['run', '--config', path.join(dir, 'pipeline.config.json')], io);
    expect(code).toBe(2);
    expect(err()).toMatch(/pipeline\.config\.json: stages\.tension: .*expected boolean/u);
  });

  it('the repository config is valid', () => {
    expect(loadConfig('pipeline.config.json').ok).toBe(true);
  });
});
