import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { installWinkIsolation } from './wink-isolation.js';

/**
 * One wink-nlp instance per process (per worker thread): loading the model costs ~100 ms and
 * several MB, so every stage shares this one.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function wink(): ReturnType<typeof winkNLP> {
  if (instance === undefined) {
    // Before the instance exists: the isolation hook wraps the model's feature extractor at creation.
    installWinkIsolation();
    instance = winkNLP(model);
  }
  return instance;
}
