import { descendantElements, type DomElement } from './html-text.js';

/**
 * What a saved news page says about itself, read before anything is removed from it (the JSON-LD sits
 * in `<script>` elements, which extraction drops). Sources, in order of trust: the JSON-LD
 * `NewsArticle`/`Article` object (what the publisher gives search engines), then Open Graph and
 * `article:*` meta tags, then `<link rel=canonical>` and `<html lang>`.
 */

/** The parts of a DOM document this module reads (linkedom's document satisfies it). */
export interface PageDocument {
  readonly documentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
}

export interface PageMetadata {
  readonly title?: string;
  /** The publication date as the page writes it (checked later, like every format's date). */
  readonly date?: string;
  readonly source?: string;
  readonly url?: string;
  /** Author names, "; "-separated. */
  readonly author?: string;
  /** `<html lang>` (or JSON-LD `inLanguage`), as written: "en", "en-US". */
  readonly language?: string;
}

/** JSON-LD types that describe a news or blog article (schema.org's Article and its subtypes). */
const ARTICLE_TYPE = /(?:^|[^A-Za-z])(?:[A-Za-z]*Article|BlogPosting|LiveBlogPosting|Report)$/u;

/**
 * The elements the metadata comes from, found in one walk over the page. Each is what the selector in
 * its comment finds (the first in document order), matched as css-select matches it in an HTML
 * document: tag names case-insensitively, `rel` and `type` values ASCII case-insensitively, `property`
 * and `name` values exactly. Querying each selector compiled it on every page, several times over.
 */
interface MetadataElements {
  /** `meta[property="KEY"]` and `meta[name="KEY"]`, by KEY. */
  readonly metaByProperty: Map<string, DomElement>;
  readonly metaByName: Map<string, DomElement>;
  /** `link[rel="canonical"]` */
  readonly canonical: DomElement | null;
  /** `script[type="application/ld+json"]`, all of them. */
  readonly jsonLd: DomElement[];
}

function metadataElements(document: PageDocument): MetadataElements {
  const metaByProperty = new Map<string, DomElement>();
  const metaByName = new Map<string, DomElement>();
  let canonical: DomElement | null = null;
  const jsonLd: DomElement[] = [];
  for (const element of descendantElements(document)) {
    const tag = element.localName.toLowerCase();
    if (tag === 'meta') {
      const property = element.getAttribute('property');
      if (property !== null && !metaByProperty.has(property)) metaByProperty.set(property, element);
      const name = element.getAttribute('name');
      if (name !== null && !metaByName.has(name)) metaByName.set(name, element);
    } else if (tag === 'link') {
      if (canonical === null && element.getAttribute('rel')?.toLowerCase() === 'canonical') canonical = element;
    } else if (tag === 'script') {
      if (element.getAttribute('type')?.toLowerCase() === 'application/ld+json') jsonLd.push(element);
    }
  }
  return { metaByProperty, metaByName, canonical, jsonLd };
}

export function readPageMetadata(document: PageDocument): PageMetadata {
  const elements = metadataElements(document);
  const article = findJsonLdArticle(elements.jsonLd);
  const meta = (key: string): string | undefined =>
    nonEmpty(elements.metaByProperty.get(key)?.getAttribute('content')) ?? nonEmpty(elements.metaByName.get(key)?.getAttribute('content'));
  const canonical = nonEmpty(elements.canonical?.getAttribute('href'));
  const metadata: Record<string, string | undefined> = {
    title: text(article?.headline) ?? meta('og:title'),
    date: text(article?.datePublished) ?? meta('article:published_time'),
    source: names(article?.publisher) ?? meta('og:site_name'),
    url: canonical ?? meta('og:url') ?? text(article?.url) ?? text(article?.mainEntityOfPage),
    author: names(article?.author) ?? meta('article:author') ?? meta('author'),
    language: nonEmpty(document.documentElement?.getAttribute('lang')) ?? text(article?.inLanguage),
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) if (value !== undefined) out[key] = value;
  return out;
}

type JsonObject = Record<string, unknown>;

/** The first Article-typed object in the page's JSON-LD blocks (arrays and `@graph` searched too). */
function findJsonLdArticle(scripts: readonly DomElement[]): JsonObject | null {
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common on real pages; the meta tags still count
    }
    const found = searchArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function searchArticle(value: unknown, depth: number): JsonObject | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = searchArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const object = value as JsonObject;
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return object;
  return searchArticle(object['@graph'], depth + 1);
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.replace(/\s+/gu, ' ') : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return nonEmpty(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as JsonObject)['@id'] ?? (value as JsonObject).url);
  return undefined;
}

/** A person or organization, or a list of them: their names, "; "-separated. */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) => (typeof item === 'string' ? nonEmpty(item) : item && typeof item === 'object' ? text((item as JsonObject).name) : undefined))
    .filter((name): name is string => name !== undefined);
  return list.length > 0 ? [...new Set(list)].join('; ') : undefined;
}
