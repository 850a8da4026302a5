import { z } from 'zod';

/** Config section `dates`: how the date stage resolves what the text leaves open. */
export const datesConfigSchema = z
  .object({
    /**
     * How a bare weekday or month is placed around the publication date: `tense` reads the verb
     * group nearest the expression (past -> on or before the DCT, future -> on or after);
     * `past` always looks back; `nearest` takes the closest occurrence either side (chrono's habit).
     */
    direction: z.enum(['tense', 'past', 'nearest']).default('tense'),
    /**
     * Anaphoric expressions ("the following day", "a year earlier", "the year-ago quarter") count
     * from the last date the text mentioned, as TimeML says; false counts everything from the DCT.
     */
    anaphoricAnchor: z.boolean().default(true),
    /** Decade values: TimeML/TIDES `198` (TimeBank) or AQUAINT's `198X`. */
    decadeStyle: z.enum(['timeml', 'x-suffix']).default('timeml'),
    /** Tag vague present/past/future references (now, currently, recently, the future). */
    vagueReferences: z.boolean().default(true),
  })
  .strict();

export type DatesConfig = z.infer<typeof datesConfigSchema>;
