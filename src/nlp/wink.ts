import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createIsolatedInstance } from './wink-isolation.js';

/**
 * The steps of wink's pipe the stages read: sentence boundaries, then POS (lemmas follow from it).
 * wink's default pipe also runs negation, sentiment and its own entity recognizer (dates, numbers,
 * e-mails...); no stage uses them, and they cost 40% of `readDoc` (measured on the bench corpus: 255k
 * words per CPU-second with the default pipe, 456k with these two steps). Tokens, POS, lemmas and
 * sentences are the same either way (checked on 600 bench articles).
 */
const PIPELINE_STEPS = ['sbd', 'pos'];

type Wink = ReturnType<typeof winkNLP>;

/**
 * One wink-nlp instance per process (per worker thread): loading the model costs ~100 ms and
 * several MB, so every stage shares this one.
 */
let instance: Wink | undefined;
let fullInstance: Wink | undefined;

export function wink(): Wink {
  if (instance === undefined) {
    // The isolation hook wraps the model's feature extractor while the instance is created.
    instance = createIsolatedInstance(() => winkNLP(model, PIPELINE_STEPS));
  }
  return instance;
}

/**
 * wink with its default pipe, sentence sentiment included: for the evaluations' wink baselines only.
 * It learns words across texts as wink does out of the box, which is what a baseline should measure.
 */
export function winkWithSentiment(): Wink {
  if (fullInstance === undefined) fullInstance = winkNLP(model);
  return fullInstance;
}
