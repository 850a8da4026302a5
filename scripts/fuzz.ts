/**
 * `npm run fuzz`: the fuzzing harness of test/robustness/fuzz-articles.ts for longer than `npm test`
 * runs it, with fresh seeds and larger articles (scale 4: runs of one word up to 800 times, up to 1,200
 * capitalized names, long sentences of random words). Reports cases per second and, on a failure, the
 * seed and path that reproduce it (`npm run fuzz -- --seed S --path P`) with the shrunk counterexample.
 * Options: --seconds N (default 120), --seed S (first seed; default from the clock), --scale K,
 * --path P (replay one failure).
 */
import fc from 'fast-check';
import { anyArticle, checkArticle } from '../test/robustness/fuzz-articles.js';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const seconds = Number(option('seconds') ?? 120);
const scale = Number(option('scale') ?? 4);
const replayPath = option('path');
let seed = Number(option('seed') ?? Date.now() % 2_147_483_647);

const property = fc.property(anyArticle(scale), (article) => {
  const problems = checkArticle(article);
  if (problems.length > 0) throw new Error(problems.slice(0, 5).join('\n'));
});

const started = performance.now();
let cases = 0;
let batches = 0;
const BATCH = 25;
for (;;) {
  const details = fc.check(property, { seed, numRuns: BATCH, ...(replayPath ? { path: replayPath } : {}) });
  cases += details.numRuns;
  batches++;
  if (details.failed) {
    const example = JSON.stringify(details.counterexample?.[0]);
    console.error(`fuzz: FAILED after ${cases} cases: seed ${details.seed}, path "${details.counterexamplePath}"`);
    console.error(`replay: npm run fuzz -- --seed ${details.seed} --path "${details.counterexamplePath}" --scale ${scale}`);
    console.error(`counterexample (${example?.length ?? 0} characters): ${example && example.length > 2000 ? `${example.slice(0, 2000)}...` : example}`);
    console.error(`problem: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
    process.exitCode = 1;
    break;
  }
  const elapsed = (performance.now() - started) / 1000;
  if (replayPath || elapsed >= seconds) break;
  if (batches % 4 === 0) console.log(`fuzz: ${cases} cases, ${(cases / elapsed).toFixed(1)} cases/s, last seed ${seed}`);
  seed = (seed + 1) % 2_147_483_647;
}
const elapsed = (performance.now() - started) / 1000;
console.log(`fuzz: ${cases} cases in ${elapsed.toFixed(1)} s (${(cases / elapsed).toFixed(1)} cases/s), seeds ${Number(option('seed') ?? seed - batches + 1)}..${seed}${process.exitCode ? ', FAILED' : ', all passed'}`);
