import { z } from 'zod';

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC'] as const;

/** The `entities` section of pipeline.config.json. `entitiesConfigSchema.parse({})` gives the defaults. */
export const entitiesConfigSchema = z
  .object({
    /** Entity types to keep in the output; the others are found (they shape linking) but dropped. */
    types: z.array(z.enum(ENTITY_TYPES)).default([...ENTITY_TYPES]),
    /**
     * How "White House", "Kremlin"-style seats of government are typed when no rule decides: as the
     * building (FAC, as MEANTIME's gold does: LOC) or as the institution (ORG, as OntoNotes does when it acts).
     */
    seatOfGovernment: z.enum(['FAC', 'ORG']).default('FAC'),
    /** Type capitalized names that no data or rule recognizes by their context and shape (else drop them). */
    guessUnknownNames: z.boolean().default(true),
    /**
     * Let the classifier (a multinomial logistic regression trained on MEANTIME + WikiGold, see src/entities/model/)
     * decide each candidate's type from the rules' verdict, its words and its context.
     */
    model: z.boolean().default(true),
    /** Record a lower-case role before a name ("analyst Paul Nesbit") as its title. */
    lowercaseRoleTitles: z.boolean().default(true),
  })
  .strict();

export type EntitiesConfig = z.infer<typeof entitiesConfigSchema>;
