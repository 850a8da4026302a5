import { detectAll } from 'tinyld';

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
  const ranked = detectAll(sample);
  const top = ranked[0];
  if (!top || top.lang === 'en') return { english: true, detected: top?.lang ?? null, confidence: top?.accuracy ?? 0 };
  const english = ranked.find((r) => r.lang === 'en')?.accuracy ?? 0;
  const confident = top.accuracy >= policy.minConfidence && english < top.accuracy / 4;
  return { english: !confident, detected: top.lang, confidence: top.accuracy };
}
