import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as parseHtmlFunction } from 'linkedom';
import { readPageMetadata, type PageDocument, type PageMetadata } from './html-metadata.js';
import { blockText, removeClutter, type DomElement, type DomNode } from './html-text.js';

import type { HtmlIngestOptions } from './options.js';

export { DEFAULT_HTML_OPTIONS, type HtmlIngestOptions } from './options.js';

/**
 * linkedom and Readability load on the first page (required, so the load stays synchronous): loading
 * them costs ~0.3-0.8 s, which a run without HTML files, and every CLI start, should not pay.
 */
let parsers: { parseHTML: typeof parseHtmlFunction; Readability: typeof ReadabilityClass } | null = null;
function htmlParsers(): NonNullable<typeof parsers> {
  if (parsers === null) {
    const require = createRequire(import.meta.url);
    parsers = { parseHTML: (require('linkedom') as { parseHTML: typeof parseHtmlFunction }).parseHTML, Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability };
  }
  return parsers;
}

export type HtmlArticle = { ok: true; text: string; metadata: PageMetadata } | { ok: false; reason: string };

/**
 * The article of a saved news page: its metadata (read first, from the untouched page), then the
 * clutter inside the body removed, then Readability's choice of the article element, then that
 * element's text as paragraphs. The headline (JSON-LD, Open Graph, else Readability's title) becomes
 * the first line, followed by a blank line, as a text file would have it.
 */
export function extractHtmlArticle(html: string, options: HtmlIngestOptions): HtmlArticle {
  const { parseHTML, Readability } = htmlParsers();
  const { document } = parseHTML(withoutInertContent(html));
  const metadata = readPageMetadata(document as unknown as PageDocument);
  const body = document.body as unknown as DomElement | null;
  if (body) removeClutter(body);
  let article: { title?: string | null; content?: unknown } | null;
  try {
    // The JSON-LD is read above; the serializer returns the element itself, not its HTML re-serialized.
    article = new Readability<unknown>(document as unknown as ConstructorParameters<typeof ReadabilityClass>[0], { disableJSONLD: true, serializer: (node) => node }).parse();
  } catch (error) {
    return { ok: false, reason: `HTML page could not be read: ${(error as Error).message}` };
  }
  const paragraphs = article?.content ? blockText(article.content as DomNode) : [];
  const title = metadata.title ?? (article?.title?.replace(/\s+/gu, ' ').trim() || undefined);
  // Readability often keeps the page's <h1>: the headline is then not repeated.
  if (title !== undefined && paragraphs.length > 0 && sameText(paragraphs[0]!, title)) paragraphs.shift();
  const bodyText = paragraphs.join('\n\n').normalize('NFC');
  const characters = countCodePoints(bodyText);
  if (characters === 0) return { ok: false, reason: 'no article text found in the HTML page' };
  if (characters < options.minChars) return { ok: false, reason: `article text of ${characters} characters is under the minimum of ${options.minChars} (ingest.html.minChars)` };
  const headline = title?.normalize('NFC');
  return { ok: true, text: headline ? `${headline}\n\n${bodyText}` : bodyText, metadata: headline ? { ...metadata, title: headline } : metadata };
}

/**
 * Scripts (but JSON-LD), styles, inline SVG, comments, `<noscript>`, `<template>`, and navigation
 * never hold article text, and on real pages they are often half the bytes: cut with a string scan
 * before the DOM parser sees them, a page parses about twice as fast (linkedom's cost is per node).
 * Each pattern ends at the first closing tag, where the HTML parser ends a script or style; a nav
 * inside a nav (rare) leaves the outer one's tail, which `removeClutter` and Readability then drop.
 */
const INERT = /<!--[\s\S]*?(?:-->|$)|<(script|style|noscript|template|svg|nav)\b([^>]*)>[\s\S]*?(?:<\/\1\s*>|$)/giu;

function withoutInertContent(html: string): string {
  return html.replace(INERT, (element, tag: string | undefined, attributes: string | undefined) => (tag?.toLowerCase() === 'script' && /application\/ld\+json/iu.test(attributes ?? '') ? element : ''));
}

function sameText(a: string, b: string): boolean {
  const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();
  return squash(a) === squash(b);
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}
