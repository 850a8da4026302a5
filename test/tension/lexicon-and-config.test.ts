import { mkdtempSync, writeFileSync } from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LEXICON, scoreTension, tensionConfigSchema, validateTensionLexicon } from '../../src/tension/index.js';
import * as api from '../../src/tension/index.js';
import { compileLexicon, lexiconProblems } from '../../src/tension/lexicon.js';
import { analyze, tensionOf } from './helpers.js';
import { createDocument } from '../../src/segment/create-document.js';
import { loadConfig } from '../../src/config/load.js';
import { scoreSentiment, sentimentConfigSchema } from '../../src/sentiment/index.js';

describe('[tension] the lexicon as data', () => {
  it('validates, with unique kebab-case ids and known categories', () => {
    expect(validateTensionLexicon(BUILTIN_LEXICON).ok).toBe(true);
    expect(lexiconProblems(BUILTIN_LEXICON)).toEqual([]);
    const ids = BUILTIN_LEXICON.cues.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
    // 'negative-tone' is the stage's own rule id for tone-only disapproval: no cue may take it.
    expect(ids).not.toContain('negative-tone');
  });
  it('covers the categories the issue asks for, on both sides, with weights on -10..+10', () => {
    const sides = Object.entries(BUILTIN_LEXICON.categories).map(([name, c]) => `${c.side}:${name}`);
    for (const name of ['threat', 'military-force', 'sanction-coercion', 'accusation', 'criticism', 'rejection', 'strained-relations', 'protest']) expect(sides).toContain(`conflict:${name}`);
    for (const name of ['talks', 'meeting', 'agreement', 'cooperation-aid', 'de-escalation', 'praise']) expect(sides).toContain(`cooperation:${name}`);
    for (const cue of BUILTIN_LEXICON.cues) {
      const side = BUILTIN_LEXICON.categories[cue.category]!.side;
      expect(side === 'conflict' ? cue.weight < 0 : cue.weight > 0, `${cue.id} weight ${cue.weight} on the ${side} side`).toBe(true);
    }
  });
  it('is versioned and documented next to the data', () => {
    expect(BUILTIN_LEXICON.version).toMatch(/^\d+\.\d+\.\d+$/u);
    const readme = new URL('../../src/tension/lexicon/README.md', import.meta.url);
    expect(existsSync(readme)).toBe(true);
    expect(readFileSync(readme, 'utf8')).toContain(BUILTIN_LEXICON.version);
  });
  it('compiles every pattern into at least one element', () => {
    const compiled = compileLexicon(BUILTIN_LEXICON);
    expect(compiled.cues.length).toBe(BUILTIN_LEXICON.cues.length);
    for (const cue of compiled.cues) expect(cue.elements.every((e) => e.size > 0)).toBe(true);
  });
});

describe('[tension] config', () => {
  it('parses {} to the defaults and rejects unknown keys', () => {
    const config = tensionConfigSchema.parse({});
    expect(config.lexiconMode).toBe('extend');
    expect(config.lexicon).toBeNull();
    expect(tensionConfigSchema.safeParse({ lexiconMod: 'replace' }).success).toBe(false);
  });
  it('a user lexicon extends ours (new cues, same id replaces)', () => {
    const user = { version: 'user-1', categories: { cyber: { side: 'conflict' as const } }, cues: [{ id: 'cyber-attack', category: 'cyber', weight: -7, pattern: 'ransomware' }, { id: 'meet', category: 'meeting', weight: 5, pattern: 'meet|met' }] };
    const t = tensionOf('Hackers linked to Moscow deployed ransomware against Estonian banks.', { lexicon: user });
    expect(t.cues.map((c) => `${c.rule}/${c.category}`)).toContain('cyber-attack/cyber');
    const met = tensionOf('The two ministers met in Geneva.', { lexicon: user });
    expect(met.cues.find((c) => c.rule === 'meet')!.weight).toBe(5);
    expect(analyze('The two ministers met in Geneva.', { lexicon: user }).tension.counts['cyber']).toBe(0);
  });
  it('a user lexicon can replace ours', () => {
    const user = { version: 'only-1', categories: { cyber: { side: 'conflict' as const } }, cues: [{ id: 'cyber-attack', category: 'cyber', weight: -7, pattern: 'ransomware' }] };
    const t = tensionOf('Russia attacked Ukraine.', { lexicon: user, lexiconMode: 'replace', negativeTone: { enabled: false } });
    expect(t.cues).toEqual([]);
  });
  it('loads a lexicon file named by the config and reports problems with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tension-lexicon-'));
    const configWith = (lexiconPath: string): string => {
      const file = join(dir, `config-${lexiconPath}`);
      writeFileSync(file, JSON.stringify({ tension: { lexiconPath } }));
      return file;
    };
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ version: '1', categories: { x: { side: 'conflict' } }, cues: [{ id: 'x-one', category: 'x', weight: -1, pattern: 'foo' }] }));
    const loaded = loadConfig(configWith('good.json'));
    expect(loaded.ok && loaded.value.config.tension.lexicon?.cues.map((c) => c.id)).toEqual(['x-one']);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: '1', categories: {}, cues: [{ id: 'Not Kebab', category: 'x', weight: -20, pattern: 'foo' }] }));
    const result = loadConfig(configWith('bad.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join('\n')).toContain('bad.json');
      expect(result.errors.join('\n')).toContain('cues.0.id');
    }
    const missing = loadConfig(configWith('missing.json'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.join('\n')).toMatch(/tension\.lexiconPath: cannot read .*missing\.json/u);
    const dup = validateTensionLexicon({ version: '1', categories: { x: { side: 'conflict' } }, cues: [{ id: 'a', category: 'x', weight: -1, pattern: 'a' }, { id: 'a', category: 'y', weight: -1, pattern: 'b' }] });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatch(/not unique[\s\S]*unknown category "y"/u);
  });
  it('exports a stable public API', () => {
    expect(Object.keys(api).sort()).toEqual(['BUILTIN_LEXICON', 'ploverTypeFeatures', 'scoreTension', 'tensionConfigSchema', 'tensionFeatures', 'validateTensionLexicon']);
  });
  it('returns a new document and leaves the input untouched', () => {
    const doc = scoreSentiment(createDocument({ id: 'x', text: 'Russia attacked Ukraine.' }), sentimentConfigSchema.parse({}));
    const out = scoreTension(doc, tensionConfigSchema.parse({}));
    expect(out).not.toBe(doc);
    expect(doc.sentences[0]!.tension).toBeUndefined();
    expect(out.sentences[0]!.tension!.label).toBe('escalation');
    // The sentiment stage's layers pass through unchanged.
    expect(out.sentiment).toBe(doc.sentiment);
    expect(out.sentences[0]!.sentiment).toBe(doc.sentences[0]!.sentiment);
  });
});
