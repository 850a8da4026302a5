import { escapeHtml } from './html.js';

/**
 * One highlighted span of the article text. Highlights of different layers (entities, temporal
 * expressions, tension cues) may overlap without nesting; HTML cannot, so a highlight that crosses
 * the end of an enclosing one is cut there and continued after it. Only the first piece carries the
 * `tail` (a tooltip) and is focusable, so each annotation is one stop for the keyboard.
 */
export interface Highlight {
  /** UTF-16 indexes into the text. */
  readonly start: number;
  readonly end: number;
  /** Lower layers open first (outside) when two highlights share start and end. */
  readonly layer: number;
  /** Opening tag; `continued` is true for the pieces after a cut. */
  readonly open: (continued: boolean) => string;
  readonly close: string;
  /** Markup placed just before the first piece closes (a tooltip). */
  readonly tail?: string;
}

interface Open {
  readonly highlight: Highlight;
  first: boolean;
}

/** The escaped text of [from, to) with every highlight inside it turned into markup. */
export function renderHighlighted(text: string, from: number, to: number, highlights: readonly Highlight[]): string {
  const clipped = highlights
    .map((h) => ({ h, start: Math.max(h.start, from), end: Math.min(h.end, to) }))
    .filter((c) => c.start < c.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.h.layer - b.h.layer);
  const ends = new Map(clipped.map((c) => [c.h, c.end]));
  const boundaries = [...new Set([from, to, ...clipped.flatMap((c) => [c.start, c.end])])].sort((a, b) => a - b);

  let out = '';
  let position = from;
  let next = 0;
  const stack: Open[] = [];
  const closeTop = (): Open => {
    const top = stack.pop()!;
    if (top.first && top.highlight.tail) out += top.highlight.tail;
    out += top.highlight.close;
    top.first = false;
    return top;
  };

  for (const boundary of boundaries) {
    out += escapeHtml(text.slice(position, boundary));
    position = boundary;
    // Close everything that ends here; what was opened inside it and goes on is reopened after.
    const deepest = stack.findIndex((o) => ends.get(o.highlight)! <= boundary);
    if (deepest >= 0) {
      const reopen: Open[] = [];
      while (stack.length > deepest) {
        const closed = closeTop();
        if (ends.get(closed.highlight)! > boundary) reopen.unshift(closed);
      }
      for (const o of reopen) {
        out += o.highlight.open(true);
        stack.push(o);
      }
    }
    while (next < clipped.length && clipped[next]!.start === boundary) {
      const { h } = clipped[next]!;
      out += h.open(false);
      stack.push({ highlight: h, first: true });
      next++;
    }
  }
  while (stack.length > 0) closeTop();
  return out;
}
