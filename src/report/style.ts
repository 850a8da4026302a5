/**
 * The report's one stylesheet, inlined in every page. Colours were picked for contrast: dark text on
 * light fills (at least 7:1), and every colour is doubled by a shape, a text tag or a line style, so
 * no meaning depends on colour alone.
 */

/** Entity types: fill colour and the tag shown after each mention. */
export const ENTITY_STYLES: Readonly<Record<string, { readonly fill: string; readonly tag: string; readonly name: string }>> = {
  PERSON: { fill: '#ffe0b2', tag: 'PER', name: 'person' },
  ORG: { fill: '#e1d5f5', tag: 'ORG', name: 'organization' },
  GPE: { fill: '#c8e6c9', tag: 'GPE', name: 'country, city or state' },
  LOC: { fill: '#c5ecf2', tag: 'LOC', name: 'location' },
  NORP: { fill: '#fcd2e2', tag: 'NORP', name: 'nationality or group' },
  FAC: { fill: '#fff59d', tag: 'FAC', name: 'building or facility' },
};
export const OTHER_ENTITY = { fill: '#e0e0e0', tag: 'ENT', name: 'other' };

/** Dark colours (at least 4.5:1 on white) for cue categories; a category keeps its colour on every page. */
const CATEGORY_PALETTE = ['#b71c1c', '#0d47a1', '#1b5e20', '#8e3200', '#4a148c', '#00606b', '#880e4f', '#3e5a12', '#5d4037', '#37474f', '#6a5f00', '#01579b', '#ad1457', '#311b92', '#004d40'];

export function categoryColor(category: string): string {
  let hash = 0;
  for (const ch of category) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return CATEGORY_PALETTE[hash % CATEGORY_PALETTE.length]!;
}

/** Chart colours: conflict, cooperation, neutral, and the two timeline series. */
export const CHART = { conflict: '#b71c1c', cooperation: '#0d47a1', neutral: '#455a64', mentioned: '#00606b', published: '#8e3200', grid: '#d0d0d0', axis: '#333333' };

export const BASE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --focus: #0b57d0; --panel: #f6f7f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
a { color: #0b4ea2; }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 20; }
.skip:focus { left: .5rem; }
header.page { padding: 1rem 1.5rem .5rem; border-bottom: 1px solid var(--line); }
header.page h1 { margin: .2rem 0; font-size: 1.5rem; line-height: 1.25; }
.crumbs, .meta { color: var(--muted); font-size: .9rem; margin: 0; }
.meta span + span::before { content: " \\00b7  "; }
main { padding: 1rem 1.5rem 3rem; max-width: 96rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { overflow-wrap: anywhere; text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { color: var(--muted); font-size: .9rem; margin: .4rem 0; }
.nowrap { white-space: nowrap; }
caption { text-align: left; color: var(--muted); font-size: .85rem; caption-side: bottom; padding-top: .3rem; }
.absent { color: var(--muted); font-style: italic; }
.stats { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; margin: .5rem 0 1rem; }
.stats li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }
.stats b { display: block; font-size: 1.35rem; font-variant-numeric: tabular-nums; }
.chart { width: 100%; max-width: 60rem; height: auto; display: block; }
.chart text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #333; }
.chart a:focus-visible { outline: 3px solid var(--focus); }
.grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
@media (max-width: 70rem) { .grid2 { grid-template-columns: minmax(0, 1fr); } }
.label-escalation { color: #8b1111; } .label-de-escalation { color: #0b3d91; } .label-neutral { color: var(--muted); }
details summary { cursor: pointer; color: #0b4ea2; }
`;

export const ARTICLE_CSS = `
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(19rem, 2fr); gap: 2rem; align-items: start; }
@media (max-width: 62rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.1rem; align-items: center; font-size: .85rem; margin: 0 0 1rem; padding: .5rem .75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.legend h2 { font-size: .85rem; margin: 0 .25rem 0 0; }
.legend ul { display: contents; list-style: none; }
.legend li { white-space: nowrap; }
.text .para { margin: 0 0 1.1rem; }
.sent { display: grid; grid-template-columns: 6.2rem minmax(0, 1fr); gap: .9rem; margin: 0 0 .35rem; }
.sent .margin { text-align: right; font-size: .8rem; color: var(--muted); font-variant-numeric: tabular-nums; padding-top: .3rem; line-height: 1.25; border-right: 3px solid transparent; padding-right: .5rem; }
.sent .margin b { display: block; font-size: .95rem; }
.sent.s-escalation .margin { border-right-color: #b71c1c; }
.sent.s-de-escalation .margin { border-right-color: #0d47a1; border-right-style: double; border-right-width: 4px; }
.sent p { margin: 0; line-height: 2.1; overflow-wrap: anywhere; }
.sent.headline p { font-weight: 700; font-size: 1.1rem; }
mark.ent { color: var(--ink); border-radius: 3px; padding: .05em .15em; }
mark.ent::after { content: attr(data-tag); font-size: .62em; font-weight: 700; letter-spacing: .02em; vertical-align: super; margin-left: .15em; color: #333; }
mark.ent.cont::after { content: none; }
.tx { border: 1.5px dashed #00606b; border-radius: 3px; padding: 0 .1em; position: relative; }
.tx::before { content: "\\25F7"; font-size: .7em; color: #00606b; margin-right: .1em; }
.tx.cont::before { content: none; }
.cue { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .28em; position: relative; }
.cue.pol-conflict { text-decoration-style: wavy; }
.cue.pol-cooperation { text-decoration-style: double; }
.cue.pol-neutral { text-decoration-style: dotted; }
.cue.negated::before { content: "\\00ac"; font-weight: 700; margin-right: .05em; }
.tip { display: none; position: absolute; left: 0; bottom: calc(100% + 2px); z-index: 10; background: #1a1a1a; color: #fff; padding: .15rem .45rem; border-radius: 4px; font: 600 .8rem/1.4 system-ui, "DejaVu Sans", sans-serif; white-space: nowrap; text-decoration: none; pointer-events: none; }
.tx:hover > .tip, .tx:focus > .tip, .cue:hover > .tip, .cue:focus > .tip { display: block; }
/* Over a date inside a cue, only the inner tooltip shows (a separate rule: browsers without :has keep the one above). */
.tx:has(.tx:hover, .cue:hover):not(:focus) > .tip, .cue:has(.tx:hover, .cue:hover):not(:focus) > .tip { display: none; }
.tx:focus, .cue:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.swatch-cue { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .25em; }
aside section { margin-bottom: 1.25rem; }
aside h2 { margin-top: 0; }
.tag { display: inline-block; font-size: .72rem; font-weight: 700; border-radius: 3px; padding: 0 .3rem; color: var(--ink); }
`;
