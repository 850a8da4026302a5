import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Actor, ArticleDoc, EntityMention, EntitySummary, Sentence, Timex } from '../../src/document/types.js';
import { splitFrontMatter } from '../../src/ingest/corpus.js';
import { serializeArticleJson, toArticleJson } from '../../src/output/article-json.js';
import { createDocument } from '../../src/segment/create-document.js';
import { diffOutputs, formatDiffReport, parseFailOn, type DiffReport } from '../../src/regression/index.js';
import { captureIo, makeTempDir } from '../helpers/temp-corpus.js';

/**
 * The diff on the seed article. The layers are written by hand (not by the stages, which change), on
 * the real segmented text, and published through the real JSON writer so the shape is the real one.
 */
const seedText = (() => {
  const split = splitFrontMatter(readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8'));
  if (!split.ok) throw new Error(split.reason);
  return split.body;
})();

interface Layers {
  readonly text?: string;
  readonly entities?: Array<{ text: string; occurrence?: number; type?: EntityMention['type']; id?: string; title?: string | null; from?: string }>;
  readonly summary?: Array<{ id: string; canonical: string; type: EntityMention['type']; mentions: number }>;
  readonly timexes?: Array<{ text: string; value: string; type?: Timex['type'] }>;
  /** Sentence index -> sentiment. */
  readonly sentiment?: Record<number, number>;
  readonly articleSentiment?: number;
  /** Sentence index -> tension label with one cue. */
  readonly tension?: Record<number, { label: 'escalation' | 'de-escalation' | 'neutral'; cue: string; weight: number; source?: Actor }>;
  readonly articleTension?: { index: number; counts: Record<string, number> };
}

function spanOf(text: string, needle: string, occurrence = 0, from = 0): { start: number; end: number } {
  let start = text.indexOf(needle, from);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`test setup: "${needle}" not in the text`);
  return { start, end: start + needle.length };
}

function articleJson(layers: Layers, id = 'us-colombia-relations'): string {
  const text = layers.text ?? seedText;
  const doc = createDocument({ id, text, dct: '2026-01-14', dctSource: 'metadata', sourcePath: `${id}.md` });
  const sentences: Sentence[] = doc.sentences.map((s) => {
    const t = layers.tension?.[s.index];
    const withSentiment = layers.sentiment?.[s.index] === undefined ? s : { ...s, sentiment: layers.sentiment[s.index]! };
    if (!t) return withSentiment;
    const cue = spanOf(text, t.cue, 0, s.start);
    return {
      ...withSentiment,
      tension: {
        score: t.weight,
        label: t.label,
        modality: 'asserted',
        source: t.source ?? null,
        target: null,
        cues: [{ ...cue, text: t.cue, category: 'test', weight: t.weight, negated: false, modality: 'asserted', source: t.source ?? null, target: null, rule: 'test-cue' }],
      },
    };
  });
  const entities: EntityMention[] | undefined = layers.entities?.map((e) => {
    const from = e.from === undefined ? 0 : text.indexOf(e.from);
    const span = spanOf(text, e.text, e.occurrence ?? 0, from);
    return { ...span, text: e.text, type: e.type ?? 'PERSON', entityId: e.id ?? 'e1', title: e.title ?? null, rule: 'test-rule' };
  });
  const entitySummary: EntitySummary[] | undefined = layers.summary?.map((s) => ({ entityId: s.id, canonical: s.canonical, type: s.type, countryCode: null, mentions: s.mentions, firstOffset: 0 }));
  const timexes: Timex[] | undefined = layers.timexes?.map((t) => ({ ...spanOf(text, t.text), text: t.text, type: t.type ?? 'DATE', value: t.value, mod: null, rangeStart: null, rangeEnd: null, anchor: 'dct', rule: 'test-rule' }));
  const full: ArticleDoc = {
    ...doc,
    sentences,
    ...(entities ? { entities } : {}),
    ...(entitySummary ? { entitySummary } : {}),
    ...(timexes ? { timexes } : {}),
    ...(layers.articleSentiment === undefined ? {} : { sentiment: layers.articleSentiment }),
    ...(layers.articleTension ? { tension: { ...layers.articleTension, label: 'neutral' as const } } : {}),
  };
  return serializeArticleJson(toArticleJson(full));
}

/** Two output folders (`<dir>/json/<id>.json`) holding the given article JSONs. */
function folders(oldArticles: Record<string, string>, newArticles: Record<string, string>): { oldDir: string; newDir: string } {
  const root = makeTempDir({}, 'regression-diff-');
  const write = (dir: string, articles: Record<string, string>): void => {
    mkdirSync(path.join(dir, 'json'), { recursive: true });
    for (const [name, json] of Object.entries(articles)) writeFileSync(path.join(dir, 'json', `${name}.json`), json);
  };
  write(path.join(root, 'old'), oldArticles);
  write(path.join(root, 'new'), newArticles);
  return { oldDir: path.join(root, 'old'), newDir: path.join(root, 'new') };
}

function diff(oldLayers: Layers, newLayers: Layers, options: Parameters<typeof diffOutputs>[2] = {}): DiffReport {
  const { oldDir, newDir } = folders({ 'us-colombia-relations': articleJson(oldLayers) }, { 'us-colombia-relations': articleJson(newLayers) });
  return diffOutputs(oldDir, newDir, options);
}

const changesOf = (report: DiffReport) => report.articles.flatMap((a) => a.changes);

const PETRO = { text: 'Gustavo Petro', id: 'e1' };
const TRUMP = { text: 'Donald Trump', id: 'e2', from: 'Colombian President' };
const SUMMARY = [
  { id: 'e1', canonical: 'Gustavo Petro', type: 'PERSON' as const, mentions: 1 },
  { id: 'e2', canonical: 'Donald Trump', type: 'PERSON' as const, mentions: 1 },
];

describe('[regression/diff] layers of one article', () => {
  it('reports nothing for identical outputs', () => {
    const layers: Layers = { entities: [PETRO, TRUMP], summary: SUMMARY, timexes: [{ text: 'February 3', value: '2026-02-03' }], sentiment: { 2: -0.25 } };
    const report = diff(layers, layers);
    expect(report.totals).toMatchObject({ articlesCompared: 1, articlesChanged: 0, changes: 0, failing: 0 });
    expect(formatDiffReport(report)).toContain('result: no changes');
  });

  it('reports a changed entity type with the sentence around it, the span marked', () => {
    const report = diff({ entities: [PETRO], summary: SUMMARY.slice(0, 1) }, { entities: [{ ...PETRO, type: 'ORG' }], summary: SUMMARY.slice(0, 1) });
    const [change, ...rest] = changesOf(report);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ layer: 'entities', kind: 'changed', fields: [{ field: 'type', old: 'PERSON', new: 'ORG' }] });
    expect(change?.context).toContain('Colombian President «Gustavo Petro» will meet U.S. President Donald Trump');
    expect(formatDiffReport(report)).toMatch(/~ entities \[\d+,\d+\) ORG "Gustavo Petro" = Gustavo Petro\n\s+type: "PERSON" -> "ORG"\n\s+\| .*«Gustavo Petro»/u);
  });

  it('reads a grown span as one changed span, not a removal and an addition', () => {
    const report = diff({ entities: [PETRO] }, { entities: [{ ...PETRO, text: 'President Gustavo Petro' }] });
    const changes = changesOf(report);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', fields: [{ field: 'span', old: { text: 'Gustavo Petro' }, new: { text: 'President Gustavo Petro' } }] });
  });

  it('reports added and removed mentions and dates, and totals them per layer', () => {
    const report = diff(
      { entities: [PETRO], timexes: [{ text: 'February 3', value: '2026-02-03' }] },
      { entities: [PETRO, TRUMP], timexes: [{ text: 'late December', value: '2025-12' }] },
    );
    expect(changesOf(report).map((c) => `${c.layer} ${c.kind} ${c.label}`)).toEqual([
      'entities added PERSON "Donald Trump"',
      'dates removed DATE "February 3" = 2026-02-03',
      'dates added DATE "late December" = 2025-12',
    ]);
    expect(report.totals.layers.entities).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(report.totals.layers.dates).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(changesOf(report)[2]?.context).toContain('a phone call between the two leaders in «late December» that lasted');
  });

  it('reports a changed date value', () => {
    const report = diff({ timexes: [{ text: 'February 3', value: '2026-02-03' }] }, { timexes: [{ text: 'February 3', value: '2025-02-03' }] });
    expect(changesOf(report)).toMatchObject([{ layer: 'dates', kind: 'changed', fields: [{ field: 'value', old: '2026-02-03', new: '2025-02-03' }] }]);
  });

  it('compares entities by canonical name, so renumbered entity ids are not changes', () => {
    const swapped = [
      { id: 'e2', canonical: 'Gustavo Petro', type: 'PERSON' as const, mentions: 1 },
      { id: 'e1', canonical: 'Donald Trump', type: 'PERSON' as const, mentions: 1 },
    ];
    const report = diff({ entities: [PETRO, TRUMP], summary: SUMMARY }, { entities: [{ ...PETRO, id: 'e2' }, { ...TRUMP, id: 'e1' }], summary: swapped });
    expect(report.totals.changes).toBe(0);
  });

  it('ignores score differences within the tolerance, and counts them', () => {
    const within = diff({ sentiment: { 2: 0.5 }, articleSentiment: 0.1 }, { sentiment: { 2: 0.505 }, articleSentiment: 0.1 }, { tolerance: 0.01 });
    expect(within.totals).toMatchObject({ changes: 0, withinTolerance: 1 });
    expect(formatDiffReport(within)).toContain('1 score difference within the tolerance 0.01 (not counted)');
    const beyond = diff({ sentiment: { 2: 0.5 }, articleSentiment: 0.1 }, { sentiment: { 2: 0.7 }, articleSentiment: 0.1 }, { tolerance: 0.01 });
    const [change] = changesOf(beyond);
    expect(change).toMatchObject({ layer: 'sentiment', kind: 'changed', fields: [{ field: 'sentiment', old: 0.5, new: 0.7 }] });
    expect(change?.context).toMatch(/^The announcement came after a phone call/u);
  });

  it('reports a sentence whose tension label and cue changed', () => {
    const report = diff(
      { tension: { 4: { label: 'escalation', cue: 'threatened military action', weight: -6 } } },
      { tension: { 4: { label: 'neutral', cue: 'threatened military action', weight: -1 } } },
    );
    const byLayer = Object.fromEntries(changesOf(report).map((c) => [c.layer, c]));
    expect(byLayer.tension?.fields).toEqual([
      { field: 'label', old: 'escalation', new: 'neutral' },
      { field: 'score', old: -6, new: -1 },
    ]);
    expect(byLayer.tension_cues?.fields).toEqual([{ field: 'weight', old: -6, new: -1 }]);
    expect(byLayer.tension_cues?.context).toContain('even «threatened military action» against Colombia');
  });

  it('shows actors as names with country codes, and only the changed keys of tension counts', () => {
    const cue = { label: 'escalation' as const, cue: 'imposed sanctions', weight: -6 };
    const report = diff(
      { tension: { 6: { ...cue, source: { entityId: 'e9', text: 'Trump administration', countryCode: null } } }, articleTension: { index: -0.4, counts: { sanction: 1, talks: 2 } } },
      { tension: { 6: { ...cue, source: { entityId: 'e9', text: 'Trump administration', countryCode: 'US' } } }, articleTension: { index: -0.4, counts: { sanction: 2, talks: 2 } } },
    );
    const text = formatDiffReport(report);
    expect(text).toContain('counts.sanction: 1 -> 2\n');
    expect(text).not.toContain('counts.talks');
    expect(text).toContain('source: "Trump administration" -> "Trump administration (US)"');
  });

  it('reports every annotation of a layer that appears, when a stage is switched on', () => {
    const report = diff({}, { timexes: [{ text: 'February 3', value: '2026-02-03' }, { text: 'late December', value: '2025-12' }] });
    expect(report.totals.layers.dates).toEqual({ added: 2, removed: 0, changed: 0 });
  });

  it('carries offsets over an edit of the text: only the edited sentence changes', () => {
    const edited = seedText.replace('have been strained since late 2025', 'have been badly strained since late 2025, officials said');
    const layers: Layers = { entities: [PETRO, { text: 'Nicolás Maduro', id: 'e3' }], timexes: [{ text: 'February 3', value: '2026-02-03' }], sentiment: { 4: -0.4, 6: 0.2 } };
    const report = diff(layers, { ...layers, text: edited, sentiment: { 4: -0.7, 6: 0.2 } });
    const changes = changesOf(report);
    expect(changes.map((c) => `${c.layer} ${c.kind} ${c.fields.map((f) => f.field).join(',')}`)).toEqual(['articles changed text', 'sentiment changed sentiment']);
    expect(String(changes[0]?.fields[0]?.new)).toContain('have been «badly strained since late 2025, officials said»');
  });

  it('reports a different publication date as an article change', () => {
    const { oldDir, newDir } = folders({ a: articleJson({}) }, { a: articleJson({}).replace('"dct": "2026-01-14"', '"dct": "2026-01-15"') });
    expect(changesOf(diffOutputs(oldDir, newDir))).toMatchObject([{ layer: 'articles', kind: 'changed', fields: [{ field: 'dct', old: '2026-01-14', new: '2026-01-15' }] }]);
  });
});

describe('[regression/diff] folders, --fail-on and the CLI', () => {
  const base = articleJson({ entities: [PETRO], timexes: [{ text: 'February 3', value: '2026-02-03' }] });
  const changed = articleJson({ entities: [{ ...PETRO, type: 'ORG' }], timexes: [{ text: 'February 3', value: '2026-02-03' }] });

  it('reports articles present on one side only', () => {
    const { oldDir, newDir } = folders({ kept: base, gone: base.replace('"id": "us-colombia-relations"', '"id": "gone"') }, { kept: base, fresh: base });
    const report = diffOutputs(oldDir, newDir);
    expect(report.articles.map((a) => `${a.file} ${a.status}`)).toEqual(['fresh.json only_new', 'gone.json only_old']);
    expect(report.totals).toMatchObject({ articlesCompared: 1, onlyOld: 1, onlyNew: 1, failing: 2 });
    const text = formatDiffReport(report);
    expect(text).toContain('only in old: "gone" (14 sentences, 1 entities, 1 dates)\n');
    expect(text).toContain('only in new: "us-colombia-relations" (14 sentences, 1 entities, 1 dates) [fresh.json]');
  });

  it('restricts the failing changes to --fail-on layers, kinds and fields', () => {
    const { oldDir, newDir } = folders({ a: base }, { a: changed });
    const failing = (spec: string): number => {
      const parsed = parseFailOn(spec);
      if (!parsed.ok) throw new Error(parsed.error);
      return diffOutputs(oldDir, newDir, { failOn: parsed.value }).totals.failing;
    };
    expect(failing('entities')).toBe(1);
    expect(failing('dates,sentiment')).toBe(0);
    expect(failing('changed')).toBe(1);
    expect(failing('added,removed')).toBe(0);
    expect(failing('type')).toBe(1);
    expect(failing('entities:span')).toBe(0);
    expect(failing('mentions:changed')).toBe(1);
    expect(parseFailOn('entities,bogus')).toMatchObject({ ok: false, error: expect.stringContaining('unknown entry "bogus"') });
  });

  it('exits 0 without changes, 1 with changes (among --fail-on), 2 on usage errors', async () => {
    const { oldDir, newDir } = folders({ a: base }, { a: changed });
    const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
      const { io, out, err } = captureIo();
      const code = await main(args, io);
      return { code, out: out(), err: err() };
    };
    expect((await run('diff', oldDir, oldDir)).code).toBe(0);
    const changedRun = await run('diff', oldDir, newDir);
    expect(changedRun.code).toBe(1);
    expect(changedRun.out).toContain('type: "PERSON" -> "ORG"');
    expect((await run('diff', oldDir, newDir, '--fail-on', 'dates')).code).toBe(0);
    const json = await run('diff', oldDir, newDir, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ totals: { changes: 1, failing: 1 }, articles: [{ file: 'a.json', changes: [{ layer: 'entities', kind: 'changed', fails: true }] }] });
    const missing = await run('diff', oldDir, path.join(oldDir, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope is not a folder/u);
    expect((await run('diff', oldDir, newDir, '--tolerance', 'lots')).code).toBe(2);
    expect((await run('diff', oldDir, newDir, '--fail-on', 'entites')).code).toBe(2);
    expect((await run('diff', oldDir)).code).toBe(2);
  });

  it('reads a flat folder of article JSON files as well as an output folder, skipping a run manifest', () => {
    const flat = makeTempDir({ 'a.json': base, 'manifest.json': JSON.stringify({ tool: 'article-pipeline', articles: [] }) });
    const { oldDir } = folders({ a: base }, {});
    expect(diffOutputs(oldDir, flat).totals).toMatchObject({ articlesCompared: 1, changes: 0 });
    expect(diffOutputs(oldDir, path.join(oldDir, 'json')).totals).toMatchObject({ articlesCompared: 1, changes: 0 });
    // A run with outputs.json off leaves a manifest and no json/: an error, not "0 articles compared".
    const csvOnly = makeTempDir({ 'manifest.json': JSON.stringify({ tool: 'article-pipeline', articles: [] }), 'entities.csv': 'x' });
    expect(() => diffOutputs(oldDir, csvOnly)).toThrow(/output folder without json\//u);
  });
});
