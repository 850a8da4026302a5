import lexiconData from './lexicon/tension-lexicon.json' with { type: 'json' };
import { tensionLexiconSchema, type TensionConfig, type TensionLexicon, type TensionLexiconCue } from './config.js';

/** Our lexicon as shipped (validated when first compiled). */
export const BUILTIN_LEXICON: TensionLexicon = lexiconData as TensionLexicon;

/** A cue ready for matching: each pattern element is a set of word forms. */
export interface CompiledCue {
  readonly id: string;
  readonly category: string;
  readonly side: 'conflict' | 'cooperation';
  readonly weight: number;
  readonly elements: readonly ReadonlySet<string>[];
  readonly gap: number;
  readonly pos: string | null;
}

export interface CompiledLexicon {
  readonly version: string;
  readonly categories: TensionLexicon['categories'];
  /** Cues by every word form of their first element: one lookup per token finds the candidates. */
  readonly byFirstWord: ReadonlyMap<string, readonly CompiledCue[]>;
  readonly cues: readonly CompiledCue[];
}

export type LexiconResult = { ok: true; lexicon: TensionLexicon } | { ok: false; error: string };

export function validateTensionLexicon(json: unknown, origin = 'lexicon'): LexiconResult {
  const parsed = tensionLexiconSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { ok: false, error: `tension lexicon: ${origin} is invalid: ${issues}` };
  }
  const problems = lexiconProblems(parsed.data);
  if (problems.length > 0) return { ok: false, error: `tension lexicon: ${origin} is invalid: ${problems.join('; ')}` };
  return { ok: true, lexicon: parsed.data };
}

/** Checks the schema cannot express: unique ids, known categories. */
export function lexiconProblems(lexicon: TensionLexicon): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const cue of lexicon.cues) {
    if (seen.has(cue.id)) problems.push(`cue id "${cue.id}" is not unique`);
    seen.add(cue.id);
    if (!lexicon.categories[cue.category]) problems.push(`cue "${cue.id}" has unknown category "${cue.category}"`);
  }
  return problems;
}

const merged = new WeakMap<TensionLexicon, TensionLexicon>();

/** Our lexicon merged with the user's, as the config asks (memoized: the stage runs once per article). */
export function effectiveLexicon(config: Pick<TensionConfig, 'lexicon' | 'lexiconMode'>): TensionLexicon {
  const user = config.lexicon;
  if (!user) return BUILTIN_LEXICON;
  if (config.lexiconMode === 'replace') return user;
  const cached = merged.get(user);
  if (cached) return cached;
  const result = mergeLexicons(user);
  merged.set(user, result);
  return result;
}

function mergeLexicons(user: TensionLexicon): TensionLexicon {
  const ids = new Set(user.cues.map((c) => c.id));
  return {
    name: user.name ?? BUILTIN_LEXICON.name,
    version: `${BUILTIN_LEXICON.version}+${user.version}`,
    scale: BUILTIN_LEXICON.scale,
    categories: { ...BUILTIN_LEXICON.categories, ...user.categories },
    cues: [...BUILTIN_LEXICON.cues.filter((c) => !ids.has(c.id)), ...user.cues],
  };
}

const compiled = new WeakMap<TensionLexicon, CompiledLexicon>();

export function compileLexicon(lexicon: TensionLexicon): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const problems = lexiconProblems(lexicon);
  if (problems.length > 0) throw new Error(`tension lexicon: ${problems.join('; ')}`);
  const byFirstWord = new Map<string, CompiledCue[]>();
  const cues = lexicon.cues.map((cue) => compileCue(cue, lexicon));
  for (const cue of cues) {
    for (const word of cue.elements[0]!) {
      const list = byFirstWord.get(word);
      if (list) list.push(cue);
      else byFirstWord.set(word, [cue]);
    }
  }
  const result: CompiledLexicon = { version: lexicon.version, categories: lexicon.categories, byFirstWord, cues };
  compiled.set(lexicon, result);
  return result;
}

function compileCue(cue: TensionLexiconCue, lexicon: TensionLexicon): CompiledCue {
  const elements = cue.pattern
    .trim()
    .split(/\s+/u)
    .map((element) => new Set(element.split('|').map((w) => w.toLowerCase()).filter((w) => w !== '')));
  return {
    id: cue.id,
    category: cue.category,
    side: lexicon.categories[cue.category]!.side,
    weight: cue.weight,
    elements,
    gap: cue.gap ?? 0,
    pos: cue.pos ?? null,
  };
}
