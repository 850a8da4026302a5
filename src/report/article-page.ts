import type { ArticleView, ViewCue, ViewSentence, ViewTimex } from './article-view.js';
import { renderHighlighted, type Highlight } from './highlight.js';
import { attr, classToken, escapeHtml, formatSigned, htmlDocument } from './html.js';
import { ARTICLE_CSS, BASE_CSS, categoryColor, ENTITY_STYLES, OTHER_ENTITY } from './style.js';

export interface ArticlePageLinks {
  /** The corpus page, relative to the article page. */
  readonly corpus: string;
  /** The article's JSON, relative to the article page; null when no JSON was written. */
  readonly json: string | null;
  /** When the article is a copy of an earlier one (articles.csv duplicate_of): that story's first article and its page. */
  readonly copyOf?: { readonly id: string; readonly href: string } | null;
}

// Layers, outermost first when two highlights cover the same text.
const LAYER_TIMEX = 0;
const LAYER_ENTITY = 1;
const LAYER_CUE = 2;

/**
 * The page of one article: its text with entities, temporal expressions and tension cues marked,
 * each sentence's tension score in the margin, and beside it the canonical entities, the dates and
 * the dyads. A layer whose stage did not run is said to be "not computed", never shown as empty.
 */
export function buildArticlePage(view: ArticleView, links: ArticlePageLinks): string {
  const title = view.title ?? view.headline?.text ?? view.id;
  const categories = [...new Set(view.sentences.flatMap((s) => s.tension?.cues.map((c) => c.category) ?? []))].sort();
  const css = BASE_CSS + ARTICLE_CSS + categories.map((c) => `.cat-${classToken(c)} { text-decoration-color: ${categoryColor(c)}; }\n`).join('');
  const body = [
    '<a class="skip" href="#text">Skip to the article text</a>',
    '<header class="page">',
    `<p class="crumbs"><a${attr('href', links.corpus)}>Corpus report</a> / article</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${metaLine(view, links)}</p>`,
    links.copyOf ? `<p class="note copy-of">A copy of <a${attr('href', links.copyOf.href)}><code>${escapeHtml(links.copyOf.id)}</code></a> (a syndicated or lightly edited version of that story): the dyad series counts the story once, by its first article.</p>` : '',
    '</header>',
    '<main>',
    legend(view, categories),
    '<div class="layout">',
    `<section class="text" id="text" aria-label="Article text">${articleText(view)}</section>`,
    `<aside aria-label="Article annotations">${tensionSection(view)}${entitySection(view)}${datesSection(view)}${dyadSection(view)}${diagnosticsSection(view)}</aside>`,
    '</div>',
    '</main>',
  ].join('\n');
  return htmlDocument({ title: `${title}: article report`, css, body });
}

function metaLine(view: ArticleView, links: ArticlePageLinks): string {
  const parts = [
    `<span>id <code>${escapeHtml(view.id)}</code></span>`,
    `<span>${view.dct ? `published <time${attr('datetime', view.dct)}>${escapeHtml(view.dct)}</time>` : 'no publication date'}</span>`,
  ];
  if (view.source) parts.push(`<span>${escapeHtml(view.source)}</span>`);
  // A URL from the metadata is shown as text, never as a link: the report makes no request.
  if (view.url) parts.push(`<span>${escapeHtml(view.url)}</span>`);
  if (view.sourcePath) parts.push(`<span>file <code>${escapeHtml(view.sourcePath)}</code></span>`);
  parts.push(links.json ? `<span><a${attr('href', links.json)}>article JSON</a></span>` : '<span>no JSON written</span>');
  return parts.join('');
}

function entityStyle(type: string): { fill: string; tag: string; name: string } {
  return ENTITY_STYLES[type] ?? OTHER_ENTITY;
}

function polarity(weight: number): 'conflict' | 'cooperation' | 'neutral' {
  return weight < 0 ? 'conflict' : weight > 0 ? 'cooperation' : 'neutral';
}

function legend(view: ArticleView, categories: readonly string[]): string {
  const items: string[] = [];
  if (view.entities) {
    const types = [...new Set([...Object.keys(ENTITY_STYLES), ...view.entities.map((e) => e.type)])];
    for (const type of types) {
      const style = entityStyle(type);
      items.push(`<li><mark class="ent"${attr('style', `background:${style.fill}`)}${attr('data-tag', style.tag)}>${escapeHtml(style.name)}</mark></li>`);
    }
  } else items.push('<li class="absent">entities not computed</li>');
  items.push(view.timexes ? '<li><span class="tx">date or time</span> (hover or focus shows its value)</li>' : '<li class="absent">dates not computed</li>');
  if (view.tension) {
    items.push('<li><span class="swatch-cue" style="text-decoration-style:wavy">conflict cue</span></li>');
    items.push('<li><span class="swatch-cue" style="text-decoration-style:double">cooperation cue</span></li>');
    items.push('<li>¬ negated</li>');
    for (const c of categories) items.push(`<li><span class="swatch-cue cat-${classToken(c)}">${escapeHtml(c)}</span></li>`);
    items.push('<li>margin: sentence tension score (−10 conflict … +10 cooperation)</li>');
  } else items.push('<li class="absent">tension not computed</li>');
  return `<section class="legend" aria-labelledby="legend-title"><h2 id="legend-title">Legend</h2><ul>${items.join('')}</ul></section>`;
}

/** All highlights of the text, sorted by start, with one tooltip id each. */
function highlights(view: ArticleView): Highlight[] {
  const list: Highlight[] = [];
  for (const e of view.entities ?? []) {
    const style = entityStyle(e.type);
    const label = `${style.name}${e.title ? `, ${e.title}` : ''}`;
    list.push({
      start: e.start,
      end: e.end,
      layer: LAYER_ENTITY,
      open: (cont) => `<mark class="ent t-${classToken(e.type)}${cont ? ' cont' : ''}"${attr('style', `background:${style.fill}`)}${attr('data-tag', style.tag)}${attr('title', label)}>`,
      close: '</mark>',
    });
  }
  (view.timexes ?? []).forEach((t, i) => {
    const id = `tx-${i}`;
    list.push({
      start: t.start,
      end: t.end,
      layer: LAYER_TIMEX,
      open: (cont) => (cont ? '<span class="tx cont">' : `<span class="tx" tabindex="0"${attr('id', id)}${attr('data-value', t.value)}${attr('aria-describedby', `${id}-tip`)}>`),
      close: '</span>',
      tail: `<span class="tip" role="tooltip"${attr('id', `${id}-tip`)}>${escapeHtml(timexLabel(t))}</span>`,
    });
  });
  let cueNumber = 0;
  for (const s of view.sentences) {
    for (const c of s.tension?.cues ?? []) {
      const id = `cue-${cueNumber++}`;
      const classes = `cue pol-${polarity(c.weight)} cat-${classToken(c.category)}${c.negated ? ' negated' : ''}`;
      list.push({
        start: c.start,
        end: c.end,
        layer: LAYER_CUE,
        open: (cont) => (cont ? `<span class="${classes} cont">` : `<span class="${classes}" tabindex="0"${attr('id', id)}${attr('data-category', c.category)}${attr('aria-describedby', `${id}-tip`)}>`),
        close: '</span>',
        tail: `<span class="tip" role="tooltip"${attr('id', `${id}-tip`)}>${escapeHtml(cueLabel(c))}</span>`,
      });
    }
  }
  return list.sort((a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer);
}

function timexLabel(t: ViewTimex): string {
  const range = t.rangeStart && t.rangeEnd && (t.rangeStart !== t.value || t.rangeEnd !== t.value) ? ` (${t.rangeStart} to ${t.rangeEnd})` : '';
  return `${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}${range}`;
}

function cueLabel(c: ViewCue): string {
  return `${c.category}, weight ${formatSigned(c.weight, 1)}${c.negated ? ', negated' : ''}${c.modality !== 'asserted' ? `, ${c.modality}` : ''}`;
}

interface Row {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly sentence: ViewSentence | null;
}

/**
 * One row per sentence, grouped by paragraph; text between sentences that is not blank gets a row
 * of its own, so no character of the article is ever left out of the page.
 */
function rows(view: ArticleView): Row[] {
  const out: Row[] = [];
  let cursor = 0;
  for (const s of view.sentences) {
    if (s.start < cursor) continue; // overlapping sentences cannot come from the pipeline; skip rather than repeat text
    if (view.text.slice(cursor, s.start).trim() !== '') out.push({ start: cursor, end: s.start, paragraph: s.paragraph, sentence: null });
    out.push({ start: s.start, end: s.end, paragraph: s.paragraph, sentence: s });
    cursor = s.end;
  }
  if (view.text.slice(cursor).trim() !== '') out.push({ start: cursor, end: view.text.length, paragraph: out.at(-1)?.paragraph ?? 0, sentence: null });
  return out;
}

function articleText(view: ArticleView): string {
  const all = highlights(view);
  const parts: string[] = [];
  let paragraph: number | null = null;
  // Highlights are sorted by start; `pending` keeps those that may still reach into later rows.
  let next = 0;
  let pending: Highlight[] = [];
  for (const row of rows(view)) {
    while (next < all.length && all[next]!.start < row.end) pending.push(all[next++]!);
    const inRow = pending.filter((h) => h.end > row.start && h.start < row.end);
    pending = pending.filter((h) => h.end > row.end);
    if (row.paragraph !== paragraph) {
      if (paragraph !== null) parts.push('</div>');
      parts.push('<div class="para">');
      paragraph = row.paragraph;
    }
    parts.push(sentenceRow(view, row, renderHighlighted(view.text, row.start, row.end, inRow)));
  }
  if (paragraph !== null) parts.push('</div>');
  return parts.length > 0 ? parts.join('\n') : '<p class="absent">This article has no text.</p>';
}

function sentenceRow(view: ArticleView, row: Row, html: string): string {
  const s = row.sentence;
  const isHeadline = s !== null && view.headline !== null && s.start < view.headline.end && s.end > view.headline.start;
  const label = s?.tension?.label ?? null;
  const classes = ['sent', s === null ? 'gap' : '', isHeadline ? 'headline' : '', label ? `s-${classToken(label)}` : ''].filter(Boolean).join(' ');
  let margin = '';
  if (s && s.tension) {
    const cues = s.tension.cues.length;
    margin = `<b>${formatSigned(s.tension.score, 2)}</b>${label && label !== 'neutral' ? `<span class="label-${classToken(label)}">${escapeHtml(label)}</span><br>` : ''}<span>${cues === 0 ? 'no cue' : cues === 1 ? '1 cue' : `${cues} cues`}</span>`;
  } else if (s) {
    margin = `<span>sentence ${s.index + 1}</span>`;
  }
  const id = s ? attr('id', `s-${s.index}`) : '';
  const description = s?.tension ? attr('aria-label', `sentence ${s.index + 1}, tension score ${formatSigned(s.tension.score, 2)}`) : '';
  return `<div class="${classes}"${id}><div class="margin"${description}>${margin}</div><p>${html}</p></div>`;
}

const NOT_COMPUTED = (stage: string): string => `<p class="absent">Not computed: the ${stage} stage was off for this run.</p>`;

function tensionSection(view: ArticleView): string {
  // Sentiment is a stage of its own: it may have run without the tension stage.
  const sentiment = view.sentiment === null ? '' : `<li>sentiment <b>${formatSigned(view.sentiment, 2)}</b></li>`;
  if (!view.tension) return `<section><h2>Tension</h2>${NOT_COMPUTED('tension')}${sentiment && `<ul class="stats">${sentiment}</ul>`}</section>`;
  const t = view.tension;
  const counts = Object.entries(t.counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const table = counts.length === 0
    ? '<p>No tension cue in this article.</p>'
    : `<table><thead><tr><th scope="col">cue category</th><th scope="col" class="num">cues</th></tr></thead><tbody>${counts
        .map(([category, n]) => `<tr><td><span class="swatch-cue cat-${classToken(category)}">${escapeHtml(category)}</span></td><td class="num">${n}</td></tr>`)
        .join('')}</tbody></table>`;
  return `<section aria-labelledby="h-tension"><h2 id="h-tension">Tension</h2><ul class="stats"><li>tension index <b>${formatSigned(t.index, 2)}</b></li><li>label <b class="label-${classToken(t.label)}">${escapeHtml(t.label)}</b></li>${sentiment}</ul>${table}</section>`;
}

function entitySection(view: ArticleView): string {
  if (!view.entitySummary) return `<section><h2>Entities</h2>${NOT_COMPUTED('entities')}</section>`;
  const list = [...view.entitySummary].sort((a, b) => b.mentions - a.mentions || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
  if (list.length === 0) return '<section><h2>Entities</h2><p>No entity found.</p></section>';
  const body = list
    .map((e) => {
      const style = entityStyle(e.type);
      return `<tr><td>${escapeHtml(e.canonical)}</td><td><span class="tag"${attr('style', `background:${style.fill}`)}${attr('title', style.name)}>${escapeHtml(style.tag)}</span></td><td>${escapeHtml(e.countryCode ?? '')}</td><td class="num">${e.mentions}</td></tr>`;
    })
    .join('');
  return `<section aria-labelledby="h-entities"><h2 id="h-entities">Entities (${list.length})</h2><table><thead><tr><th scope="col">canonical name</th><th scope="col">type</th><th scope="col">country</th><th scope="col" class="num">mentions</th></tr></thead><tbody>${body}</tbody></table></section>`;
}

function datesSection(view: ArticleView): string {
  if (!view.timexes) return `<section><h2>Dates</h2>${NOT_COMPUTED('dates')}</section>`;
  if (view.timexes.length === 0) return '<section><h2>Dates</h2><p>No temporal expression found.</p></section>';
  const body = view.timexes
    .map((t, i) => `<tr><td><a${attr('href', `#tx-${i}`)}>${escapeHtml(t.text)}</a></td><td>${escapeHtml(t.type)}</td><td><code>${escapeHtml(t.value)}</code>${t.mod ? ` ${escapeHtml(t.mod)}` : ''}</td><td>${escapeHtml(t.anchor ?? '')}</td></tr>`)
    .join('');
  return `<section aria-labelledby="h-dates"><h2 id="h-dates">Dates (${view.timexes.length})</h2><table><thead><tr><th scope="col">text</th><th scope="col">type</th><th scope="col">normalized value</th><th scope="col">anchor</th></tr></thead><tbody>${body}</tbody></table></section>`;
}

function dyadSection(view: ArticleView): string {
  if (!view.dyads) return `<section><h2>Dyads</h2>${NOT_COMPUTED('tension')}</section>`;
  if (view.dyads.length === 0) return '<section><h2>Dyads</h2><p>No actor pair found.</p></section>';
  const actor = (name: string, code: string | null): string => `${escapeHtml(name)}${code ? ` <small>(${escapeHtml(code)})</small>` : ''}`;
  const body = view.dyads
    .map((d) => `<tr><td>${actor(d.source, d.sourceCode)} → ${actor(d.target, d.targetCode)}</td><td class="num">${d.cues}</td><td class="num">${formatSigned(d.meanWeight, 2)} <span class="label-${d.meanWeight < 0 ? 'escalation' : d.meanWeight > 0 ? 'de-escalation' : 'neutral'}">${polarity(d.meanWeight)}</span></td></tr>`)
    .join('');
  return `<section aria-labelledby="h-dyads"><h2 id="h-dyads">Dyads (${view.dyads.length})</h2><table><thead><tr><th scope="col">source → target</th><th scope="col" class="num">cues</th><th scope="col" class="num">mean weight</th></tr></thead><tbody>${body}</tbody></table></section>`;
}

function diagnosticsSection(view: ArticleView): string {
  if (view.diagnostics.length === 0) return '';
  return `<section aria-labelledby="h-diagnostics"><h2 id="h-diagnostics">Diagnostics</h2><ul>${view.diagnostics.map((d) => `<li>${escapeHtml(d.stage)}: ${escapeHtml(d.message)}</li>`).join('')}</ul></section>`;
}
