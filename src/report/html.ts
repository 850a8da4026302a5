/**
 * HTML building blocks. Every string that comes from an article or the corpus goes through `escapeHtml`
 * (text) or `attr` (attribute values) exactly once, at the place it enters the markup, so an article
 * containing `<script>` is shown as text and can never run.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (ch) => ESCAPES[ch] ?? ch);
}

/** A quoted, escaped attribute: `attr('title', x)` gives ` title="..."`. */
export function attr(name: string, value: string | number): string {
  return ` ${name}="${escapeHtml(String(value))}"`;
}

/** A number with a fixed number of decimals and a real minus sign, for display. */
export function formatNumber(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** Signed display: "+1.50", "−8.00", "0.00". */
export function formatSigned(value: number, digits = 2): string {
  const text = formatNumber(value, digits);
  return value > 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? `+${text}` : text;
}

/** A class-name fragment made of [a-z0-9-] only, whatever the input (categories come from a lexicon). */
export function classToken(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/gu, '-');
}

/** A full HTML document: one inline stylesheet, no script, no external resource. */
export function htmlDocument(options: { title: string; css: string; body: string; lang?: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.lang ?? 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network at all: images only from data: URLs, no scripts, styles only inline.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.css}</style>`,
    '</head>',
    `<body>${options.body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
