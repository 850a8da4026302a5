/**
 * The typed document that every stage reads and extends.
 *
 * Offsets inside the pipeline are UTF-16 code-unit indexes into `ArticleDoc.text`, because that is
 * what JavaScript strings, wink-nlp, compromise and chrono give us. They are converted to Unicode code
 * points exactly once, in `src/output/article-json.ts`, so every published offset is what Python's
 * `text[start:end]` counts.
 */

/** Half-open [start, end) UTF-16 range of `ArticleDoc.text` (converted to code points on output). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type StageName = 'ingest' | 'segment' | 'entities' | 'dates' | 'sentiment' | 'tension';

/** Which stage and which named rule made an annotation, so researchers can audit it. */
export interface Provenance {
  readonly rule: string;
}

export interface TextSpan extends Span {
  readonly text: string;
}

/** Metadata as given in front matter / JSON. Unknown keys are kept and passed through. */
export interface ArticleMetadata {
  readonly id?: string;
  readonly title?: string;
  readonly date?: string;
  readonly source?: string;
  readonly url?: string;
  readonly [key: string]: unknown;
}

export type DctSource = 'metadata' | 'config' | 'none';

/** A dateline such as "BOGOTÁ / WASHINGTON —", with the places it names. */
export interface Dateline extends TextSpan {
  readonly places: readonly TextSpan[];
}

/** One wink-nlp token, kept so later stages never re-tokenize. Not written to the JSON output. */
export interface Token extends Span {
  readonly value: string;
  /** Lower-cased normal form. */
  readonly normal: string;
  readonly lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, ...). */
  readonly pos: string;
  /** Index into `ArticleDoc.sentences`. */
  readonly sentence: number;
  /** True when whitespace (or nothing, at the text start) precedes the token. */
  readonly spaceBefore: boolean;
}

export interface Sentence extends TextSpan {
  readonly index: number;
  readonly paragraph: number;
  /** [first, last) token indexes into `ArticleDoc.tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Added by the sentiment stage. */
  readonly sentiment?: number;
  /** Added by the tension stage. */
  readonly tension?: SentenceTension;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC';

export interface EntityMention extends TextSpan, Provenance {
  readonly type: EntityType;
  readonly entityId: string;
  /** Title kept out of the span: "President", "former President". */
  readonly title: string | null;
}

export interface EntitySummary {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: EntityType;
  /** ISO 3166-1 alpha-2 of the country the entity is, belongs to or stands for. */
  readonly countryCode: string | null;
  readonly mentions: number;
  /** UTF-16 offset internally, code points on output. */
  readonly firstOffset: number;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex extends TextSpan, Provenance {
  readonly type: TimexType;
  readonly value: string;
  readonly mod: string | null;
  /** ISO dates bounding the days a DATE value denotes, where it denotes days. */
  readonly rangeStart: string | null;
  readonly rangeEnd: string | null;
  /** What a relative value was counted from. */
  readonly anchor: 'dct' | 'previous' | 'none';
}

/**
 * The sentiment stage's full reading of one sentence. Only `score` is published (as `Sentence.sentiment`);
 * the tension stage reads the rest for its negative-tone cue. Not written to the JSON output.
 */
export interface SentenceSentiment {
  /** -1..1: the model's score, or the rule score with `method: 'rules'`. */
  readonly score: number;
  /**
   * The rule score alone (-1..1), whatever the method. Its spread is wider than the model's (the model
   * predicts the raters' mean, which rarely passes ±0.7): a threshold tuned on the old score belongs here.
   */
  readonly rulesScore: number;
  /** Token index of the most negative word after negation and weighting, or -1. */
  readonly mostNegative: number;
}

export type TensionLabel = 'escalation' | 'de-escalation' | 'neutral';
export type Modality = 'asserted' | 'future' | 'hypothetical' | 'reported';

export interface Actor {
  readonly entityId: string | null;
  readonly text: string;
  readonly countryCode: string | null;
}

export interface TensionCue extends TextSpan, Provenance {
  readonly category: string;
  /** -10..+10 conflict (negative) to cooperation (positive), after negation. */
  readonly weight: number;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly source: Actor | null;
  readonly target: Actor | null;
}

export interface SentenceTension {
  readonly score: number;
  readonly label: TensionLabel;
  readonly cues: readonly TensionCue[];
  readonly source: Actor | null;
  readonly target: Actor | null;
  readonly modality: Modality;
}

export interface ArticleTension {
  readonly index: number;
  readonly label: TensionLabel;
  readonly counts: Readonly<Record<string, number>>;
}

export interface Dyad {
  readonly source: string;
  readonly sourceCode: string | null;
  readonly target: string;
  readonly targetCode: string | null;
  readonly cues: number;
  readonly meanWeight: number;
}

/** A problem found in one article; the batch goes on. */
export interface Diagnostic {
  readonly stage: StageName;
  readonly message: string;
  readonly span?: Span;
}

export interface ArticleDoc {
  readonly id: string;
  /** Path relative to the corpus folder (plus ":line" for jsonl); "-" for stdin. */
  readonly sourcePath: string;
  readonly metadata: ArticleMetadata;
  /** The stored text every offset points into (BOM removed, LF line ends, NFC). */
  readonly text: string;
  /** Publication date YYYY-MM-DD: the anchor of every relative date. */
  readonly dct: string | null;
  readonly dctSource: DctSource;
  readonly headline: TextSpan | null;
  readonly dateline: Dateline | null;
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly entities?: readonly EntityMention[];
  readonly entitySummary?: readonly EntitySummary[];
  readonly timexes?: readonly Timex[];
  /** Word-weighted mean of the sentences' sentiment (the sentiment stage). */
  readonly sentiment?: number;
  /** One reading per sentence, by sentence index (the sentiment stage); not written to the JSON output. */
  readonly sentenceSentiment?: readonly SentenceSentiment[];
  readonly tension?: ArticleTension;
  readonly dyads?: readonly Dyad[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A document whose optional layers K are present. A stage's input type names the layers it reads, so
 * running a stage before the one that adds its layers does not compile.
 */
export type With<K extends keyof ArticleDoc> = ArticleDoc & Required<Pick<ArticleDoc, K>>;

/** A stage is a pure function from document to document with its own config slice. */
export type Stage<In extends ArticleDoc, Out extends In, Config> = (doc: In, config: Readonly<Config>) => Out;
