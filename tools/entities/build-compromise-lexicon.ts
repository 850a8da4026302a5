import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { extractCompromiseLexicon } from './extract-compromise-lexicon.js';

/**
 * Writes `compromise-lexicon.json`: compromise's word list and suffix words (see compromise-lexicon.ts),
 * so the pipeline reads them without importing compromise. Rebuild after upgrading compromise:
 * `npx tsx tools/entities/build-compromise-lexicon.ts` (the entity tests fail until then).
 */
const out = join(fileURLToPath(new URL('../../src/entities/data/', import.meta.url)), 'compromise-lexicon.json');
writeFileSync(out, `${JSON.stringify(extractCompromiseLexicon(nlp))}\n`);
console.log(`wrote ${out}`);
