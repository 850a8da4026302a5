/** The corpus file formats, told apart by extension (`.gz` wraps any of them). */
export type ArticleFormat = 'txt' | 'md' | 'json' | 'jsonl' | 'html' | 'csv' | 'tsv';

export interface FileFormat {
  readonly format: ArticleFormat;
  readonly gzip: boolean;
  /** The extension as found, lower-cased: ".csv", ".jsonl.gz". */
  readonly extension: string;
}

const BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
  '.tsv': 'tsv',
};

/** Extensions read from the corpus folder, each also accepted with `.gz` after it. */
export const ARTICLE_EXTENSIONS = Object.keys(BY_EXTENSION);

/** Formats holding one article per line or row; the others hold one article per file. */
export function holdsManyArticles(format: ArticleFormat): boolean {
  return format === 'jsonl' || format === 'csv' || format === 'tsv';
}

export function fileFormat(relPath: string): FileFormat | null {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  const gzip = name.endsWith('.gz');
  const inner = gzip ? name.slice(0, -3) : name;
  const dot = inner.lastIndexOf('.');
  if (dot <= 0) return null;
  const format = BY_EXTENSION[inner.slice(dot)];
  return format ? { format, gzip, extension: name.slice(dot) } : null;
}

/** The extension of an unsupported file, for its error message. */
export function describeExtension(relPath: string): string {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  const match = /(\.[^.]+(?:\.gz)?)$/u.exec(name.startsWith('.') ? '' : name);
  return match ? match[1]! : '(none)';
}
