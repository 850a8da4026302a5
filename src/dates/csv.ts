import type { ArticleDoc, Timex } from '../document/types.js';
import { tokenIndexAt } from './tense.js';

/** Columns of `dates.csv`, one row per temporal expression (see the codebook). */
export const TIMEX_CSV_COLUMNS = [
  'article_id', 'sentence', 'start', 'end', 'text', 'type', 'value', 'mod', 'range_start', 'range_end', 'anchor', 'rule',
] as const;

export type TimexCsvRow = Record<(typeof TIMEX_CSV_COLUMNS)[number], string | number>;

/**
 * Rows for `dates.csv`. Offsets stay UTF-16 here like every offset inside the pipeline; the writer
 * converts them to code points with the rest of the output.
 */
export function timexCsvRows(doc: Pick<ArticleDoc, 'id' | 'tokens'> & { readonly timexes?: readonly Timex[] }): TimexCsvRow[] {
  return (doc.timexes ?? []).map((t) => {
    const token = doc.tokens[Math.min(tokenIndexAt(doc.tokens, t.start), doc.tokens.length - 1)];
    return {
      article_id: doc.id,
      sentence: token?.sentence ?? 0,
      start: t.start,
      end: t.end,
      text: t.text,
      type: t.type,
      value: t.value,
      mod: t.mod ?? '',
      range_start: t.rangeStart ?? '',
      range_end: t.rangeEnd ?? '',
      anchor: t.anchor,
      rule: t.rule,
    };
  });
}
