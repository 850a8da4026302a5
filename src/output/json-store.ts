import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, rmSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { ArticleJson } from './article-json-type.js';
import { serializeArticleJson } from './serialize-article-json.js';
import { AtomicFileWriter, replaceFile } from './atomic-write.js';
import { csvText } from './csv-writer.js';
import { safeFileName } from './file-names.js';
import type { JsonLayout } from './json-layouts.js';

/**
 * Where the article JSON of a run lives (`outputs.json`), and the one place that reads and writes it:
 * - `files`: `json/<id>.json`, one file per article (the default);
 * - `sharded`: `json/<2 hex>/<id>.json`, the 2 hex digits from the SHA-256 of the id, so 256 folders
 *   hold about 4,000 files each at a million articles;
 * - `jsonl`: `json/articles-00000.jsonl.gz`, ...: JSON Lines in article id order, at most 10,000
 *   articles per shard, and `json/index.csv` (id, shard, offset, bytes) beside them;
 * - `none`: no article JSON (the CSV tables, the manifest and the columnar outputs only).
 * `<id>` is the article id as a safe file name (src/output/file-names.ts).
 *
 * Each jsonl line is its own gzip member (gzip files may hold several, and zcat, Python's gzip, pandas,
 * R and DuckDB read them as one stream): the index gives each article's byte range, so one article is
 * read without inflating its shard, and an unchanged article's bytes are copied, not recompressed. What
 * that costs is small: gzip's window is 32 KB, about one article, so a shared stream would gain little.
 * gzip runs at a fixed level and Node writes no time into the header: the same articles give the same bytes.
 */
export { JSON_LAYOUTS, type JsonLayout } from './json-layouts.js';

/** The article JSON folder inside an output folder. */
export const JSON_DIR = 'json';
/** Most articles in one jsonl shard. */
export const JSONL_SHARD_ARTICLES = 10_000;
const JSONL_INDEX = 'index.csv';
const JSONL_INDEX_COLUMNS = ['id', 'shard', 'offset', 'bytes'] as const;
const GZIP_LEVEL = 6;
/**
 * Where a distributed worker (src/distributed) leaves an article's JSON for the coordinator when the
 * layout has no per-article file (`jsonl`, `none`): sharded like `sharded`, removed once the run is recorded.
 */
const INCOMING_DIR = '.incoming';

/** The two hex digits of an article's `sharded` folder: the first byte of the SHA-256 of its id. */
export function shardFolderOf(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 2);
}

/** The article's own file name in `files` and `sharded` (and in a golden folder): `<safe id>.json`. */
export function articleFileName(id: string): string {
  return `${safeFileName(id)}.json`;
}

/** The shard file name of the jsonl shard with this sequence number. */
export function jsonlShardName(sequence: number): string {
  return `articles-${String(sequence).padStart(5, '0')}.jsonl.gz`;
}

/** The article's path relative to the JSON folder in a per-file layout. */
function perFilePath(layout: 'files' | 'sharded', id: string): string {
  return layout === 'files' ? articleFileName(id) : `${shardFolderOf(id)}/${articleFileName(id)}`;
}

/** One jsonl line of an article: its JSON on one line, gzipped as a member of its own. */
export function jsonlMember(json: ArticleJson): Uint8Array {
  return gzipSync(Buffer.from(`${JSON.stringify(json)}\n`, 'utf8'), { level: GZIP_LEVEL });
}

/**
 * The thread-side half of writing an analyzed article (worker threads and the main thread alike): in
 * `files` and `sharded` the JSON file is written here, in parallel; for `jsonl` the gzipped line is
 * returned, for the main thread to append in id order; `none` writes nothing.
 */
export function storeAnalyzedJson(jsonDir: string, layout: JsonLayout, id: string, json: ArticleJson): Uint8Array | undefined {
  if (layout === 'files' || layout === 'sharded') {
    const file = path.join(jsonDir, perFilePath(layout, id));
    if (layout === 'sharded') mkdirSync(path.dirname(file), { recursive: true });
    replaceFile(file, serializeArticleJson(json));
    return undefined;
  }
  return layout === 'jsonl' ? jsonlMember(json) : undefined;
}

/** The file a thread writes an article's JSON to in this layout (its temporary name derives from it), or null. */
export function analyzedJsonFile(jsonDir: string, layout: JsonLayout, id: string): string | null {
  return layout === 'files' || layout === 'sharded' ? path.join(jsonDir, perFilePath(layout, id)) : null;
}

/**
 * Where a distributed worker writes an article's JSON: its final place in `files` and `sharded`, else
 * a hand-over file under `json/.incoming/` that the coordinator reads (and removes after the run).
 */
export function remoteResultFile(jsonDir: string, layout: JsonLayout, id: string): string {
  return analyzedJsonFile(jsonDir, layout, id) ?? path.join(jsonDir, INCOMING_DIR, perFilePath('sharded', id));
}

/** Removes the hand-over files of distributed workers, once the run that read them is recorded. */
export function removeIncoming(jsonDir: string): void {
  rmSync(path.join(jsonDir, INCOMING_DIR), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** An article as a reader lists it. */
export interface StoredArticle {
  /** `<safe id>.json`: the same in every layout and in a golden folder, so folders of different layouts compare. */
  readonly name: string;
  /** The file holding it, relative to the output folder (a shard for `jsonl`). */
  readonly location: string;
  /** What the reader finds it by (its path in the JSON folder, or its id in the jsonl index). */
  readonly key: string;
}

/** Article JSON of one output folder (or of a flat folder of `<safe id>.json`, such as a golden folder). */
export interface ArticleJsonReader {
  readonly layout: JsonLayout;
  /** Whether the article's JSON is there (not whether it reads). */
  has(id: string): boolean;
  /** The article's JSON text as stored (one line for `jsonl`), or null when it is missing or unreadable. */
  read(id: string): string | null;
  /** Every article held, sorted by name. */
  list(): StoredArticle[];
  /** The text of a listed article; throws when it cannot be read (the message names the file). */
  readListed(article: StoredArticle): string;
  /** The file holding the article, relative to the output folder, or null. */
  location(id: string): string | null;
  close(): void;
}

/**
 * The reader of an output folder's JSON. The layout is the one the manifest records; a folder without
 * that record (an older run, or outputs copied by hand) is recognized by what it holds: an index means
 * `jsonl`, two-hex-digit folders `sharded`, else `files`.
 */
export function openArticleJson(outputDir: string, recorded?: JsonLayout | null): ArticleJsonReader {
  const jsonDir = path.join(outputDir, JSON_DIR);
  const layout = recorded ?? detectLayout(jsonDir);
  return readerOf(jsonDir, layout, JSON_DIR);
}

/** A reader of a flat folder of `<safe id>.json` files (a golden folder), paths relative to it. */
export function openJsonFolder(dir: string): ArticleJsonReader {
  return new PerFileReader(dir, 'files', '');
}

function readerOf(jsonDir: string, layout: JsonLayout, prefix: string): ArticleJsonReader {
  if (layout === 'jsonl') return new JsonlReader(jsonDir, prefix);
  if (layout === 'none') return new NoJsonReader();
  return new PerFileReader(jsonDir, layout, prefix);
}

function detectLayout(jsonDir: string): JsonLayout {
  if (!existsSync(jsonDir)) return 'none';
  if (existsSync(path.join(jsonDir, JSONL_INDEX))) return 'jsonl';
  return readdirSafe(jsonDir).some((e) => e.isDirectory() && /^[0-9a-f]{2}$/u.test(e.name)) ? 'sharded' : 'files';
}

class NoJsonReader implements ArticleJsonReader {
  readonly layout = 'none' as const;
  has(): boolean {
    return false;
  }
  read(): string | null {
    return null;
  }
  list(): StoredArticle[] {
    return [];
  }
  readListed(article: StoredArticle): string {
    throw new Error(`${article.location}: no article JSON is written with outputs.json "none"`);
  }
  location(): string | null {
    return null;
  }
  close(): void {}
}

class PerFileReader implements ArticleJsonReader {
  constructor(
    private readonly jsonDir: string,
    readonly layout: 'files' | 'sharded',
    /** What `location` puts before the path inside the JSON folder ("json" in an output folder). */
    private readonly prefix: string,
  ) {}

  private file(id: string): string {
    return path.join(this.jsonDir, perFilePath(this.layout, id));
  }

  has(id: string): boolean {
    return existsSync(this.file(id));
  }

  read(id: string): string | null {
    try {
      return readFileSync(this.file(id), 'utf8');
    } catch {
      return null;
    }
  }

  list(): StoredArticle[] {
    const found: StoredArticle[] = [];
    const take = (sub: string): void => {
      for (const entry of readdirSafe(path.join(this.jsonDir, sub))) {
        if (!entry.isFile() || !entry.name.endsWith('.json') || entry.name.startsWith('.')) continue;
        const inner = sub === '' ? entry.name : `${sub}/${entry.name}`;
        found.push({ name: entry.name, location: this.prefix === '' ? inner : `${this.prefix}/${inner}`, key: inner });
      }
    };
    if (this.layout === 'files') take('');
    else for (const entry of readdirSafe(this.jsonDir)) if (entry.isDirectory() && /^[0-9a-f]{2}$/u.test(entry.name)) take(entry.name);
    return found.sort((a, b) => compare(a.name, b.name));
  }

  readListed(article: StoredArticle): string {
    return readFileSync(path.join(this.jsonDir, article.key), 'utf8');
  }

  location(id: string): string {
    const inner = perFilePath(this.layout, id);
    return this.prefix === '' ? inner : `${this.prefix}/${inner}`;
  }

  close(): void {}
}

interface IndexEntry {
  readonly shard: string;
  readonly offset: number;
  readonly bytes: number;
}

/** `jsonl`: the index is read once; articles are read by byte range, one shard kept open at a time. */
class JsonlReader implements ArticleJsonReader {
  readonly layout = 'jsonl' as const;
  private readonly index = new Map<string, IndexEntry>();
  private open: { shard: string; fd: number } | null = null;

  constructor(
    private readonly jsonDir: string,
    private readonly prefix: string,
  ) {
    let text: string;
    try {
      text = readFileSync(path.join(jsonDir, JSONL_INDEX), 'utf8');
    } catch {
      return; // no index: no article (a damaged folder is recomputed, never trusted)
    }
    const rows = parse(text, { record_delimiter: '\r\n', from_line: 2 }) as string[][];
    for (const [id, shard, offset, bytes] of rows) {
      if (id === undefined || shard === undefined || !/^articles-\d{5}\.jsonl\.gz$/u.test(shard)) continue;
      this.index.set(id, { shard, offset: Number(offset), bytes: Number(bytes) });
    }
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The article's gzip member as stored, or null: what the jsonl writer copies for an unchanged article. */
  member(id: string): { readonly entry: IndexEntry; readonly bytes: Buffer } | null {
    const entry = this.index.get(id);
    if (!entry) return null;
    try {
      if (this.open?.shard !== entry.shard) {
        if (this.open) closeSync(this.open.fd);
        this.open = null;
        this.open = { shard: entry.shard, fd: openSync(path.join(this.jsonDir, entry.shard), 'r') };
      }
      const bytes = Buffer.alloc(entry.bytes);
      const read = readSync(this.open.fd, bytes, 0, entry.bytes, entry.offset);
      return read === entry.bytes ? { entry, bytes } : null;
    } catch {
      return null;
    }
  }

  read(id: string): string | null {
    const member = this.member(id);
    if (!member) return null;
    try {
      return gunzipSync(member.bytes).toString('utf8');
    } catch {
      return null;
    }
  }

  list(): StoredArticle[] {
    return [...this.index].map(([id, entry]) => ({ name: articleFileName(id), location: this.locate(entry.shard), key: id })).sort((a, b) => compare(a.name, b.name));
  }

  readListed(article: StoredArticle): string {
    const text = this.read(article.key);
    if (text === null) throw new Error(`${article.location}: the bytes its index names for ${article.name} are not a gzip member`);
    return text;
  }

  location(id: string): string | null {
    const entry = this.index.get(id);
    return entry ? this.locate(entry.shard) : null;
  }

  private locate(shard: string): string {
    return this.prefix === '' ? shard : `${this.prefix}/${shard}`;
  }

  close(): void {
    if (this.open) closeSync(this.open.fd);
    this.open = null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Writing (a corpus run)

/** How an article's JSON reaches this run's layout. */
export type JsonSource =
  /** Analyzed in this run and already written by its thread (`files`, `sharded`), or nothing to write (`none`). */
  | { readonly kind: 'in-place' }
  /** Analyzed in this run: its jsonl line (`storeAnalyzedJson`). */
  | { readonly kind: 'member'; readonly bytes: Uint8Array }
  /** Analyzed elsewhere (a distributed worker): its JSON text. */
  | { readonly kind: 'text'; readonly text: string }
  /** Unchanged since the previous run: its JSON is the previous run's, in whatever layout that run wrote. */
  | { readonly kind: 'previous' };

/**
 * Puts a run's article JSON in its layout. Articles arrive in id order (`put`); `commit` publishes what
 * is built up (jsonl shards and index) and removes every JSON file that is not one of this run's
 * articles in this layout: articles gone from the corpus, and files of another layout a previous run wrote.
 */
export interface ArticleJsonWriter {
  readonly layout: JsonLayout;
  /** Records an article of this run; returns where its JSON is, relative to the output folder (null for `none`). */
  put(id: string, source: JsonSource): string | null;
  commit(): void;
  abort(): void;
}

/**
 * The writer of a run's JSON in `layout`; `previous` reads what the previous run left (its unchanged
 * articles are kept or moved from it). `shardArticles` is the jsonl shard size (10,000 in every run;
 * smaller only to see shard boundaries on a small corpus).
 */
export function createArticleJsonWriter(outputDir: string, layout: JsonLayout, previous: ArticleJsonReader, shardArticles = JSONL_SHARD_ARTICLES): ArticleJsonWriter {
  const jsonDir = path.join(outputDir, JSON_DIR);
  if (layout === 'jsonl') return new JsonlWriter(jsonDir, previous, shardArticles);
  if (layout === 'none') return new NoJsonWriter(jsonDir);
  return new PerFileWriter(jsonDir, layout, previous);
}

class NoJsonWriter implements ArticleJsonWriter {
  readonly layout = 'none' as const;
  constructor(private readonly jsonDir: string) {}
  put(): null {
    return null;
  }
  commit(): void {
    removeJsonExcept(this.jsonDir, new Set());
  }
  abort(): void {}
}

class PerFileWriter implements ArticleJsonWriter {
  private readonly keep = new Set<string>();

  constructor(
    private readonly jsonDir: string,
    readonly layout: 'files' | 'sharded',
    private readonly previous: ArticleJsonReader,
  ) {
    mkdirSync(jsonDir, { recursive: true });
  }

  put(id: string, source: JsonSource): string {
    const inner = perFilePath(this.layout, id);
    this.keep.add(inner);
    const file = path.join(this.jsonDir, inner);
    // The previous run wrote another layout: its JSON moves into this one (it is removed on commit).
    if (source.kind === 'previous' && this.previous.layout !== this.layout) writePretty(file, this.previous.read(id), id);
    else if (source.kind === 'text') writePretty(file, source.text, id);
    else if (source.kind === 'member') writePretty(file, gunzipSync(source.bytes).toString('utf8'), id);
    return `${JSON_DIR}/${inner}`;
  }

  commit(): void {
    removeJsonExcept(this.jsonDir, this.keep);
  }

  abort(): void {}
}

/** Writes JSON text as `files` does (two-space indent), whatever form it was stored in. */
function writePretty(file: string, text: string | null, id: string): void {
  if (text === null) throw new Error(`article-pipeline: the previous JSON of ${id} could not be read back`);
  mkdirSync(path.dirname(file), { recursive: true });
  replaceFile(file, serializeArticleJson(JSON.parse(text) as ArticleJson));
}

/**
 * jsonl shards, built as articles arrive. A shard that comes out exactly as the previous run left it
 * (the same articles, unchanged, at the same offsets) is not written again, so an unchanged rerun
 * writes no shard; any other shard is written under a temporary name and renamed into place on commit
 * (the previous shards are read until then).
 */
class JsonlWriter implements ArticleJsonWriter {
  readonly layout = 'jsonl' as const;
  private sequence = 0;
  private count = 0;
  private bytes = 0;
  /** The current shard's file while it differs from the previous one; null while it is a copy so far. */
  private writer: AtomicFileWriter | null = null;
  private readonly finished: AtomicFileWriter[] = [];
  private readonly shards = new Set<string>();
  private readonly index: AtomicFileWriter;
  private readonly previousJsonl: JsonlReader | null;
  private indexRows = '';

  constructor(
    private readonly jsonDir: string,
    private readonly previous: ArticleJsonReader,
    private readonly shardArticles: number,
  ) {
    mkdirSync(jsonDir, { recursive: true });
    this.previousJsonl = previous instanceof JsonlReader ? previous : null;
    this.index = new AtomicFileWriter(path.join(jsonDir, JSONL_INDEX));
    this.index.write(csvText([[...JSONL_INDEX_COLUMNS]]));
  }

  put(id: string, source: JsonSource): string {
    if (source.kind === 'in-place') throw new Error(`article-pipeline: ${id} was analyzed without its jsonl line (a thread wrote another layout)`);
    const shard = jsonlShardName(this.sequence);
    if (this.count === 0) this.shards.add(shard);
    let bytes: Uint8Array;
    const copied = source.kind === 'previous' ? this.previousJsonl?.member(id) : null;
    if (copied && copied.entry.shard === shard && copied.entry.offset === this.bytes && this.writer === null) {
      // Still byte for byte the previous shard: nothing to write yet.
      bytes = copied.bytes;
    } else {
      if (copied) bytes = copied.bytes;
      else if (source.kind === 'member') bytes = source.bytes;
      else {
        const text = source.kind === 'text' ? source.text : this.previous.read(id);
        if (text === null) throw new Error(`article-pipeline: the previous JSON of ${id} could not be read back`);
        bytes = jsonlMember(JSON.parse(text) as ArticleJson);
      }
      this.diverge(shard);
      this.writer!.write(bytes);
    }
    this.indexRows += csvText([[id, shard, this.bytes, bytes.length]]);
    // One write per ~64 KB of index, not per article.
    if (this.indexRows.length >= 65_536) this.flushIndex();
    this.bytes += bytes.length;
    if (++this.count >= this.shardArticles) this.closeShard();
    return `${JSON_DIR}/${shard}`;
  }

  /** The current shard differs from the previous one from here on: start its file with the identical prefix. */
  private diverge(shard: string): void {
    if (this.writer !== null) return;
    this.writer = new AtomicFileWriter(path.join(this.jsonDir, shard));
    if (this.bytes > 0) this.writer.write(readPrefix(path.join(this.jsonDir, shard), this.bytes));
  }

  private closeShard(): void {
    if (this.count === 0) return;
    const shard = jsonlShardName(this.sequence);
    // A copy so far, but the previous shard had more articles after these: write the shorter one.
    if (this.writer === null && fileSize(path.join(this.jsonDir, shard)) !== this.bytes) this.diverge(shard);
    if (this.writer !== null) this.finished.push(this.writer);
    this.writer = null;
    this.sequence++;
    this.count = 0;
    this.bytes = 0;
  }

  private flushIndex(): void {
    this.index.write(this.indexRows);
    this.indexRows = '';
  }

  commit(): void {
    this.closeShard();
    this.flushIndex();
    this.previous.close();
    for (const writer of this.finished) writer.commit();
    this.index.commit();
    removeJsonExcept(this.jsonDir, new Set([...this.shards, JSONL_INDEX]));
  }

  abort(): void {
    this.writer?.abort();
    for (const writer of this.finished) writer.abort();
    this.index.abort();
  }
}

function readPrefix(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    readSync(fd, bytes, 0, length, 0);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

/**
 * Removes from the JSON folder every file that is not in `keep` (paths inside the folder), in its top
 * level and its two-hex-digit folders (then empty folders go): stale articles, another layout's files,
 * temporary files of a killed run. The distributed hand-over folder is left to `removeIncoming`.
 */
function removeJsonExcept(jsonDir: string, keep: ReadonlySet<string>): void {
  for (const entry of readdirSafe(jsonDir)) {
    if (entry.isFile() && !keep.has(entry.name)) rmSync(path.join(jsonDir, entry.name), { force: true });
    else if (entry.isDirectory() && /^[0-9a-f]{2}$/u.test(entry.name)) {
      const sub = path.join(jsonDir, entry.name);
      let left = 0;
      for (const inner of readdirSafe(sub)) {
        if (inner.isFile() && !keep.has(`${entry.name}/${inner.name}`)) rmSync(path.join(sub, inner.name), { force: true });
        else left++;
      }
      if (left === 0) rmdirSafe(sub);
    }
  }
  if (keep.size === 0 && readdirSafe(jsonDir).length === 0) rmdirSafe(jsonDir);
}

function rmdirSafe(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty after all (another process's file), or already gone: left as it is
  }
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
