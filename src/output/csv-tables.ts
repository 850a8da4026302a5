import { codePointConverter } from '../document/offsets.js';
import { lastStartingAtOrBefore } from '../util/binary-search.js';
import type { ArticleJson, JsonValue, SentenceJson } from './article-json-type.js';

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
  tension_cues: ['article_id', 'sentence_index', 'start', 'end', 'text', 'category', 'weight', 'negated', 'modality', 'source', 'source_code', 'target', 'target_code', 'rule'],
  dyads: ['article_id', 'source', 'source_code', 'target', 'target_code', 'cues', 'mean_weight'],
  errors: ['article_id', 'file', 'line', 'reason'],
} as const;

export type TableName = keyof typeof CSV_COLUMNS;
export type ArticleTables = Partial<Record<Exclude<TableName, 'errors'>, CsvRow[]>>;

/** A JSON value as a CSV cell: numbers stay numbers, booleans become `true`/`false`, absent values empty. */
const cell = (v: JsonValue | undefined): CsvValue => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));

/** Which sentence contains a code-point offset (sentences are sorted and disjoint). */
function sentenceIndexer(sentences: readonly SentenceJson[]): (offset: number) => number | null {
  return (offset) => {
    // Before the first sentence (a dateline) or between sentences: no sentence contains it.
    const sentence = sentences[lastStartingAtOrBefore(sentences, offset)];
    return sentence && offset < sentence.end ? sentence.index : null;
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
  const id = json.id;
  const metadata = json.metadata;
  const sentences = json.sentences;
  const sentenceOf = sentenceIndexer(sentences);
  const text = json.text;
  const tension = json.tension;
  const cueRows: CsvRow[] = [];
  const tables: ArticleTables = {};

  tables.sentences = sentences.map((s) => {
    const t = s.tension;
    const source = t?.source;
    const target = t?.target;
    for (const c of t?.cues ?? []) {
      const cs = c.source;
      const ct = c.target;
      cueRows.push([id, s.index, c.start, c.end, c.text, c.category, c.weight, cell(c.negated), c.modality, cell(cs?.text), cell(cs?.country_code), cell(ct?.text), cell(ct?.country_code), c.rule]);
    }
    return [id, s.index, s.paragraph, s.start, s.end, s.text, cell(s.sentiment), cell(t?.score), cell(t?.label), cell(t?.modality), cell(source?.text), cell(source?.country_code), cell(target?.text), cell(target?.country_code), t ? t.cues.length : null];
  });

  tables.articles = [[
    id,
    json.source_path,
    cell(metadata.title),
    json.dct,
    json.dct_source,
    cell(metadata.source),
    cell(metadata.url),
    // Code points, what Python's len() counts (Array.from(text).length, without the array).
    codePointConverter(text)(text.length),
    wordCount(text),
    json.paragraphs.length,
    sentences.length,
    cell(json.headline?.text),
    cell(json.dateline?.text),
    json.entities ? json.entities.length : null,
    json.timexes ? json.timexes.length : null,
    tension ? cueRows.length : null,
    cell(json.sentiment),
    cell(tension?.index),
    cell(tension?.label),
  ]];

  if (json.entities) {
    const summaryById = new Map((json.entity_summary ?? []).map((e) => [e.entity_id, e]));
    tables.entities = json.entities.map((m) => {
      const entity = summaryById.get(m.entity_id);
      return [id, sentenceOf(m.start), m.start, m.end, m.text, m.type, m.entity_id, cell(entity?.canonical), cell(entity?.country_code), m.title, m.rule];
    });
    tables.entity_summary = (json.entity_summary ?? []).map((e) => [id, e.entity_id, e.canonical, e.type, e.country_code, e.mentions, e.first_offset]);
  }
  if (json.timexes) {
    tables.dates = json.timexes.map((t) => [id, sentenceOf(t.start), t.start, t.end, t.text, t.type, t.value, t.mod, t.range_start, t.range_end, t.anchor, t.rule]);
  }
  if (tension) {
    tables.tension_cues = cueRows;
    tables.dyads = (json.dyads ?? []).map((d) => [id, d.source, d.source_code, d.target, d.target_code, d.cues, d.mean_weight]);
  }
  return tables;
}
