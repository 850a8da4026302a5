import { createRequire } from 'node:module';

type DetectAll = (text: string) => Array<{ lang: string; accuracy: number }>;
let detectAllLanguages: DetectAll | undefined;

/** tinyld's tables cost ~100 MB and a second to load: only runs that read articles pay for them. */
function detectAll(text: string): ReturnType<DetectAll> {
  detectAllLanguages ??= (createRequire(import.meta.url)('tinyld') as { detectAll: DetectAll }).detectAll;
  return detectAllLanguages(text);
}

export interface LanguagePolicy {
  readonly policy: 'reject' | 'warn' | 'off';
  readonly minConfidence: number;
  readonly minWords: number;
}

export interface LanguageVerdict {
  readonly english: boolean;
  readonly detected: string | null;
  readonly confidence: number;
}

/**
 * Calls an article non-English only when the detector is confident: enough words, another language
 * on top with at least `minConfidence`, and English far behind. A short English article or a
 * one-line headline is therefore never rejected.
 */
export function checkLanguage(text: string, policy: LanguagePolicy): LanguageVerdict {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const words = sample.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
  if (policy.policy === 'off' || words < policy.minWords) return { english: true, detected: null, confidence: 0 };
  // Function words are the surest sign of English; the statistical detector misreads short English
  // text full of names or quotes (''...'') as Dutch or Klingon, so it only gets a say without them.
  if (englishFunctionWordShare(sample) >= 0.12) return { english: true, detected: 'en', confidence: 1 };
  const ranked = detectAll(sample);
  const top = ranked[0];
  if (!top || top.lang === 'en') return { english: true, detected: top?.lang ?? null, confidence: top?.accuracy ?? 0 };
  // tinyld's raw scores are small even on clear text; its share of the candidates' total is the
  // stable measure of how sure it is.
  const total = ranked.slice(0, 5).reduce((sum, r) => sum + r.accuracy, 0);
  const confidence = total > 0 ? top.accuracy / total : 0;
  const english = ranked.find((r) => r.lang === 'en')?.accuracy ?? 0;
  const confident = confidence >= policy.minConfidence && english < top.accuracy / 4;
  return { english: !confident, detected: top.lang, confidence };
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '),
);

function englishFunctionWordShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) hits++;
  return hits / words.length;
}
