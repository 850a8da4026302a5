import type { CorpusSummary } from './corpus-summary.js';
import type { BusyDyad } from './stories-and-series.js';
import { attr, classToken, escapeHtml, formatNumber, formatSigned, htmlDocument } from './html.js';
import { BASE_CSS, ENTITY_STYLES, OTHER_ENTITY } from './style.js';
import { barChart, MAX_LINKED_MARKS, tensionChart, timelineChart, type TimelineBin } from './svg-charts.js';

/** How many entities and dyads the corpus page lists; the CSV tables hold them all. */
export const TOP_ENTITIES = 20;
export const TOP_DYADS = 25;

/**
 * The corpus page: counts, the publication-date range, the tension index of each article over its
 * publication date, a timeline of the dates the articles talk about, the most mentioned entities, the
 * actor pairs with their mean weight, and the list of article pages.
 */
export function buildCorpusPage(summary: CorpusSummary, busiest: readonly BusyDyad[] | null = null): string {
  const body = [
    '<a class="skip" href="#main">Skip to the content</a>',
    '<header class="page">',
    '<p class="crumbs">article-pipeline report</p>',
    '<h1>Corpus report</h1>',
    `<p class="meta">${metaLine(summary)}</p>`,
    '</header>',
    '<main id="main">',
    statsSection(summary),
    '<div class="grid2">',
    `<section aria-labelledby="h-tension-chart"><h2 id="h-tension-chart">Tension index by publication date</h2>${tensionPart(summary)}</section>`,
    `<section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline of the dates the articles talk about</h2>${timelinePart(summary)}</section>`,
    '</div>',
    seriesSection(summary, busiest),
    '<div class="grid2">',
    `<section aria-labelledby="h-entities"><h2 id="h-entities">Most mentioned entities</h2>${entitiesPart(summary)}</section>`,
    `<section aria-labelledby="h-dyads"><h2 id="h-dyads">Actor pairs (dyads)</h2>${dyadsPart(summary)}</section>`,
    '</div>',
    `<section aria-labelledby="h-articles"><h2 id="h-articles">Articles (${summary.articles.length})</h2>${articlesTable(summary)}</section>`,
    problemsSection(summary),
    '</main>',
  ].join('\n');
  return htmlDocument({ title: 'Corpus report', css: BASE_CSS, body });
}

function dateRange(summary: CorpusSummary): { from: string; to: string; undated: number } | null {
  const dates = summary.articles.map((a) => a.dct).filter((d): d is string => d !== null).sort();
  if (dates.length === 0) return null;
  return { from: dates[0]!, to: dates.at(-1)!, undated: summary.articles.length - dates.length };
}

function metaLine(summary: CorpusSummary): string {
  const range = dateRange(summary);
  const parts = [`<span>${summary.articles.length} ${summary.articles.length === 1 ? 'article' : 'articles'}</span>`];
  parts.push(range ? `<span>published ${escapeHtml(range.from)} to ${escapeHtml(range.to)}</span>` : '<span>no publication date</span>');
  if (summary.rejected.length > 0) parts.push(`<span>${summary.rejected.length} rejected</span>`);
  return parts.join('');
}

function statsSection(summary: CorpusSummary): string {
  const range = dateRange(summary);
  const stat = (value: string | number, label: string): string => `<li><b>${value}</b>${label}</li>`;
  // A count of a layer no article has is "not computed", never a zero that reads like a finding.
  const layerStat = (articles: number, value: number, label: string): string => (articles === 0 ? stat('–', `${label}: not computed`) : stat(value, label));
  const items = [
    stat(summary.articles.length, 'articles'),
    stat(summary.rejected.length, 'rejected'),
    stat(range ? `${escapeHtml(range.from)} – ${escapeHtml(range.to)}` : '–', `publication dates${range && range.undated > 0 ? ` (${range.undated} undated)` : ''}`),
    stat(summary.totals.sentences, 'sentences'),
    layerStat(summary.withLayer.entities, summary.totals.entities, 'entity mentions'),
    layerStat(summary.withLayer.timexes, summary.totals.timexes, 'dates and times'),
    layerStat(summary.withLayer.tension, summary.totals.cues, 'tension cues'),
  ];
  return `<section aria-labelledby="h-stats"><h2 id="h-stats">Counts</h2><ul class="stats">${items.join('')}</ul></section>`;
}

const NOT_COMPUTED = (stage: string): string => `<p class="absent">Not computed: the ${stage} stage was off for this run.</p>`;

function tensionPart(summary: CorpusSummary): string {
  if (summary.withLayer.tension === 0) return NOT_COMPUTED('tension');
  const points = summary.articles.flatMap((a) => (a.tensionIndex === null || a.dct === null ? [] : [{ date: a.dct, index: a.tensionIndex, label: a.tensionLabel ?? 'neutral', name: a.title, href: a.href }]));
  return `${tensionChart(points, 'tension-chart')}<p class="note">Each mark is one article (${points.length <= MAX_LINKED_MARKS ? 'a link to its page' : 'the table below links every page'}): the mean score of its sentences with a tension cue.</p>`;
}

function timelinePart(summary: CorpusSummary): string {
  const months = new Set([...summary.mentionedMonths.keys(), ...summary.publishedMonths.keys()]);
  const bins: TimelineBin[] = [...months].sort().map((month) => ({ month, mentioned: summary.mentionedMonths.get(month) ?? 0, published: summary.publishedMonths.get(month) ?? 0 }));
  const note = summary.withLayer.timexes === 0
    ? NOT_COMPUTED('dates')
    : `<p class="note">A date is placed by its normalized value, so "the meeting on February 3" counts in February even in an article from January.${summary.unplacedDates > 0 ? ` ${summary.unplacedDates} expressions coarser than a month, or not on the calendar, are left out.` : ''}</p>`;
  const table = bins.length === 0
    ? ''
    : `<details><summary>Timeline as a table</summary><table><thead><tr><th scope="col">month</th><th scope="col" class="num">dates mentioned</th><th scope="col" class="num">articles published</th></tr></thead><tbody>${bins
        .map((b) => `<tr><td>${escapeHtml(b.month)}</td><td class="num">${b.mentioned}</td><td class="num">${b.published}</td></tr>`)
        .join('')}</tbody></table></details>`;
  return `${timelineChart(bins, 'timeline-chart')}${note}${table}`;
}

/**
 * The busiest country pairs, month by month, counted by the date their events happened beside their
 * articles' publication dates: where the two differ, the news told of events of another month.
 */
function seriesSection(summary: CorpusSummary, busiest: readonly BusyDyad[] | null): string {
  const heading = '<h2 id="h-series">Busiest country pairs over time</h2>';
  if (summary.withLayer.tension === 0 || busiest === null) return `<section aria-labelledby="h-series">${heading}${NOT_COMPUTED('tension')}</section>`;
  if (busiest.length === 0) return `<section aria-labelledby="h-series">${heading}<p>No event between two countries.</p></section>`;
  const labels = {
    title: 'Events by month',
    solid: 'by the date they happened',
    solidUnit: 'events by the date they happened',
    hatched: 'by publication date',
    hatchedUnit: 'events by publication date',
  };
  const charts = busiest.map((dyad, i) => {
    const bins = dyad.months.map((m) => ({ month: m.month, mentioned: m.byEventDate, published: m.byPublicationDate }));
    const table = `<details><summary>${escapeHtml(dyad.source)} → ${escapeHtml(dyad.target)} as a table</summary><table><thead><tr><th scope="col">month</th><th scope="col" class="num">events by event date</th><th scope="col" class="num">events by publication date</th></tr></thead><tbody>${dyad.months
      .map((m) => `<tr><td>${escapeHtml(m.month)}</td><td class="num">${m.byEventDate}</td><td class="num">${m.byPublicationDate}</td></tr>`)
      .join('')}</tbody></table></details>`;
    return `<section aria-labelledby="h-series-${i}"><h3 id="h-series-${i}">${escapeHtml(dyad.source)} → ${escapeHtml(dyad.target)} <small>(${dyad.events} ${dyad.events === 1 ? 'event' : 'events'})</small></h3>${timelineChart(bins, `series-chart-${i}`, { ...labels, title: `${dyad.source} to ${dyad.target}: events by month` })}${table}</section>`;
  });
  return `<section aria-labelledby="h-series">${heading}<p class="note">From dyad_series.csv: events between two countries that happened as told, each syndicated story counted once. Solid bars place an event in the month it happened (a date range by its midpoint, an undated event on its article's date); hatched bars in the month its article was published.</p><div class="grid2">${charts.join('')}</div></section>`;
}

function entitiesPart(summary: CorpusSummary): string {
  if (summary.withLayer.entities === 0) return NOT_COMPUTED('entities');
  const top = summary.entities.slice(0, TOP_ENTITIES);
  if (top.length === 0) return '<p>No entity found.</p>';
  const data = top.map((e) => {
    const style = ENTITY_STYLES[e.type] ?? OTHER_ENTITY;
    return { label: e.canonical, tag: style.tag, fill: style.fill, value: e.mentions, note: `mentions in ${e.articles} ${e.articles === 1 ? 'article' : 'articles'}` };
  });
  const table = `<details><summary>Entities as a table</summary><table><thead><tr><th scope="col">canonical name</th><th scope="col">type</th><th scope="col" class="num">mentions</th><th scope="col" class="num">articles</th></tr></thead><tbody>${top
    .map((e) => `<tr><td>${escapeHtml(e.canonical)}</td><td>${escapeHtml(e.type)}</td><td class="num">${e.mentions}</td><td class="num">${e.articles}</td></tr>`)
    .join('')}</tbody></table></details>`;
  const types = Object.entries(ENTITY_STYLES)
    .map(([, s]) => `<span class="tag"${attr('style', `background:${s.fill}`)}>${escapeHtml(s.tag)}</span> ${escapeHtml(s.name)}`)
    .join(' · ');
  return `${barChart(data, 'entity-chart', `The ${top.length} most mentioned entities`)}<p class="note">${types}. Mentions summed over articles, by canonical name and type.</p>${table}`;
}

function dyadsPart(summary: CorpusSummary): string {
  if (summary.withLayer.tension === 0) return NOT_COMPUTED('tension');
  const top = summary.dyads.slice(0, TOP_DYADS);
  if (top.length === 0) return '<p>No actor pair found.</p>';
  const actor = (name: string, code: string | null): string => `${escapeHtml(name)}${code ? ` <small>(${escapeHtml(code)})</small>` : ''}`;
  const rows = top.map((d) => {
    const mean = d.cues === 0 ? 0 : d.weightSum / d.cues;
    const word = mean < 0 ? 'conflict' : mean > 0 ? 'cooperation' : 'neutral';
    return `<tr><td>${actor(d.source, d.sourceCode)} → ${actor(d.target, d.targetCode)}</td><td class="num">${d.cues}</td><td class="num">${d.articles}</td><td class="num">${formatSigned(mean, 2)}</td><td class="nowrap">${meanBar(mean)} <span class="label-${classToken(mean < 0 ? 'escalation' : mean > 0 ? 'de-escalation' : 'neutral')}">${word}</span></td></tr>`;
  });
  const more = summary.dyads.length > TOP_DYADS ? `<caption>The ${TOP_DYADS} pairs with the most cues of ${summary.dyads.length}; dyads.csv has them all.</caption>` : '<caption>Mean weight of the cues between the pair: −10 conflict … +10 cooperation.</caption>';
  return `<table>${more}<thead><tr><th scope="col">source → target</th><th scope="col" class="num">cues</th><th scope="col" class="num">articles</th><th scope="col" class="num">mean weight</th><th scope="col">direction</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A small diverging bar from the middle: left (solid red) for conflict, right (outlined blue) for cooperation. */
function meanBar(mean: number): string {
  const half = 40;
  const w = Math.min(half, (Math.abs(mean) / 10) * half);
  const x = mean < 0 ? half - w : half;
  const fill = mean < 0 ? 'fill="#b71c1c"' : 'fill="#fff" stroke="#0d47a1" stroke-width="1.5"';
  return `<svg width="82" height="12" viewBox="0 0 82 12" aria-hidden="true"><line x1="${half + 0.5}" x2="${half + 0.5}" y1="0" y2="12" stroke="#333"/><rect x="${formatNumber(x, 1)}" y="2" width="${formatNumber(Math.max(w, 0.5), 1)}" height="8" ${fill}/></svg>`;
}

function articlesTable(summary: CorpusSummary): string {
  if (summary.articles.length === 0) return '<p>No article was analyzed.</p>';
  const cell = (value: number | null): string => `<td class="num">${value === null ? '<span class="absent">–</span>' : value}</td>`;
  const rows = summary.articles.map((a) => {
    const tension = a.tensionIndex === null ? '<td class="num"><span class="absent">–</span></td>' : `<td class="num">${formatSigned(a.tensionIndex, 2)} <span class="label-${classToken(a.tensionLabel ?? 'neutral')}">${escapeHtml(a.tensionLabel ?? '')}</span></td>`;
    const copy = a.copyOf ? ` <small class="copy-of">copy of <code>${escapeHtml(a.copyOf)}</code></small>` : '';
    return `<tr><td><a${attr('href', a.href)}>${escapeHtml(a.title)}</a><br><small><code>${escapeHtml(a.id)}</code></small>${copy}</td><td>${escapeHtml(a.dct ?? '')}</td><td class="num">${a.sentences}</td>${cell(a.entities)}${cell(a.timexes)}${cell(a.cues)}${tension}</tr>`;
  });
  return `<table><caption>– : the layer was not computed for this article.</caption><thead><tr><th scope="col">article</th><th scope="col">published</th><th scope="col" class="num">sentences</th><th scope="col" class="num">entities</th><th scope="col" class="num">dates</th><th scope="col" class="num">cues</th><th scope="col" class="num">tension index</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function problemsSection(summary: CorpusSummary): string {
  if (summary.rejected.length === 0 && summary.unreadable.length === 0) return '';
  const list = (items: CorpusSummary['rejected']): string => `<ul>${items.map((p) => `<li><code>${escapeHtml(p.where)}</code>${p.id ? ` (${escapeHtml(p.id)})` : ''}${p.reason ? `: ${escapeHtml(p.reason)}` : ''}</li>`).join('')}</ul>`;
  const parts = ['<section aria-labelledby="h-problems"><h2 id="h-problems">Not in this report</h2>'];
  if (summary.rejected.length > 0) parts.push(`<h3>Rejected by the pipeline (${summary.rejected.length}; reasons in errors.csv)</h3>${list(summary.rejected)}`);
  if (summary.unreadable.length > 0) parts.push(`<h3>Article JSON that could not be read (${summary.unreadable.length})</h3>${list(summary.unreadable)}`);
  parts.push('</section>');
  return parts.join('');
}
