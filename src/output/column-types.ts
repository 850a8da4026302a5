/**
 * The typed schema of every output table, for the Parquet files and the DuckDB database. The CSV files
 * are text; these types are what a researcher gets when loading the Parquet instead.
 *
 * Types come from the column's name, so a table added later is typed without another list to edit;
 * `test/output/columnar.test.ts` fails on any column of `CSV_COLUMNS` whose name is not typed on
 * purpose, so a new column is always a decision.
 */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

const INTEGER_COLUMNS = new Set([
  'line', 'sentence_index', 'paragraph', 'start', 'end', 'characters', 'words', 'paragraphs', 'sentences',
  'entities', 'timexes', 'tension_cues', 'mentions', 'first_offset', 'cues', 'events', 'articles', 'stories',
  'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'no_quad',
  'date_day', 'date_month', 'date_coarser', 'date_vague', 'events_raw', 'articles_raw', 'trigger_start', 'trigger_end',
]);
const DOUBLE_COLUMNS = new Set(['sentiment', 'tension_score', 'tension_index', 'weight', 'mean_weight', 'goldstein', 'mean_goldstein', 'net_tension', 'similarity', 'confidence']);
const BOOLEAN_COLUMNS = new Set(['negated', 'reciprocal', 'background']);
/** Columns that always hold a whole ISO date or nothing. */
const DATE_COLUMNS = new Set(['dct', 'range_start', 'range_end', 'period_start']);
/**
 * TimeML values: a whole date only sometimes (`2026-01-14`, but also `2025-12`, `PT1H`, `PAST_REF`).
 * Kept as text, with a `<name>_date` DATE column beside it that holds the value when it is a whole date.
 */
export const TIMEML_VALUE_COLUMNS = new Set(['value', 'event_date']);

/** Text columns named on purpose (everything else untyped is a test failure, see the module comment). */
const TEXT_COLUMNS = new Set([
  'article_id', 'source_path', 'title', 'headline', 'dct_source', 'source', 'url', 'dateline', 'tension_label', 'text', 'modality',
  'source_code', 'target', 'target_code', 'type', 'entity_id', 'canonical', 'country_code', 'rule', 'mod', 'anchor',
  'category', 'file', 'reason', 'value', 'event_date', 'story_id', 'duplicate_of', 'source_country', 'target_country',
  'date_basis', 'period', 'plover_type', 'cameo_root', 'quad', 'date_source', 'factors', 'source_entity', 'target_entity',
  'source_iso2', 'source_iso3', 'target_iso2', 'target_iso3', 'decision', 'role', 'language',
  'source_entity_id', 'target_entity_id', 'source_alpha3', 'target_alpha3', 'sentence_decision',
]);

/** The Parquet/DuckDB type of a column, or null when nobody decided it yet. */
export function declaredColumnType(name: string): ColumnType | null {
  if (INTEGER_COLUMNS.has(name)) return 'BIGINT';
  if (DOUBLE_COLUMNS.has(name)) return 'DOUBLE';
  if (BOOLEAN_COLUMNS.has(name)) return 'BOOLEAN';
  if (DATE_COLUMNS.has(name)) return 'DATE';
  if (TEXT_COLUMNS.has(name)) return 'VARCHAR';
  return null;
}

/** The type used when writing: an undecided column stays text, which never loses a value. */
export function columnType(name: string): ColumnType {
  return declaredColumnType(name) ?? 'VARCHAR';
}
