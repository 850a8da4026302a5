import { z } from 'zod';

/** One cue of a tension lexicon (the JSON file format; see src/tension/lexicon/README.md). */
export const tensionCueSchema = z
  .object({
    /** kebab-case, unique: appears in the output as the cue's `rule`. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'a kebab-case id'),
    category: z.string().min(1),
    /** -10 (most conflictual) .. +10 (most cooperative). */
    weight: z.number().min(-10).max(10),
    /** Space-separated elements, each a |-separated list of words matched against lemma or lower-case form. */
    pattern: z.string().min(1),
    /** How many other tokens may stand between two elements of the pattern. */
    gap: z.number().int().min(0).max(6).optional(),
    /** Universal POS the first token must have (VERB, NOUN, ...). */
    pos: z.string().optional(),
  })
  .strict();

export const tensionCategorySchema = z
  .object({
    side: z.enum(['conflict', 'cooperation']),
    cameo: z.string().optional(),
    description: z.string().optional(),
  })
  .strict();

export const tensionLexiconSchema = z
  .object({
    name: z.string().optional(),
    version: z.string().min(1),
    scale: z.string().optional(),
    categories: z.record(z.string(), tensionCategorySchema),
    cues: z.array(tensionCueSchema),
  })
  .strict();

export type TensionLexiconCue = z.infer<typeof tensionCueSchema>;
export type TensionLexicon = z.infer<typeof tensionLexiconSchema>;

/**
 * How a lexicon from the user relates to ours. `extend`: its cues are added and replace ours with the same
 * id, its categories are added. `replace`: only its cues and categories are used.
 */
export const lexiconModeSchema = z.enum(['extend', 'replace']);

export const tensionConfigSchema = z
  .object({
    /**
     * Path of a user lexicon file (JSON in the format of src/tension/lexicon/tension-lexicon.json). The config
     * loader (`config/load.ts`) resolves it relative to the config file, validates it and passes the
     * loaded object as `lexicon`; the stage itself never reads files.
     */
    lexiconPath: z.string().nullable().default(null),
    /** A user lexicon already loaded and validated. */
    lexicon: tensionLexiconSchema.nullable().default(null),
    lexiconMode: lexiconModeSchema.default('extend'),
    /**
     * Let the trained classifier (src/tension/model/) set each sentence's label from its cues, their
     * context, its main verb and its words; false: the label follows the cue score and `labelThreshold`.
     * Also lets the PLOVER type classifier type the main event where it did not happen as told; false:
     * every event keeps the rules' type.
     */
    model: z.boolean().default(true),
    /** |score| at or above which a sentence is labelled escalation (negative) or de-escalation (positive). */
    labelThreshold: z.number().min(0).max(10).default(1),
    /** Factors on a cue's weight by modality when the sentence score is summed. */
    modalityWeights: z
      .object({
        asserted: z.number().min(0).max(1).default(1),
        reported: z.number().min(0).max(1).default(1),
        future: z.number().min(0).max(1).default(0.8),
        hypothetical: z.number().min(0).max(1).default(0.5),
      })
      .strict()
      .prefault({}),
    /**
     * A negated cooperation cue ("refused to meet", "did not agree") counts as conflict with this share of its
     * weight; a negated conflict cue ("did not threaten") counts as nothing.
     */
    negatedCooperationFactor: z.number().min(0).max(1).default(0.5),
    /** Share of a conflict cue's weight that counts as cooperation when an easing verb governs it ("lifted the blockade"). */
    easedConflictFactor: z.number().min(0).max(1).default(0.6),
    /** Factor on a cue in a background phrase ("after two days of fighting", "since the invasion"). */
    backgroundWeight: z.number().min(0).max(1).default(0.4),
    /** Factor on a noun cue with neither source nor target in its sentence ("post-conflict reconstruction"). */
    unattributedNounWeight: z.number().min(0).max(1).default(0.5),
    /**
     * Factor on cooperation contributions in the sentence score. Below 1 because the cooperative weights
     * of the Goldstein scale run higher than their conflict counterparts (signing an agreement +8, rejecting
     * one -4), so a sentence reporting both would otherwise read as cooperation.
     */
    cooperationWeight: z.number().min(0).max(1).default(0.8),
    /** Factor on cues after the sentence's first verb cue (its main act): objects, complements, relative clauses. */
    secondaryWeight: z.number().min(0).max(1).default(0.5),
    /**
     * What a demand made of a named actor adds to the sentence score, once per sentence, in place of the
     * demanded acts ("Ukraine demands that Russia cease provocations"): the lexicon's call-on weight.
     */
    demandOfActorWeight: z.number().min(-10).max(0).default(-3),
    /** Tokens before a cue that a negator reaches. */
    negationScope: z.number().int().min(1).max(8).default(4),
    /** Tokens after the cue searched for a target, before it for a source. */
    actorWindow: z.number().int().min(1).max(40).default(12),
    /**
     * A sentence the cues leave undecided but whose tone is clearly negative counts as disapproval: a cue
     * with rule `negative-tone` on its most negative word.
     */
    negativeTone: z
      .object({
        enabled: z.boolean().default(true),
        /** Rule-based sentence sentiment (the lexicon score, not the trained model's narrower one) at or below minus this value. */
        threshold: z.number().min(0).max(1).default(0.25),
        weight: z.number().min(-10).max(0).default(-2),
        /** The tone cue is added while the cues' score is below this: weak cooperation cues do not outweigh a hostile tone. */
        maxCooperation: z.number().min(0).max(10).default(1),
        category: z.string().default('criticism'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type TensionConfig = z.infer<typeof tensionConfigSchema>;
