/**
 * Regression checks on extractions: compare two output folders (`diffOutputs`), or a fresh run of
 * the corpus against committed golden JSON (`checkGolden`), and render the result for people or tools.
 */
export { diffArticle, type ArticleDiff, type ArticleDiffOptions, type Change, type ChangeKind, type FieldChange } from './diff-article.js';
export { DiffInputError, diffOutputs, openArticleSource, type ArticleSource, type ArticleReport, type DiffOptions, type DiffReport, type DiffTotals, type ReportedChange } from './diff-outputs.js';
export { checkGolden, type CheckOptions, type CheckResult } from './check.js';
export { FAIL_ON_ALL, failsOn, parseFailOn, type FailOn, type FailOnRule } from './fail-on.js';
export { formatDiffJson, formatDiffReport, type FormatOptions } from './format.js';
export { LAYERS, type LayerName } from './layers.js';
export { checkCommand, diffCommand, type CommandIo } from './commands.js';
