import { describe, expect, it } from 'vitest';
import { buildArticlePage } from '../../src/report/article-page.js';
import { readArticleView, type ArticleView } from '../../src/report/article-view.js';
import { utf16Converter } from '../../src/document/offsets.js';
import { buildCorpusPage } from '../../src/report/corpus-page.js';
import { CorpusAccumulator, monthOfTimex } from '../../src/report/corpus-summary.js';
import { articleJson, defaultConfig, ensureTimexes, SCRIPT_ARTICLE, SEED_TEXT, SEED_TIMEXES } from './fixtures.js';

const LINKS = { corpus: '../index.html', json: '../../json/us-colombia-relations.json' };

function view(json: unknown): ArticleView {
  const result = readArticleView(json);
  if (!result.ok) throw new Error(result.reason);
  return result.view;
}

/** The frame every article JSON has, around the layers a test gives. */
const article = (fields: { id: string; text: string } & Record<string, unknown>): Record<string, unknown> => ({
  schemaVersion: 1, source_path: `${fields.id}.txt`, metadata: {}, dct: null, dct_source: 'none', headline: null, dateline: null, paragraphs: [], sentences: [], diagnostics: [], ...fields,
});

const seedJson = articleJson(SEED_TEXT, 'us-colombia-relations.md');
// The fixture dates replace whatever the dates stage gives, so these tests check the page, not the stage.
ensureTimexes(seedJson, SEED_TIMEXES, { replace: true });
const seed = view(seedJson);
const seedPage = buildArticlePage(seed, LINKS);

const re = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('[report/article-view] reading the published JSON back', () => {
  it('turns code-point offsets into UTF-16 indexes past an astral character', () => {
    const text = 'Flags 🇨🇴 and Petro in Bogotá.';
    // Code points: the two regional indicators are 2 code points but 4 UTF-16 units.
    const start = Array.from(text.slice(0, text.indexOf('Petro'))).length;
    const v = view(article({ id: 'x', text, sentences: [{ index: 0, start: 0, end: Array.from(text).length, text, paragraph: 0 }], entities: [{ start, end: start + 5, text: 'Petro', type: 'PERSON', entity_id: 'e1', title: null, rule: 'r' }] }));
    expect(v.entities?.[0]?.text).toBe('Petro');
    expect(v.sentences[0]?.text).toBe(text);
    expect(utf16Converter(text)(Array.from(text).length + 1)).toBeNull();
  });

  it('keeps absent layers null (not computed) and empty layers empty (nothing found)', () => {
    const v = view(article({ id: 'x', text: 'Hello.', sentences: [], entities: [] }));
    expect(v.entities).toEqual([]);
    expect(v.timexes).toBeNull();
    expect(v.tension).toBeNull();
    expect(v.dyads).toBeNull();
  });

  it('drops spans outside the text instead of drawing them elsewhere, and refuses JSON that is not an article', () => {
    const outside = { entity_id: 'e1', title: null, rule: 'r', text: '?', type: 'ORG' };
    const v = view(article({ id: 'x', text: 'Short.', sentences: [], entities: [{ ...outside, start: 3, end: 99 }, { ...outside, start: 4, end: 2 }] }));
    expect(v.entities).toEqual([]);
    expect(readArticleView({ text: 'no id' })).toEqual({ ok: false, reason: expect.stringMatching(/^not an article JSON of schemaVersion 1: schemaVersion: .*; id: /u) });
    // A layer of the wrong shape is named by its key path.
    const wrongCue = readArticleView(article({ id: 'x', text: 'Short.', entities: [{ ...outside, start: 0, end: 2, type: 'PLANET' }] }));
    expect(wrongCue.ok === false && wrongCue.reason).toMatch(/entities\.0\.type: /u);
    expect(readArticleView([1, 2])).toEqual({ ok: false, reason: 'not a JSON object' });
  });
});

describe('[report/article-page] the seed article page', () => {
  it('marks every entity mention with its type as a text tag, not only a colour', () => {
    expect(seed.entities?.length).toBeGreaterThan(10);
    expect(count(seedPage, /<mark class="ent t-/gu)).toBeGreaterThanOrEqual(seed.entities!.length);
    expect(seedPage).toMatch(/<mark class="ent t-person"[^>]*data-tag="PER"[^>]*>Gustavo Petro/u);
    expect(seedPage).toMatch(/<mark class="ent t-gpe"[^>]*data-tag="GPE"[^>]*>Venezuela<\/mark>/u);
  });

  it('marks temporal expressions as focusable with their normalized value in a tooltip', () => {
    const feb3 = /<span class="tx" tabindex="0" id="(tx-\d+)" data-value="2026-02-03" aria-describedby="\1-tip">February 3<span class="tip" role="tooltip" id="\1-tip">DATE 2026-02-03<\/span><\/span>/u;
    expect(seedPage).toMatch(feb3);
    expect(seedPage).toContain('late December<span class="tip" role="tooltip" id="tx-2-tip">DATE 2025-12 END</span>');
    expect(count(seedPage, /<span class="tx" tabindex="0"/gu)).toBe(seed.timexes!.length);
  });

  it('underlines tension cues by category and polarity, with the category and weight in a tooltip', () => {
    const cues = seed.sentences.flatMap((s) => s.tension?.cues ?? []);
    expect(cues.length).toBeGreaterThan(10);
    expect(count(seedPage, /<span class="cue pol-[a-z]+ cat-[a-z0-9-]+[^"]*" tabindex="0"/gu)).toBe(cues.length);
    expect(seedPage).toMatch(/<span class="cue pol-conflict cat-sanction-coercion" tabindex="0"[^>]*>sanctions<span class="tip" role="tooltip"[^>]*>sanction-coercion, weight \u2212\d/u);
    // Each category present gets its colour rule and a legend entry.
    expect(seedPage).toMatch(/\.cat-sanction-coercion \{ text-decoration-color: #[0-9a-f]{6}; \}/u);
  });

  it("puts every sentence's tension score in the margin", () => {
    expect(count(seedPage, /<div class="margin" aria-label="sentence \d+, tension score/gu)).toBe(seed.sentences.length);
    expect(seedPage).toMatch(/<b>\u221210\.00<\/b><span class="label-escalation">escalation<\/span>/u);
  });

  it('lists canonical entities, dates and dyads beside the text, and links to the JSON and the corpus page', () => {
    expect(seedPage).toMatch(/<h2 id="h-entities">Entities \(\d+\)<\/h2>/u);
    expect(seedPage).toContain('<td>Gustavo Petro</td>');
    expect(seedPage).toContain('<a href="#tx-1">Wednesday</a>');
    expect(seedPage).toMatch(/<h2 id="h-dyads">Dyads \(\d+\)<\/h2>/u);
    expect(seedPage).toContain('<a href="../../json/us-colombia-relations.json">article JSON</a>');
    expect(seedPage).toContain('<a href="../index.html">Corpus report</a>');
  });

  it('is self-contained: no script, no external resource, a policy that forbids both', () => {
    expect(seedPage).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/iu);
    expect(seedPage).toContain("default-src 'none'");
    expect(seedPage).not.toMatch(/https?:\/\//u);
  });

  it('shows every character of the article text', () => {
    const visible = seedPage
      .replace(/<span class="tip"[^>]*>[^<]*<\/span>/gu, '')
      .split('<section class="text"')[1]!
      .split('</section>')[0]!
      .replace(/<[^>]+>/gu, '')
      .replace(/&quot;/gu, '"')
      .replace(/&#39;/gu, "'")
      .replace(/&amp;/gu, '&');
    for (const word of seed.text.split(/\s+/u).filter(Boolean)) expect(visible).toContain(word);
  });
});

describe('[report/article-page] escaping', () => {
  const json = articleJson(SCRIPT_ARTICLE, 'script-article.md');
  const page = buildArticlePage(view(json), LINKS);

  it('shows <script> in the title and the text as text, never as markup', () => {
    expect(page).not.toMatch(/<script/iu);
    expect(page).not.toContain('<b>bold</b>');
    expect(page).toContain('<h1>Embassy site shows &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; tags</h1>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes ids and paths in attributes', () => {
    const v = view({ ...json, id: '"><script>x</script>', source_path: 'a"b.md' });
    const html = buildArticlePage(v, { corpus: '../index.html', json: '../../json/%22%3E.json' });
    expect(html).not.toMatch(/<script/iu);
    expect(html).toContain('<code>&quot;&gt;&lt;script&gt;x&lt;/script&gt;</code>');
  });
});

describe('[report/article-page] layers of disabled stages', () => {
  const config = defaultConfig({ stages: { entities: false, dates: false, sentiment: false, tension: false } });
  const bare = view(articleJson(SEED_TEXT, 'us-colombia-relations.md', config));
  const page = buildArticlePage(bare, { corpus: '../index.html', json: null });

  it('says "not computed" for each missing layer and draws no marks', () => {
    expect(bare.entities).toBeNull();
    expect(count(page, /Not computed: the (entities|dates|tension) stage was off/gu)).toBe(4);
    expect(page).not.toMatch(/<mark class="ent|class="tx"|class="cue /u);
    expect(page).toContain('no JSON written');
  });

  it('still shows the text, one row per sentence, with the sentence number in the margin', () => {
    expect(count(page, /<div class="sent[^"]*" id="s-\d+"/gu)).toBe(bare.sentences.length);
    // The dateline is no sentence but is shown, in a row of its own.
    expect(page).toContain('BOGOTÁ / WASHINGTON —');
    expect(page).toContain('<span>sentence 1</span>');
    expect(page).toContain('Nicolás Maduro');
  });
});

describe('[report/corpus-page] the corpus page', () => {
  const scriptView = view(articleJson(SCRIPT_ARTICLE, 'script-article.md'));
  const build = (): string => {
    const corpus = new CorpusAccumulator();
    corpus.add(seed, 'articles/us-colombia-relations.html');
    corpus.add(scriptView, 'articles/script-article.html');
    corpus.addRejected({ id: 'bad', where: 'bad/empty.txt', reason: '' });
    return buildCorpusPage(corpus.summary());
  };
  const page = build();

  it('gives the counts and the publication-date range', () => {
    expect(page).toContain('<li><b>2</b>articles</li>');
    expect(page).toContain('<li><b>1</b>rejected</li>');
    expect(page).toContain('<b>2026-01-14 – 2026-02-20</b>publication dates');
    expect(page).toMatch(/<li><b>\d+<\/b>entity mentions<\/li>/u);
    expect(page).toMatch(/<li><b>\d+<\/b>tension cues<\/li>/u);
  });

  it('plots one linked mark per article in the tension chart', () => {
    const chart = page.split('<svg class="chart" role="group" id="tension-chart"')[1]!.split('</svg>')[0]!;
    expect(count(chart, /<a href="articles\//gu)).toBe(2);
    expect(chart).toContain('<a href="articles/us-colombia-relations.html"><title>Petro to Meet Donald Trump');
  });

  it('places a mentioned date in the month it names, not the month of publication', () => {
    // The seed is from January 2026; "February 3" and "upcoming February" count in February.
    const seedOnly = new CorpusAccumulator();
    seedOnly.add(seed, 'articles/us-colombia-relations.html');
    const page = buildCorpusPage(seedOnly.summary());
    expect(page).toContain('<title>Feb 2026: 2 dates mentioned</title>');
    expect(page).toContain('<title>Jan 2026: 1 dates mentioned</title>');
    expect(page).toContain('<title>Jan 2026: 1 articles published</title>');
    expect(page).toContain('<tr><td>2025-12</td><td class="num">1</td><td class="num">0</td></tr>');
  });

  it('lists the most mentioned entities and the dyads with their mean weight', () => {
    // Built from whatever the stages found, so the check follows the stages as they improve.
    expect(page).toMatch(/<svg class="chart" role="group" id="entity-chart"/u);
    const top = [...seed.entitySummary!].sort((a, b) => b.mentions - a.mentions)[0]!;
    expect(page).toMatch(new RegExp(`<title>${re(top.canonical)} \\([A-Z]+\\): \\d+ mentions in [12] articles?</title>`, 'u'));
    const dyad = seed.dyads![0]!;
    const sign = dyad.meanWeight < 0 ? '\u2212' : dyad.meanWeight > 0 ? '\\+' : '';
    expect(page).toMatch(new RegExp(`<td>${re(dyad.source)}(?: <small>\\(${dyad.sourceCode}\\)</small>)? → ${re(dyad.target)}(?: <small>\\(${dyad.targetCode}\\)</small>)?</td><td class="num">\\d+</td><td class="num">\\d+</td><td class="num">${sign}\\d`, 'u'));
  });

  it('escapes titles, links each article page and names the rejected files', () => {
    expect(page).not.toMatch(/<script/iu);
    expect(page).toContain('<a href="articles/script-article.html">Embassy site shows &lt;script&gt;');
    expect(page).toContain('<li><code>bad/empty.txt</code> (bad)</li>');
  });

  it('has the same bytes when built twice from the same articles', () => {
    expect(build()).toBe(page);
  });

  it('says "not computed" when no article has a layer', () => {
    const corpus = new CorpusAccumulator();
    corpus.add(view(articleJson(SEED_TEXT, 'us-colombia-relations.md', defaultConfig({ stages: { entities: false, dates: false, sentiment: false, tension: false } }))), 'articles/a.html');
    const bare = buildCorpusPage(corpus.summary());
    // Entities, the timeline note, the tension chart, the dyads and the country pairs over time.
    expect(count(bare, /Not computed: the (entities|dates|tension) stage was off/gu)).toBe(5);
    expect(bare).toContain('<li><b>–</b>entity mentions: not computed</li>');
    // The publication date alone still makes a timeline.
    expect(bare).toContain('<title>Jan 2026: 1 articles published</title>');
  });
});

describe('[report/corpus-summary] month of a normalized date', () => {
  it.each([
    [{ type: 'DATE', value: '2026-02-03', rangeStart: null, rangeEnd: null }, '2026-02'],
    [{ type: 'DATE', value: '2025-12', rangeStart: null, rangeEnd: null }, '2025-12'],
    [{ type: 'TIME', value: '2026-01-14T10:00', rangeStart: null, rangeEnd: null }, '2026-01'],
    [{ type: 'DATE', value: '2026-W07', rangeStart: '2026-02-09', rangeEnd: '2026-02-15' }, '2026-02'],
    [{ type: 'DATE', value: '2026-W05', rangeStart: '2026-01-26', rangeEnd: '2026-02-01' }, null],
    [{ type: 'DATE', value: '2025', rangeStart: '2025-01-01', rangeEnd: '2025-12-31' }, null],
    [{ type: 'DATE', value: 'PAST_REF', rangeStart: null, rangeEnd: null }, null],
    [{ type: 'DURATION', value: 'P3M', rangeStart: null, rangeEnd: null }, null],
    [{ type: 'DATE', value: '2026-13', rangeStart: null, rangeEnd: null }, null],
  ])('%o -> %s', (timex, month) => {
    expect(monthOfTimex(timex)).toBe(month);
  });
});

describe('[report/article-page] sentiment without the tension stage', () => {
  const page = buildArticlePage(view(articleJson(SEED_TEXT, 'us-colombia-relations.md', defaultConfig({ stages: { tension: false } }))), { corpus: '../index.html', json: null });
  it('still shows the article sentiment beside "not computed" for tension', () => {
    expect(page).toMatch(/Not computed: the tension stage was off[\s\S]*<li>sentiment <b>/u);
  });
});
