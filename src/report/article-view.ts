import { utf16Converter } from '../document/offsets.js';
import type { ActorJson, ArticleJson } from '../output/article-json-type.js';
import { checkArticleJson } from '../output/read-article-json.js';

/**
 * The report reads the published article JSON (never the in-memory document), so a report can be
 * rebuilt from any output folder, including articles an incremental run did not recompute.
 *
 * `articleView` turns a checked `ArticleJson`'s code-point offsets back into UTF-16 indexes of `text`
 * (what JavaScript's `slice` counts). Layers of disabled stages stay `null`: pages say "not computed"
 * for them instead of showing an empty table that looks like a finding.
 */

export interface ViewSpan {
  /** UTF-16 indexes into `ArticleView.text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ViewActor {
  readonly text: string;
  readonly countryCode: string | null;
}

export interface ViewCue extends ViewSpan {
  readonly category: string;
  readonly weight: number;
  readonly negated: boolean;
  readonly modality: string;
  readonly rule: string;
}

export interface ViewSentence extends ViewSpan {
  readonly index: number;
  readonly paragraph: number;
  readonly sentiment: number | null;
  readonly tension: {
    readonly score: number;
    readonly label: string;
    readonly modality: string;
    readonly source: ViewActor | null;
    readonly target: ViewActor | null;
    readonly cues: readonly ViewCue[];
  } | null;
}

export interface ViewEntity extends ViewSpan {
  readonly type: string;
  readonly entityId: string;
  readonly title: string | null;
}

export interface ViewEntitySummary {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: string;
  readonly countryCode: string | null;
  readonly mentions: number;
}

export interface ViewTimex extends ViewSpan {
  readonly type: string;
  readonly value: string;
  readonly mod: string | null;
  readonly rangeStart: string | null;
  readonly rangeEnd: string | null;
  readonly anchor: string | null;
}

export interface ViewDyad {
  readonly source: string;
  readonly sourceCode: string | null;
  readonly target: string;
  readonly targetCode: string | null;
  readonly cues: number;
  readonly meanWeight: number;
}

export interface ArticleView {
  readonly id: string;
  readonly sourcePath: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly dct: string | null;
  readonly text: string;
  readonly headline: ViewSpan | null;
  readonly paragraphs: readonly { readonly index: number; readonly start: number; readonly end: number }[];
  readonly sentences: readonly ViewSentence[];
  /** null: the entities stage did not run. */
  readonly entities: readonly ViewEntity[] | null;
  readonly entitySummary: readonly ViewEntitySummary[] | null;
  /** null: the dates stage did not run. */
  readonly timexes: readonly ViewTimex[] | null;
  readonly sentiment: number | null;
  /** null: the tension stage did not run. */
  readonly tension: { readonly index: number; readonly label: string; readonly counts: Readonly<Record<string, number>> } | null;
  readonly dyads: readonly ViewDyad[] | null;
  readonly diagnostics: readonly { readonly stage: string; readonly message: string }[];
}

export type ViewResult = { ok: true; view: ArticleView } | { ok: false; reason: string };

/** Reads a parsed article JSON; one that is not an article of the output contract is refused with the reason. */
export function readArticleView(json: unknown): ViewResult {
  const read = checkArticleJson(json);
  return read.ok ? { ok: true, view: articleView(read.article) } : read;
}

/** The page's view of an article. */
export function articleView(article: ArticleJson): ArticleView {
  const text = article.text;
  const toUtf16 = utf16Converter(text);
  // Spans whose offsets fall outside the text are dropped rather than drawn in the wrong place.
  const span = (value: { start: number; end: number }): ViewSpan | null => {
    if (value.end < value.start) return null;
    const s = toUtf16(value.start);
    const e = toUtf16(value.end);
    if (s === null || e === null) return null;
    return { start: s, end: e, text: text.slice(s, e) };
  };
  const metadata = article.metadata;

  const sentences: ViewSentence[] = [];
  for (const s of article.sentences) {
    const base = span(s);
    if (!base) continue;
    const t = s.tension;
    sentences.push({
      ...base,
      index: s.index,
      paragraph: s.paragraph,
      sentiment: s.sentiment ?? null,
      tension: t
        ? {
            score: t.score,
            label: t.label,
            modality: t.modality,
            source: actor(t.source),
            target: actor(t.target),
            cues: t.cues.flatMap((c) => {
              const cueSpan = span(c);
              return cueSpan ? [{ ...cueSpan, category: c.category, weight: c.weight, negated: c.negated, modality: c.modality, rule: c.rule }] : [];
            }),
          }
        : null,
    });
  }
  sentences.sort((a, b) => a.start - b.start);

  const paragraphs = article.paragraphs.flatMap((p) => {
    const ps = span(p);
    return ps ? [{ index: p.index, start: ps.start, end: ps.end }] : [];
  });

  const tension = article.tension;
  const counts: Record<string, number> = {};
  if (tension) for (const key of Object.keys(tension.counts).sort()) counts[key] = tension.counts[key]!;
  return {
    id: article.id,
    sourcePath: article.source_path,
    title: str(metadata.title),
    source: str(metadata.source),
    url: str(metadata.url),
    dct: article.dct,
    text,
    headline: article.headline ? span(article.headline) : null,
    paragraphs,
    sentences,
    entities: article.entities
      ? article.entities.flatMap((e) => {
          const es = span(e);
          return es ? [{ ...es, type: e.type, entityId: e.entity_id, title: e.title }] : [];
        })
      : null,
    entitySummary: article.entity_summary
      ? article.entity_summary.map((e) => ({ entityId: e.entity_id, canonical: e.canonical, type: e.type, countryCode: e.country_code, mentions: e.mentions }))
      : null,
    timexes: article.timexes
      ? article.timexes.flatMap((t) => {
          const ts = span(t);
          return ts ? [{ ...ts, type: t.type, value: t.value, mod: t.mod, rangeStart: t.range_start, rangeEnd: t.range_end, anchor: t.anchor }] : [];
        })
      : null,
    sentiment: article.sentiment ?? null,
    tension: tension ? { index: tension.index, label: tension.label, counts } : null,
    dyads: article.dyads
      ? article.dyads.map((d) => ({ source: d.source, sourceCode: d.source_code, target: d.target, targetCode: d.target_code, cues: d.cues, meanWeight: d.mean_weight }))
      : null,
    diagnostics: article.diagnostics.map((d) => ({ stage: d.stage, message: d.message })),
  };
}

function actor(value: ActorJson): ViewActor | null {
  return value ? { text: value.text, countryCode: value.country_code } : null;
}

/** Metadata is passed through as given: only a string is a title, source or URL. */
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
