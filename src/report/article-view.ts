/**
 * The report reads the published article JSON (never the in-memory document), so a report can be
 * rebuilt from any output folder, including articles an incremental run did not recompute.
 *
 * `readArticleView` checks the shape it needs and turns the JSON's code-point offsets back into
 * UTF-16 indexes of `text` (what JavaScript's `slice` counts). Layers of disabled stages stay `null`:
 * pages say "not computed" for them instead of showing an empty table that looks like a finding.
 */

type Obj = Record<string, unknown>;

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

/** Reads a parsed article JSON; a JSON without `id` and `text` is refused with the reason. */
export function readArticleView(json: unknown): ViewResult {
  const root = obj(json);
  if (!root) return { ok: false, reason: 'not a JSON object' };
  if (typeof root.id !== 'string') return { ok: false, reason: 'no "id" string' };
  if (typeof root.text !== 'string') return { ok: false, reason: 'no "text" string' };
  const text = root.text;
  const toUtf16 = utf16Converter(text);
  // Spans whose offsets fall outside the text are dropped rather than drawn in the wrong place.
  const span = (value: Obj): ViewSpan | null => {
    const start = num(value.start);
    const end = num(value.end);
    if (start === null || end === null || start < 0 || end < start) return null;
    const s = toUtf16(start);
    const e = toUtf16(end);
    if (s === null || e === null) return null;
    return { start: s, end: e, text: text.slice(s, e) };
  };
  const metadata = obj(root.metadata) ?? {};

  const sentences: ViewSentence[] = [];
  for (const s of arr(root.sentences)) {
    const base = span(s);
    if (!base) continue;
    const t = obj(s.tension);
    sentences.push({
      ...base,
      index: num(s.index) ?? sentences.length,
      paragraph: num(s.paragraph) ?? 0,
      sentiment: num(s.sentiment),
      tension: t
        ? {
            score: num(t.score) ?? 0,
            label: str(t.label) ?? 'neutral',
            modality: str(t.modality) ?? 'asserted',
            source: actor(t.source),
            target: actor(t.target),
            cues: arr(t.cues).flatMap((c) => {
              const cueSpan = span(c);
              return cueSpan
                ? [{ ...cueSpan, category: str(c.category) ?? 'cue', weight: num(c.weight) ?? 0, negated: c.negated === true, modality: str(c.modality) ?? 'asserted', rule: str(c.rule) ?? '' }]
                : [];
            }),
          }
        : null,
    });
  }
  sentences.sort((a, b) => a.start - b.start);

  const paragraphs = arr(root.paragraphs).flatMap((p, i) => {
    const ps = span(p);
    return ps ? [{ index: num(p.index) ?? i, start: ps.start, end: ps.end }] : [];
  });

  const headline = obj(root.headline);
  return {
    ok: true,
    view: {
      id: root.id,
      sourcePath: str(root.source_path) ?? '',
      title: str(metadata.title),
      source: str(metadata.source),
      url: str(metadata.url),
      dct: str(root.dct),
      text,
      headline: headline ? span(headline) : null,
      paragraphs,
      sentences,
      entities: Array.isArray(root.entities)
        ? arr(root.entities).flatMap((e) => {
            const es = span(e);
            return es ? [{ ...es, type: str(e.type) ?? 'ENTITY', entityId: str(e.entity_id) ?? '', title: str(e.title) }] : [];
          })
        : null,
      entitySummary: Array.isArray(root.entity_summary)
        ? arr(root.entity_summary).map((e) => ({
            entityId: str(e.entity_id) ?? '',
            canonical: str(e.canonical) ?? '',
            type: str(e.type) ?? 'ENTITY',
            countryCode: str(e.country_code),
            mentions: num(e.mentions) ?? 0,
          }))
        : null,
      timexes: Array.isArray(root.timexes)
        ? arr(root.timexes).flatMap((t) => {
            const ts = span(t);
            return ts
              ? [{ ...ts, type: str(t.type) ?? 'DATE', value: str(t.value) ?? '', mod: str(t.mod), rangeStart: str(t.range_start), rangeEnd: str(t.range_end), anchor: str(t.anchor) }]
              : [];
          })
        : null,
      sentiment: num(root.sentiment),
      tension: obj(root.tension)
        ? (() => {
            const t = obj(root.tension)!;
            const counts: Record<string, number> = {};
            const rawCounts = obj(t.counts) ?? {};
            for (const key of Object.keys(rawCounts).sort()) counts[key] = num(rawCounts[key]) ?? 0;
            return { index: num(t.index) ?? 0, label: str(t.label) ?? 'neutral', counts };
          })()
        : null,
      dyads: Array.isArray(root.dyads)
        ? arr(root.dyads).map((d) => ({
            source: str(d.source) ?? '',
            sourceCode: str(d.source_code),
            target: str(d.target) ?? '',
            targetCode: str(d.target_code),
            cues: num(d.cues) ?? 0,
            meanWeight: num(d.mean_weight) ?? 0,
          }))
        : null,
      diagnostics: arr(root.diagnostics).map((d) => ({ stage: str(d.stage) ?? '', message: str(d.message) ?? '' })),
    },
  };
}

/**
 * Code points (the JSON's offsets) to UTF-16 indexes; null past the end of the text. Without astral
 * characters the two counts agree, which is the common case and costs nothing.
 */
export function utf16Converter(text: string): (codePoint: number) => number | null {
  // No `u` flag: with it a surrogate pair is one character and the class never matches.
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => (Number.isInteger(cp) && cp <= text.length ? cp : null);
  const table: number[] = [];
  let index = 0;
  for (const ch of text) {
    table.push(index);
    index += ch.length;
  }
  table.push(index);
  return (cp) => (Number.isInteger(cp) ? (table[cp] ?? null) : null);
}

function actor(value: unknown): ViewActor | null {
  const a = obj(value);
  return a && typeof a.text === 'string' ? { text: a.text, countryCode: str(a.country_code) } : null;
}

const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => obj(x) !== null) : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
