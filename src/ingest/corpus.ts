import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArticleMetadata, DctSource } from '../document/types.js';
import { stableStringify } from '../util/stable-stringify.js';
import { parseFrontMatterYaml } from './front-matter.js';
import { checkLanguage, type LanguagePolicy } from './language.js';
import { checkMetadata, parsePublicationDate } from './metadata.js';
import { decodeArticleBytes } from './normalize.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.json', '.jsonl'] as const;

export interface IngestOptions {
  readonly maxBytes: number;
  readonly defaultPublicationDate: string | null;
  readonly language: LanguagePolicy;
}

/** Where one article lives: a whole file, or one line (byte range) of a jsonl file. */
export interface ArticleRef {
  readonly id: string;
  readonly relPath: string;
  /** 1-based line for jsonl, else null. */
  readonly line: number | null;
  readonly byteStart: number;
  readonly byteEnd: number;
}

export interface RawArticle {
  readonly id: string;
  /** Path relative to the corpus folder, with ":line" for jsonl. */
  readonly sourcePath: string;
  readonly metadata: ArticleMetadata;
  readonly text: string;
  readonly dct: string | null;
  readonly dctSource: DctSource;
  /** sha256 of the stored text, metadata and dct: unchanged hash means unchanged analysis input. */
  readonly contentHash: string;
  /** Non-fatal findings (e.g. language warnings). */
  readonly warnings: readonly string[];
}

export interface IngestError {
  readonly articleId: string | null;
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
}

export type ArticleResult = { ok: true; article: RawArticle } | { ok: false; error: IngestError };

/** Every article file under the corpus folder, recursively, in sorted order; hidden files are skipped. */
export function discoverFiles(corpusDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(path.relative(corpusDir, full).split(path.sep).join('/'));
    }
  };
  walk(corpusDir);
  return found;
}

export interface ScannedArticle extends ArticleRef {
  readonly contentHash: string;
}

/**
 * One file of the corpus, read for its articles' ids and byte ranges (every article of a jsonl file),
 * or the reasons it cannot be used. Shared by the plain scan and the stat-cached one.
 */
export function scanArticleFile(corpusDir: string, relPath: string, size: number, options: IngestOptions): { articles: ScannedArticle[]; errors: IngestError[] } {
  const articles: ScannedArticle[] = [];
  const errors: IngestError[] = [];
  const extension = path.extname(relPath).toLowerCase();
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(extension)) {
    errors.push({ articleId: null, file: relPath, line: null, reason: `unsupported file type "${extension || '(none)'}": expected ${ARTICLE_EXTENSIONS.join(', ')}` });
    return { articles, errors };
  }
  const full = path.join(corpusDir, relPath);
  const take = (result: ArticleResult, ref: Omit<ArticleRef, 'id'>): void => {
    if (result.ok) articles.push({ ...ref, id: result.article.id, contentHash: result.article.contentHash });
    else errors.push(result.error);
  };
  if (extension === '.jsonl') {
    forEachLine(full, options.maxBytes, (line, lineNumber, byteStart, byteEnd) => {
      const ref = { relPath, line: lineNumber, byteStart, byteEnd };
      if (line === null) {
        errors.push({ articleId: defaultId(ref), file: relPath, line: lineNumber, reason: `article of ${byteEnd - byteStart} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)` });
      } else if (line.toString('latin1').trim() !== '') {
        take(parseArticleBytes(line, { ...ref, id: '' }, options, true), ref);
      }
    });
    return { articles, errors };
  }
  const ref = { relPath, line: null, byteStart: 0, byteEnd: size };
  if (size > options.maxBytes) {
    errors.push({ articleId: defaultId(ref), file: relPath, line: null, reason: `file of ${size} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)` });
    return { articles, errors };
  }
  take(parseArticleBytes(readFileSync(full), { ...ref, id: '' }, options, true), ref);
  return { articles, errors };
}

const READ_CHUNK_BYTES = 1 << 20;

/**
 * Calls `onLine` for every line of a file with its bytes (without the line feed) and byte range, reading
 * the file a chunk at a time, so a jsonl corpus of any size is scanned in flat memory. A line longer
 * than `maxLineBytes` is passed as null: it is never held whole. The bytes are only valid during the call.
 */
function forEachLine(file: string, maxLineBytes: number, onLine: (line: Buffer | null, lineNumber: number, byteStart: number, byteEnd: number) => void): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(READ_CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let oversized = false;
    let lineStart = 0;
    let lineNumber = 0;
    let position = 0;
    const finishLine = (end: number): void => {
      lineNumber++;
      const line = oversized ? null : pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      onLine(line, lineNumber, lineStart, end);
      pending = [];
      pendingBytes = 0;
      oversized = false;
      lineStart = end + 1;
    };
    const keep = (piece: Buffer): void => {
      if (oversized) return;
      if (pendingBytes + piece.length > maxLineBytes) {
        oversized = true;
        pending = [];
        return;
      }
      pending.push(piece);
      pendingBytes += piece.length;
    };
    for (let read = readSync(fd, chunk, 0, chunk.length, position); read > 0; read = readSync(fd, chunk, 0, chunk.length, position)) {
      let from = 0;
      for (let newline = chunk.indexOf(0x0a, from); newline !== -1 && newline < read; newline = chunk.indexOf(0x0a, from)) {
        keep(chunk.subarray(from, newline));
        finishLine(position + newline);
        from = newline + 1;
      }
      // The rest of the chunk starts a line that goes on in the next one: copied, the chunk is reused.
      if (from < read) keep(Buffer.from(chunk.subarray(from, read)));
      position += read;
    }
    if (position > lineStart) finishLine(position);
  } finally {
    closeSync(fd);
  }
}

/** Second pass: reads one article again and runs every check, including language. */
export function loadArticle(corpusDir: string, ref: ArticleRef, options: IngestOptions): ArticleResult {
  const full = path.join(corpusDir, ref.relPath);
  const length = ref.byteEnd - ref.byteStart;
  const bytes = Buffer.alloc(length);
  const fd = openSync(full, 'r');
  try {
    readSync(fd, bytes, 0, length, ref.byteStart);
  } finally {
    closeSync(fd);
  }
  return parseArticleBytes(bytes, ref, options, false);
}

/** Parses one article from its bytes (a whole file, or one jsonl line). */
export function parseArticleBytes(bytes: Uint8Array, ref: Omit<ArticleRef, 'id'> & { id: string }, options: IngestOptions, scanOnly: boolean): ArticleResult {
  const fail = (reason: string, articleId: string | null = null): ArticleResult => ({ ok: false, error: { articleId, file: ref.relPath, line: ref.line, reason } });
  if (bytes.length > options.maxBytes) return fail(`article of ${bytes.length} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)`, defaultId(ref));
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return fail(decoded.reason, defaultId(ref));
  const extension = path.extname(ref.relPath).toLowerCase();

  let rawMetadata: unknown = {};
  let body: string;
  if (extension === '.json' || extension === '.jsonl') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoded.text);
    } catch (error) {
      return fail(`malformed JSON: ${(error as Error).message}`, defaultId(ref));
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('malformed JSON: expected one article object', defaultId(ref));
    const { text, ...rest } = parsed as Record<string, unknown>;
    if (text === undefined || text === null) return fail('missing text: the article object has no "text" field', idOf(rest, ref));
    if (typeof text !== 'string') return fail('"text" must be a string', idOf(rest, ref));
    // JSON strings are decoded already; normalize them like file text.
    body = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').normalize('NFC');
    rawMetadata = rest;
  } else {
    const split = splitFrontMatter(decoded.text);
    if (!split.ok) return fail(split.reason, defaultId(ref));
    rawMetadata = split.metadata;
    body = split.body;
  }

  const checked = checkMetadata(rawMetadata);
  if (!checked.ok) return fail(checked.reason, idOf(rawMetadata, ref));
  const metadata = checked.metadata;
  const id = typeof metadata.id === 'string' ? metadata.id : defaultId(ref);
  if (body.trim() === '') return fail(body === '' ? 'empty article: no text' : 'empty article: only whitespace', id);

  let dct: string | null = null;
  let dctSource: DctSource = 'none';
  if (metadata.date !== undefined && metadata.date !== null) {
    dct = parsePublicationDate(metadata.date);
    if (dct === null) return fail(`invalid date ${JSON.stringify(metadata.date)}: expected an ISO 8601 date (YYYY-MM-DD) or date-time with offset`, id);
    dctSource = 'metadata';
  } else if (options.defaultPublicationDate) {
    dct = options.defaultPublicationDate;
    dctSource = 'config';
  }

  const warnings: string[] = [];
  if (!scanOnly) {
    const verdict = checkLanguage(body, options.language);
    if (!verdict.english) {
      const reason = `not English: detected "${verdict.detected}" with confidence ${verdict.confidence.toFixed(2)} (language.policy)`;
      if (options.language.policy === 'reject') return fail(reason, id);
      warnings.push(reason);
    }
  }
  const sourcePath = ref.line === null ? ref.relPath : `${ref.relPath}:${ref.line}`;
  const contentHash = createHash('sha256').update(stableStringify({ body, metadata, dct, dctSource })).digest('hex');
  return { ok: true, article: { id, sourcePath, metadata, text: body, dct, dctSource, contentHash, warnings } };
}

/** Id when the metadata names none: the path without extension (jsonl: plus ":line"). */
function defaultId(ref: { relPath: string; line: number | null }): string {
  const withoutExtension = ref.relPath.slice(0, ref.relPath.length - path.extname(ref.relPath).length);
  return ref.line === null ? withoutExtension : `${withoutExtension}:${ref.line}`;
}

function idOf(raw: unknown, ref: { relPath: string; line: number | null }): string {
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : defaultId(ref);
}

type FrontMatter = { ok: true; metadata: unknown; body: string } | { ok: false; reason: string };

/** YAML front matter between "---" lines at the very start; the body after it is the stored text. */
export function splitFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---\n')) return { ok: true, metadata: {}, body: text };
  const close = /^---[ \t]*$/mu;
  const rest = text.slice(4);
  const match = close.exec(rest);
  if (!match) return { ok: false, reason: 'malformed front matter: no closing "---" line' };
  const yamlText = rest.slice(0, match.index);
  let metadata: unknown;
  try {
    metadata = parseFrontMatterYaml(yamlText) ?? {};
  } catch (error) {
    return { ok: false, reason: `malformed front matter: ${(error as Error).message.split('\n')[0]}` };
  }
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return { ok: false, reason: 'malformed front matter: expected key: value pairs' };
  let body = rest.slice(match.index + match[0].length);
  if (body.startsWith('\n')) body = body.slice(1);
  return { ok: true, metadata, body };
}
