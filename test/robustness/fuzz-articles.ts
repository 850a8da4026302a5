import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { pipelineConfigSchema, type PipelineConfig } from '../../src/config/schema.js';
import { normalizeText } from '../../src/ingest/normalize.js';
import { serializeArticleJson, toArticleJson } from '../../src/output/article-json.js';
import { analyzeArticle } from '../../src/pipeline/analyze-article.js';
import { offsetMismatches, validateArticleJson } from '../helpers/check-output.js';

/**
 * The fuzzing harness (issue 20), shared by `npm test` (a fixed seed, a bounded number of cases) and
 * `npm run fuzz` (a long run): random and mutated articles through `analyzeArticle`, checking that it does
 * not throw, that every annotation's offsets slice back to its text, that the JSON is valid against
 * schema/article.schema.json, and that each article finishes within the time budget.
 */
export const config: PipelineConfig = pipelineConfigSchema.parse({});
export const BUDGET_MS = config.limits.articleSeconds * 1000;

const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8').replace(/^---\n[\s\S]*?\n---\n/u, '');

const CUES = ['threatened', 'sanctions', 'accused', 'condemned', 'attacked', 'talks', 'agreed', 'eased', 'warned', 'imposed', 'not', 'would', 'if', 'ceasefire', 'invasion', 'war'];
const NAMES = ['Colombia', 'U.S.', 'United States', 'Venezuela', 'China', 'Russia', 'Petro', 'Gustavo Petro', 'President', 'Donald Trump', 'Trump', 'NATO', 'the United Nations', 'Ministry', 'Colombian', 'Beijing', 'Mr.', 'Gen.', 'Inc.'];
const DATES = ['January', 'January 31', '31', '2026', 'Monday', 'next week', 'last year', 'May', '1st', 'Dec.', '12:30', 'noon', 'spring', '2025-12-01', '3/4/2026', 'the 1990s', 'for over an hour', 'every Tuesday', 'late December', 'today'];
const FILLER = ['the', 'government', 'said', 'on', 'that', 'it', 'and', 'in', 'a', 'of', 'between', 'by', 'with', 'against', 'officials', 'minister'];
const PUNCTUATION = ['.', ',', ';', ':', '!', '?', '—', '–', '-', '...', '(', ')', '[', ']', "'s", '’s'];
const QUOTES = ['"', '“', '”', '‘', '’', "'", '«', '»', '„', '"“', '”"'];
const MARKUP = ['<p>', '</p>', '<div class="x">', '<br/>', '&amp;', '&nbsp;', '<!-- c -->', '[1]', '**', '# ', '> ', '|', '| --- |', '```', '<script>x</script>', '\\n', '{}', '%s'];
/** Unicode that trips code-unit arithmetic and tokenizers: astral, combining, RTL, joiners, controls. */
const SPECIAL = ['😀', '🇨🇴', '🇺🇸', '👨‍👩‍👧', '𝐀𝐁', '𠀀', 'é', 'é', 'ﬁ', '\u200D', '\u200C', '\u200B', '\u200F', '\u200E', '\u202E', '\u2066', '\uFEFF', '\u00AD', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029', '\t', '\r', '\v', '\f', 'مرحبا', 'שלום', '北京', 'Ñandú', 'İstanbul', 'ß', 'Σ'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 2, arbitrary: fc.constantFrom(...CUES) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', '\n', '\n\n', '\t', ' \u00A0');

/** A run of words with random separators, of at most `max` words. */
const words = (max: number): fc.Arbitrary<string> => fc.array(fc.tuple(word, separator), { maxLength: max }).map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Structural extremes: long sentences, empty ones, one word many times, capitalized runs, nested quotes. */
const extreme = (scale: number): fc.Arbitrary<string> =>
  fc.oneof(
    words(40 * scale),
    fc.tuple(word, fc.integer({ min: 1, max: 200 * scale }), separator).map(([w, n, s]) => Array.from({ length: n }, () => w).join(s || ' ')),
    fc.array(fc.constantFrom(...NAMES, 'Ministry', 'Council', 'National', 'Bank', 'Union', 'Grand', 'Court'), { maxLength: 300 * scale }).map((names) => names.join(' ')),
    fc.array(fc.constantFrom(...DATES, 'January January 31 31'), { maxLength: 100 * scale }).map((dates) => dates.join(' ')),
    fc.integer({ min: 1, max: 12 }).map((depth) => `${'“‘"«'.repeat(depth)}Petro said ${'»"’”'.repeat(depth)} ${'("'.repeat(depth)}talks${'")'.repeat(depth)}`),
    fc.constantFrom('.', '. . .', '...', '!!!', '?', '\n\n\n', '', ' ', '—', '. .\n.\n\n.'),
  );

/** A random article: paragraphs of random and extreme pieces. */
export const randomArticle = (scale = 1): fc.Arbitrary<string> => fc.array(fc.array(fc.oneof(words(30), extreme(scale)), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(' ')), { maxLength: 8 }).map((paragraphs) => paragraphs.join('\n\n'));

/** A real article mutated: pieces inserted, deleted, duplicated; punctuation removed; case changed. */
export const mutatedArticle = (scale = 1): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.tuple(fc.constant('insert' as const), fc.nat(), fc.oneof(word, extreme(scale))),
        fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 200 })),
        fc.tuple(fc.constant('duplicate' as const), fc.nat(), fc.integer({ min: 1, max: 400 })),
        fc.tuple(fc.constant('strip' as const), fc.nat(), fc.constant(0)),
        fc.tuple(fc.constant('upper' as const), fc.nat(), fc.constant(0)),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let text = seed;
      for (const [kind, at, arg] of edits) {
        // Positions in code points, so an edit never splits a surrogate pair by itself.
        const points = [...text];
        const i = points.length === 0 ? 0 : at % points.length;
        if (kind === 'insert') points.splice(i, 0, ` ${arg as string} `);
        else if (kind === 'delete') points.splice(i, arg as number);
        else if (kind === 'duplicate') points.splice(i, 0, ...points.slice(i, i + (arg as number)));
        text = points.join('');
        if (kind === 'strip') text = text.replace(/[.!?;:]/gu, '');
        if (kind === 'upper') text = text.toUpperCase();
      }
      return text;
    });

export const anyArticle = (scale = 1): fc.Arbitrary<{ text: string; dct: string | null }> =>
  fc.record({
    text: fc.oneof(randomArticle(scale), mutatedArticle(scale)),
    dct: fc.constantFrom('2026-01-14', null, '2000-02-29', '1999-12-31'),
  });

/** Runs one article through the pipeline; returns the problems found (empty when every property holds). */
export function checkArticle(article: { text: string; dct: string | null }): string[] {
  const text = normalizeText(article.text);
  const started = performance.now();
  const doc = analyzeArticle({ id: 'fuzz', text, dct: article.dct, dctSource: article.dct ? 'metadata' : 'none' }, config);
  // What is written to disk, read back.
  const json = JSON.parse(serializeArticleJson(toArticleJson(doc))) as { text: string };
  const elapsed = performance.now() - started;
  const problems = offsetMismatches(json);
  if (!validateArticleJson(json)) problems.push(`schema: ${JSON.stringify(validateArticleJson.errors?.slice(0, 3))}`);
  if (json.text !== text) problems.push('the stored text changed');
  if (elapsed > BUDGET_MS) problems.push(`took ${Math.round(elapsed)} ms, over the ${BUDGET_MS} ms budget`);
  return problems;
}
