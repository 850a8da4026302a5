import { codePointConverter } from '../document/offsets.js';
import type { ArticleJson } from './article-json.js';

/**
 * CSV tables are built from the article JSON (not the in-memory document), so that articles skipped
 * by an incremental run get exactly the rows a full run would give them.
 */
export type CsvValue = string | number | null;
export type CsvRow = readonly CsvValue[];

export const CSV_COLUMNS = {
  articles: ['article_id', 'source_path', 'title', 'dct', 'dct_source', 'source', 'url', 'characters', 'words', 'paragraphs', 'sentences', 'headline', 'dateline', 'entities', 'timexes', 'tension_cues', 'sentiment', 'tension_index', 'tension_label'],
  sentences: ['article_id', 'sentence_index', 'paragraph', 'start', 'end', 'text', 'sentiment', 'tension_score', 'tension_label', 'modality', 'source', 'source_code', 'target', 'target_code', 'cues'],
  entities: ['article_id', 'sentence_index', 'start', 'end', 'text', 'type', 'entity_id', 'canonical', 'country_code', 'title', 'rule'],
  entity_summary: ['article_id', 'entity_id', 'canonical', 'type', 'country_code', 'mentions', 'first_offset'],
  dates: ['article_id', 'sentence_index', 'start', 'end', 'text', 'type', 'value', 'mod', 'range_start', 'range_end', 'anchor', 'rule'],
  tension_cues: ['article_id', 'sentence_index', 'start', 'end', 'text', 'category', 'weight', 'negated', 'modality', 'source', 'source_code', 'target', 'target_code', 'factors', 'rule'],
  events: ['article_id', 'sentence_index', 'start', 'end', 'text', 'plover_type', 'cameo_root', 'goldstein', 'quad', 'source_entity_id', 'source', 'source_code', 'source_alpha3', 'target_entity_id', 'target', 'target_code', 'target_alpha3', 'modality', 'reciprocal', 'background', 'event_date', 'range_start', 'range_end', 'date_source', 'sentence_decision', 'rule'],
  dyads: ['article_id', 'source', 'source_code', 'target', 'target_code', 'cues', 'mean_weight', 'events', 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'mean_goldstein'],
  errors: ['article_id', 'file', 'line', 'reason'],
} as const;

export type TableName = keyof typeof CSV_COLUMNS;
export type ArticleTables = Partial<Record<Exclude<TableName, 'errors'>, CsvRow[]>>;

type Obj = Record<string, unknown>;
const str = (v: unknown): CsvValue => (v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'boolean' ? String(v) : String(v));
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

/** Which sentence contains a code-point offset (sentences are sorted and disjoint). */
function sentenceIndexer(sentences: Obj[]): (offset: number) => number | null {
  const starts = sentences.map((s) => s.start as number);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Before the first sentence (a dateline) or between sentences: no sentence contains it.
    if (found < 0) return null;
    const sentence = sentences[found]!;
    return offset < (sentence.end as number) ? (sentence.index as number) : null;
  };
}

/** JavaScript's `\s` (Unicode mode): every one is a single UTF-16 unit. */
function isSpace(unit: number): boolean {
  return (unit >= 0x09 && unit <= 0x0d) || unit === 0x20 || unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** Runs of non-space characters: `text.split(/\s+/u).filter((w) => w !== '').length` without the array. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export function articleTables(json: ArticleJson): ArticleTables {
  const id = json.id as string;
  const metadata = obj(json.metadata) ?? {};
  const sentences = arr(json.sentences);
  const sentenceOf = sentenceIndexer(sentences);
  const text = json.text as string;
  const tension = obj(json.tension);
  const cueRows: CsvRow[] = [];
  const eventRows: CsvRow[] = [];
  const tables: ArticleTables = {};

  tables.sentences = sentences.map((s) => {
    const t = obj(s.tension);
    const source = obj(t?.source);
    const target = obj(t?.target);
    const cues = arr(t?.cues);
    for (const c of cues) {
      const cs = obj(c.source);
      const ct = obj(c.target);
      // Factors joined by '|': one cell, and no id contains the separator.
      cueRows.push([id, str(s.index), str(c.start), str(c.end), str(c.text), str(c.category), str(c.weight), str(c.negated), str(c.modality), str(cs?.text), str(cs?.country_code), str(ct?.text), str(ct?.country_code), Array.isArray(c.factors) ? (c.factors as string[]).join('|') : null, str(c.rule)]);
    }
    for (const e of arr(t?.events)) {
      const es = obj(e.source);
      const et = obj(e.target);
      eventRows.push([id, str(s.index), str(e.start), str(e.end), str(e.text), str(e.plover_type), str(e.cameo_root), str(e.goldstein), str(e.quad), str(es?.entity_id), str(es?.text), str(es?.country_code), str(es?.country_alpha3), str(et?.entity_id), str(et?.text), str(et?.country_code), str(et?.country_alpha3), str(e.modality), str(e.reciprocal), str(e.background), str(e.event_date), str(e.range_start), str(e.range_end), str(e.date_source), str(t?.decision), str(e.rule)]);
    }
    return [id, str(s.index), str(s.paragraph), str(s.start), str(s.end), str(s.text), str(s.sentiment), str(t?.score), str(t?.label), str(t?.modality), str(source?.text), str(source?.country_code), str(target?.text), str(target?.country_code), t ? cues.length : null];
  });

  const headline = obj(json.headline);
  const dateline = obj(json.dateline);
  tables.articles = [[
    id,
    str(json.source_path),
    str(metadata.title),
    str(json.dct),
    str(json.dct_source),
    str(metadata.source),
    str(metadata.url),
    // Code points, what Python's len() counts (Array.from(text).length, without the array).
    codePointConverter(text)(text.length),
    wordCount(text),
    arr(json.paragraphs).length,
    sentences.length,
    str(headline?.text),
    str(dateline?.text),
    json.entities ? arr(json.entities).length : null,
    json.timexes ? arr(json.timexes).length : null,
    tension ? cueRows.length : null,
    str(json.sentiment),
    str(tension?.index),
    str(tension?.label),
  ]];

  if (json.entities) {
    const summaryById = new Map(arr(json.entity_summary).map((e) => [e.entity_id as string, e]));
    tables.entities = arr(json.entities).map((m) => {
      const entity = summaryById.get(m.entity_id as string);
      return [id, sentenceOf(m.start as number), str(m.start), str(m.end), str(m.text), str(m.type), str(m.entity_id), str(entity?.canonical), str(entity?.country_code), str(m.title), str(m.rule)];
    });
    tables.entity_summary = arr(json.entity_summary).map((e) => [id, str(e.entity_id), str(e.canonical), str(e.type), str(e.country_code), str(e.mentions), str(e.first_offset)]);
  }
  if (json.timexes) {
    tables.dates = arr(json.timexes).map((t) => [id, sentenceOf(t.start as number), str(t.start), str(t.end), str(t.text), str(t.type), str(t.value), str(t.mod), str(t.range_start), str(t.range_end), str(t.anchor), str(t.rule)]);
  }
  if (tension) {
    tables.tension_cues = cueRows;
    tables.events = eventRows;
    tables.dyads = arr(json.dyads).map((d) => [id, str(d.source), str(d.source_code), str(d.target), str(d.target_code), str(d.cues), str(d.mean_weight), str(d.events), str(d.verbal_cooperation), str(d.material_cooperation), str(d.verbal_conflict), str(d.material_conflict), str(d.mean_goldstein)]);
  }
  return tables;
}
