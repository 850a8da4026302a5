/**
 * The ingest settings of the HTML and CSV/TSV readers, apart from the readers themselves so the config
 * schema can use their defaults without loading the HTML parser (it costs most of a second at start-up).
 */
export interface HtmlIngestOptions {
  /** Shortest article text accepted, in code points, headline not counted (`ingest.html.minChars`). */
  readonly minChars: number;
}

export const DEFAULT_HTML_OPTIONS: HtmlIngestOptions = { minChars: 200 };

export const TABLE_FIELDS = ['text', 'id', 'date', 'title', 'source', 'url'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

export interface TableIngestOptions {
  /** Header of the column holding each field; null: the first header among the common names (`./table.ts`). */
  readonly columns: Readonly<Record<TableField, string | null>>;
}

export const DEFAULT_TABLE_OPTIONS: TableIngestOptions = { columns: { text: null, id: null, date: null, title: null, source: null, url: null } };
