import { z } from 'zod';

/**
 * Config section `sentiment`: how the sentiment stage scores each sentence. Every default lives here
 * and only here (the stage, the training script and the tests read them from this schema).
 */
export const sentimentConfigSchema = z
  .object({
    /** `model`: rule score and lexicon sums combined by the trained linear model; `rules`: the rule score alone. */
    method: z.enum(['model', 'rules']).default('model'),
    /** Weight of the clause after "but"/"however" (VADER uses 1.5; what the sentence concedes weighs 0.5). */
    contrastWeight: z.number().min(0).max(4).default(1.5),
    /** Factor on words inside quotation marks: quoted speech is the source's view, not the article's. */
    quoteWeight: z.number().min(0).max(2).default(0.8),
    /** Factor on a sentence that hedges ("may", "reportedly"). */
    hedgeWeight: z.number().min(0).max(2).default(0.85),
    /** Factor on a negated word's valence (VADER's N_SCALAR is -0.74). */
    negationFactor: z.number().min(-2).max(0).default(-0.74),
    /** Tokens before a word that a negator reaches (stopping at clause punctuation). */
    negationScope: z.number().int().min(1).max(8).default(3),
    /** Factor on a valence governed by a reducing word ("reduce the risk", "fight disease"); 1 turns it off. */
    reducerFactor: z.number().min(-1).max(1).default(-0.5),
    /** Normalization constant: score = sum / sqrt(sum² + alpha). */
    alpha: z.number().positive().default(15),
    /** Extra or replacement word valences on -4..+4, keyed by lower-case word or lemma. */
    lexicon: z.record(z.string(), z.number().min(-4).max(4)).default({}),
  })
  .strict();

export type SentimentConfig = z.infer<typeof sentimentConfigSchema>;
