import data from './data/compromise-lexicon.json' with { type: 'json' };

/**
 * The parts of compromise's model the entity lexicon reads: its word list (word -> tags) and its
 * organization and place suffix words. They come from `data/compromise-lexicon.json`, extracted from the
 * installed compromise by `tools/entities/build-compromise-lexicon.ts`: importing compromise itself took ~0.6 s of
 * every thread's start-up (it builds its whole tagger) to read a list that never changes between runs.
 * `test/entities/compromise-lexicon.test.ts` checks that the file is what the installed compromise gives,
 * so an upgrade of compromise cannot leave it stale.
 */
export interface CompromiseLexicon {
  readonly version: string;
  readonly lexicon: Readonly<Record<string, string | readonly string[]>>;
  readonly orgWords: readonly string[];
  readonly placeWords: readonly string[];
}

export function compromiseLexicon(): CompromiseLexicon {
  return data as CompromiseLexicon;
}
