/**
 * The two DOM passes around Readability: removing the boxes it keeps when they sit inside the article
 * body (ad slots, newsletter sign-ups, share bars, related-story lists), and turning the article it
 * returns into paragraphs. `textContent` glues block elements together ("at City Hall.Mayor Adams"),
 * so text is built element by element, one paragraph per block, with a blank line between paragraphs.
 */

/**
 * Words of a class or id that name page furniture, not article prose. Matched against whole parts of
 * the name split at `-`, `_` and camelCase ("ad-slot", "inlineAd", "related_stories"), never against
 * substrings, so "header", "loaded" or "shadow" are not ads.
 */
const CLUTTER_WORDS = new Set([
  'ad', 'ads', 'adslot', 'adunit', 'advert', 'adverts', 'advertisement', 'advertising', 'dfp', 'gpt', 'sponsor', 'sponsored', 'promo', 'outbrain', 'taboola',
  'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup',
  'share', 'sharing', 'sharebar', 'social',
  'related', 'recommended', 'recommendations', 'readmore', 'trending',
  'cookie', 'cookies', 'consent', 'gdpr',
  'comment', 'comments', 'sidebar', 'menu', 'breadcrumb', 'breadcrumbs',
]);

/** Elements of page furniture by their tag: navigation and footers (an article's own <header> stays). */
const CLUTTER_TAGS = new Set(['aside', 'nav', 'footer']);

/** Elements whose content is never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'img', 'button', 'select', 'input', 'textarea', 'form', 'figure', 'figcaption', 'head']);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'br',
]);

/** Never removed, whatever their class says: they hold the article. */
const PROTECTED = new Set(['html', 'body', 'main', 'article']);

/** The parts of linkedom's DOM these passes use (the build has no DOM library types). */
export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  readonly localName?: string;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function nameParts(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[\s\-_]+/u);
}

function isClutter(element: DomElement): boolean {
  if (PROTECTED.has(element.localName) || element.getAttribute('itemprop') === 'articleBody') return false;
  if (CLUTTER_TAGS.has(element.localName)) return true;
  if (element.hasAttribute('data-ad-slot') || element.hasAttribute('data-ad') || ADVERTISEMENT_LABEL.test(element.getAttribute('aria-label') ?? '')) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.trim() === '') return false;
  return namesFurniture(names) && !holdsArticle(element);
}

const ADVERTISEMENT_LABEL = /^advertisement$/iu;

/**
 * Whether a class-and-id string names page furniture, remembered per string: a page repeats the same
 * class names hundreds of times ("nav-item", "comment"), and splitting each costs two regex passes.
 * The memory is cleared when it grows past a bound, so it stays small over any corpus.
 */
const furnitureNames = new Map<string, boolean>();

function namesFurniture(names: string): boolean {
  let furniture = furnitureNames.get(names);
  if (furniture === undefined) {
    furniture = nameParts(names).some((part) => CLUTTER_WORDS.has(part));
    if (furnitureNames.size >= 4096) furnitureNames.clear();
    furnitureNames.set(names, furniture);
  }
  return furniture;
}

/**
 * Whether an element below `element` is an `<article>` or `itemprop="articleBody"`: what
 * `querySelector('article, [itemprop="articleBody"]')` finds, without linkedom compiling the selector
 * on every call (that compile was a tenth of a page's extraction time). Like linkedom's querySelector,
 * it does not look inside a `<template>`.
 */
export function holdsArticle(element: DomElement): boolean {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.localName.toLowerCase() === 'article' || child.getAttribute('itemprop') === 'articleBody') return true;
    if (child.localName !== 'template' && holdsArticle(child)) return true;
  }
  return false;
}

/**
 * Every element below `root` in document order, not looking inside a `<template>` (as linkedom's
 * `querySelectorAll('*')` walks them).
 */
export function descendantElements(root: DomElement | { readonly children: ArrayLike<DomElement> }, into: DomElement[] = []): DomElement[] {
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    into.push(child);
    if (child.localName !== 'template') descendantElements(child, into);
  }
  return into;
}

/**
 * Removes ad slots, newsletter boxes, share bars, related-story boxes, cookie banners, navigation,
 * footers and comment sections under `root`: inside the article body Readability would keep some of
 * them, and outside it they only cost time.
 */
export function removeClutter(root: DomElement): number {
  const found: DomElement[] = [];
  const all = descendantElements(root);
  for (let i = 0; i < all.length; i++) {
    const element = all[i]!;
    if (isClutter(element)) found.push(element);
  }
  // A box inside a removed box is gone with it; removing it again is harmless.
  for (const element of found) element.remove();
  return found.length;
}

/**
 * The text of `root` as paragraphs separated by a blank line: each block element ends a paragraph,
 * inline elements and text join with HTML's whitespace collapsing (runs of ASCII whitespace become one
 * space; a no-break space stays).
 */
export function blockText(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = current.replace(/[ \t\n\f\r]+/gu, ' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.localName ?? '';
    if (SKIPPED.has(name)) return;
    if (name === 'td' || name === 'th') current += ' ';
    const block = BLOCKS.has(name);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}
