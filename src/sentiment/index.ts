/**
 * The sentiment stage: a general sentiment score (-1..1) per sentence and a word-weighted mean for the
 * article. It reads only the segmented document (sentences and wink tokens), so it may run anywhere after
 * segmentation; the tension stage needs it (its negative-tone cue reads each sentence's reading).
 */
import type { ArticleDoc, Sentence, SentenceSentiment, Stage, With } from '../document/types.js';
import type { SentimentConfig } from './config.js';
import { readSentiment } from './score.js';

export { sentimentConfigSchema, type SentimentConfig } from './config.js';

/** `sentenceSentiment[i]` is the reading of `sentences[i]`. */
export type SentimentDoc = With<'sentiment' | 'sentenceSentiment'>;

export type SentimentStage = Stage<ArticleDoc, SentimentDoc, SentimentConfig>;

export const scoreSentiment: SentimentStage = (doc, config) => {
  const sentences: Sentence[] = [];
  const readings: SentenceSentiment[] = [];
  let sentimentSum = 0;
  let sentimentWeight = 0;
  for (const sentence of doc.sentences) {
    const reading = readSentiment(doc.tokens, sentence.tokenStart, sentence.tokenEnd, config);
    readings.push(reading);
    // Longer sentences say more: weight the article mean by words, as a reader's impression would be.
    const words = Math.max(1, sentence.tokenEnd - sentence.tokenStart);
    sentimentSum += reading.score * words;
    sentimentWeight += words;
    // A literal, not a spread of the sentence: V8 builds spread objects on a slow path, and this runs per sentence.
    sentences.push({ index: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text, paragraph: sentence.paragraph, tokenStart: sentence.tokenStart, tokenEnd: sentence.tokenEnd, sentiment: reading.score });
  }
  return {
    ...doc,
    sentences,
    sentiment: sentimentWeight === 0 ? 0 : round4(sentimentSum / sentimentWeight),
    sentenceSentiment: readings,
  };
};

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
