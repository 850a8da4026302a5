import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { compromiseLexicon } from '../../src/entities/compromise-lexicon.js';
import { extractCompromiseLexicon } from '../../tools/entities/extract-compromise-lexicon.js';

describe('[entities] compromise lexicon extract', () => {
  it('is what the installed compromise gives (rebuild: npx tsx tools/entities/build-compromise-lexicon.ts)', () => {
    const fresh = extractCompromiseLexicon(nlp);
    const committed = compromiseLexicon();
    expect(committed.version).toBe(fresh.version);
    // Key order matters too: the entity lexicon's sets are filled in this order.
    expect(Object.keys(committed.lexicon)).toEqual(Object.keys(fresh.lexicon));
    expect(committed.lexicon).toEqual(fresh.lexicon);
    expect(committed.orgWords).toEqual(fresh.orgWords);
    expect(committed.placeWords).toEqual(fresh.placeWords);
  });
});
