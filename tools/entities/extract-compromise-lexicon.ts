import type { CompromiseLexicon } from '../../src/entities/compromise-lexicon.js';

/** The slice of compromise's default export this reads. */
interface CompromiseApi {
  model(): unknown;
  version: string;
}

/** What `data/compromise-lexicon.json` holds, read from compromise itself (build script and test). */
export function extractCompromiseLexicon(nlp: CompromiseApi): CompromiseLexicon {
  const model = nlp.model() as {
    one: { lexicon: Record<string, string | string[]> };
    two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
  };
  return {
    version: nlp.version,
    // compromise's own key order: the lexicon's sets are filled in this order.
    lexicon: model.one.lexicon,
    orgWords: Object.keys(model.two.orgWords),
    placeWords: Object.keys(model.two.placeWords),
  };
}
