import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractHtmlArticle } from '../../src/ingest/html.js';
import { blockText, removeClutter } from '../../src/ingest/html-text.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const { parseHTML } = createRequire(import.meta.url)('linkedom') as typeof import('linkedom');
const paragraphsOf = (text: string): string[] => text.split('\n\n');

describe('a news page with navigation, cookie banner, inline ads, scripts, JSON-LD and comments', () => {
  const result = extractHtmlArticle(fixture('city-hall-budget.html'), { minChars: 200 });
  if (!result.ok) throw new Error(result.reason);

  it('reads the metadata from JSON-LD first, then Open Graph, canonical link and <html lang>', () => {
    expect(result.metadata).toEqual({
      title: 'Council Approves $1.2 Billion Budget After Late-Night Vote', // JSON-LD headline, not og:title
      date: '2026-01-14T23:40:00-05:00',
      source: 'The Riverton Ledger',
      url: 'https://ledger.example.com/news/2026/01/14/council-budget', // canonical, not og:url with its tracking query
      author: 'Maria Okafor; Daniel Reyes',
      language: 'en-US',
    });
  });

  it('puts the headline on the first line and one paragraph per block, a blank line apart', () => {
    const paragraphs = paragraphsOf(result.text);
    expect(paragraphs[0]).toBe('Council Approves $1.2 Billion Budget After Late-Night Vote');
    expect(paragraphs[1]).toMatch(/^RIVERTON — The City Council approved/u);
    // Adjacent <p> elements with no whitespace between them: never "City Hall.Mayor".
    expect(paragraphs[2]).toBe('The vote, 7 to 4, came after a five-hour session at City Hall.');
    expect(paragraphs[3]).toMatch(/^Mayor Elena Brandt, who had threatened/u);
    expect(paragraphs.at(-1)).toBe('Union leaders representing city workers said they would challenge the hiring freeze. A hearing is scheduled for Feb. 3, according to a spokesman for the council.');
    expect(paragraphs).toHaveLength(7);
    expect(result.text).not.toMatch(/\n{3}| {2}|^\s|\s$/u);
  });

  it('keeps none of the page furniture', () => {
    for (const furniture of ['cookies', 'Advertisement', 'googletag', 'Related coverage', 'Libraries brace', 'Morning Ledger', 'Sign up', 'Share on', 'Comments (42)', 'took them long enough', 'All rights reserved', 'Politics', 'dataLayer', 'Subscribe']) {
      expect(result.text, furniture).not.toContain(furniture);
    }
  });
});

describe('a wire page with a JSON-LD list, a broken JSON-LD block, <br> paragraphs and an RFC 2822 date', () => {
  const result = extractHtmlArticle(fixture('wire-talks-geneva.htm'), { minChars: 200 });
  if (!result.ok) throw new Error(result.reason);

  it('finds the NewsArticle among several JSON-LD blocks and skips the invalid one', () => {
    expect(result.metadata).toEqual({
      title: 'Colombia and U.S. Agree to Resume Talks in Geneva',
      date: 'Wed, 14 Jan 2026 10:00:00 GMT',
      source: 'World News Wire',
      url: 'https://wire.example.org/world/colombia-us-talks', // mainEntityOfPage: the page has no canonical link
      author: 'Staff Reporter',
      language: 'en',
    });
  });

  it('splits a paragraph at <br><br>, and drops cookie banner, ad labels, share and read-more boxes', () => {
    const paragraphs = paragraphsOf(result.text);
    expect(paragraphs[1]).toMatch(/^GENEVA \(WNW\) — Colombia and the United States agreed/u);
    expect(paragraphs[2]).toBe('Foreign Minister Laura Sarabia said the talks would begin on Jan. 20 in Geneva and last three days.');
    expect(paragraphs[3]).toMatch(/^"We have differences/u);
    for (const furniture of ['cookies', 'advertisement', 'Facebook', 'Read more', 'Recommended', 'Most read', 'Morning Briefing', 'ads.slots']) expect(result.text, furniture).not.toContain(furniture);
    expect(paragraphs.at(-1)).toMatch(/"But talking is better than threatening\."$/u);
  });
});

describe('pages without an article', () => {
  it('rejects a section front, whose only text is a list of links, as under the minimum', () => {
    expect(extractHtmlArticle(fixture('section-front.html'), { minChars: 200 })).toEqual({ ok: false, reason: 'article text of 67 characters is under the minimum of 200 (ingest.html.minChars)' });
  });
  it('rejects a page with no text at all', () => {
    expect(extractHtmlArticle('<!doctype html><html><head><title>Loading…</title><script>boot()</script></head><body><div id="app"></div></body></html>', { minChars: 0 })).toEqual({ ok: false, reason: 'no article text found in the HTML page' });
  });
  it('takes the minimum from the options', () => {
    expect(extractHtmlArticle(fixture('section-front.html'), { minChars: 50 }).ok).toBe(true);
  });
});

describe('clutter removal and block text', () => {
  it('matches whole parts of class and id names, never substrings', () => {
    const { document } = parseHTML('<html><body><div class="header"><p>Kept header</p></div><div class="shadow-box loaded"><p>Kept shadow</p></div><div class="story__ad-slot"><p>Ad one</p></div><div id="inlineAd"><p>Ad two</p></div><div class="social-share"><p>Share</p></div><aside><p>Pull quote</p></aside><article class="related-articles-enabled"><p>Kept article</p></article></body></html>');
    removeClutter(document.body as never);
    expect(blockText(document.body as never)).toEqual(['Kept header', 'Kept shadow', 'Kept article']);
  });
  it('ends a paragraph at every block, joins inline elements with collapsed whitespace and keeps a no-break space', () => {
    const { document } = parseHTML('<div><h2>Heading</h2>Loose <em>inline</em>\n   text<p>City Hall.</p><p>Mayor\u00a0Adams <a href="#">said</a>.</p><ul><li>One</li><li>Two</li></ul><table><tr><td>a</td><td>b</td></tr></table><script>x()</script></div>');
    expect(blockText(document.querySelector('div') as never)).toEqual(['Heading', 'Loose inline text', 'City Hall.', 'Mayor\u00a0Adams said.', 'One', 'Two', 'a b']);
  });
});

describe('the metadata and clutter found by walking the page (as the CSS selectors found them)', () => {
  const paragraph = '<p>The council voted on Tuesday to approve the budget, which the mayor said would pay for more teachers and for repairs to the bridges the storm damaged last year.</p>';
  const page = `<html lang="en"><head><meta name="og:title" content="By name"><meta property="og:title" content="By property"><meta property="og:title" content="Second"><link rel="Canonical" href="https://x.example/a"><link rel="canonical" href="https://x.example/b"><script type="Application/LD+JSON">{"@type":"NewsArticle","datePublished":"2026-01-14"}</script></head><body><div class="share-box"><div><p itemprop="articleBody">Kept: the box holds the article body.</p></div></div><div class="promo"><p>Dropped promo.</p></div><article>${paragraph}${paragraph}</article></body></html>`;
  const result = extractHtmlArticle(page, { minChars: 100 });
  if (!result.ok) throw new Error(result.reason);

  it('takes the first meta by property before one by name, the first canonical link (rel in any case) and JSON-LD typed in any case', () => {
    expect(result.metadata).toEqual({ title: 'By property', date: '2026-01-14', url: 'https://x.example/a', language: 'en' });
  });

  it('keeps a furniture-named box that holds the article body and removes the others', () => {
    const { document } = parseHTML(page);
    removeClutter(document.body as never);
    expect(document.body.textContent).toContain('Kept: the box holds the article body.');
    expect(document.body.textContent).not.toContain('Dropped promo.');
  });
});
