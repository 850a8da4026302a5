import type { Change, ChangeKind } from './diff-article.js';
import { LAYER_ALIASES, LAYER_SPECS, LAYERS, SCORE_FIELDS, type LayerName } from './layers.js';

/**
 * `--fail-on KINDS`: which changes make `diff` and `check` exit 1. A comma-separated list; a change
 * fails when any entry matches it. An entry is
 *   a layer            entities, dates, sentences, sentiment, tension, tension_cues, ...
 *   a change kind      added, removed, changed
 *   a changed field    label, value, type, span, score (every tolerance-compared score), ...
 *   layer:kind         dates:removed
 *   layer:field        tension:label
 *   all                every change (the default)
 */
export interface FailOnRule {
  readonly layer: LayerName | null;
  readonly kind: ChangeKind | null;
  readonly field: string | null;
}

export interface FailOn {
  /** The entries as given, for reports. */
  readonly entries: readonly string[];
  readonly rules: readonly FailOnRule[];
}

export const FAIL_ON_ALL: FailOn = { entries: ['all'], rules: [{ layer: null, kind: null, field: null }] };

const KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed'];

const FIELDS: ReadonlySet<string> = new Set(['score', ...LAYER_SPECS.flatMap((spec) => spec.fieldNames)]);

export type FailOnResult = { ok: true; value: FailOn } | { ok: false; error: string };

export function parseFailOn(spec: string | undefined): FailOnResult {
  if (spec === undefined) return { ok: true, value: FAIL_ON_ALL };
  const entries = spec.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) return { ok: false, error: '--fail-on expects a comma-separated list, got an empty one' };
  const rules: FailOnRule[] = [];
  for (const entry of entries) {
    const rule = parseEntry(entry.toLowerCase());
    if (rule === null) {
      return {
        ok: false,
        error: `--fail-on: unknown entry "${entry}": expected all, a layer (${LAYERS.join(', ')}), a change kind (${KINDS.join(', ')}), a field (${[...FIELDS].sort().join(', ')}), or layer:kind / layer:field`,
      };
    }
    rules.push(rule);
  }
  return { ok: true, value: { entries, rules } };
}

function parseEntry(entry: string): FailOnRule | null {
  if (entry === 'all' || entry === 'any') return { layer: null, kind: null, field: null };
  const colon = entry.indexOf(':');
  if (colon !== -1) {
    const layer = layerName(entry.slice(0, colon));
    const rest = parseEntry(entry.slice(colon + 1));
    if (layer === null || rest === null || rest.layer !== null) return null;
    return { ...rest, layer };
  }
  const layer = layerName(entry);
  if (layer !== null) return { layer, kind: null, field: null };
  if ((KINDS as readonly string[]).includes(entry)) return { layer: null, kind: entry as ChangeKind, field: null };
  if (FIELDS.has(entry)) return { layer: null, kind: 'changed', field: entry };
  return null;
}

function layerName(name: string): LayerName | null {
  if ((LAYERS as readonly string[]).includes(name)) return name as LayerName;
  return LAYER_ALIASES[name] ?? null;
}

export function failsOn(failOn: FailOn, change: Change): boolean {
  return failOn.rules.some(
    (rule) =>
      (rule.layer === null || rule.layer === change.layer) &&
      (rule.kind === null || rule.kind === change.kind) &&
      (rule.field === null || change.fields.some((f) => f.field === rule.field || (rule.field === 'score' && SCORE_FIELDS.has(f.field)))),
  );
}
