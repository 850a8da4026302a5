/**
 * The actor misses of one half of a tension gold file, for reading while developing the actor rules:
 * `npx tsx tools/tension/actor-misses.ts <gold.jsonl> [half 0|1] [source|target]`.
 * Develop on half 0 only; half 1 is the check that a rule carries over (`eval tension` prints both).
 */
import { actorHalf, actorMatches, makePredictor, type GoldTension } from '../../src/eval/tension.js';
import { readJsonl } from '../../src/eval/gold.js';

const [goldPath, halfArg = '0', roleArg] = process.argv.slice(2);
if (!goldPath) throw new Error('usage: actor-misses.ts <gold.jsonl> [half 0|1] [source|target]');
const half = Number(halfArg);
const gold = (await readJsonl<GoldTension>(goldPath)).filter((g) => actorHalf(g) === half);
const predict = makePredictor({});
const roles: ReadonlyArray<'source' | 'target'> = roleArg === 'source' || roleArg === 'target' ? [roleArg] : ['source', 'target'];
for (const g of gold) {
  const p = predict(g.text);
  for (const role of roles) {
    if (g.dataset === 'unscon' && role === 'source') continue;
    const goldActors = g.reciprocal ? [...(g.source ?? []), ...(g.target ?? [])] : g[role] ?? [];
    if (goldActors.length === 0) continue;
    const predicted = p[role];
    const verdict = !predicted ? 'NONE' : actorMatches(predicted, goldActors) ? 'ok' : 'MISS';
    if (verdict === 'ok') continue;
    const said = predicted ? `${predicted.text} (${predicted.countryCode ?? '-'})` : '-';
    const wanted = goldActors.map((a) => `${a.text}${a.code ? ` [${a.code}]` : ''}`).join(' | ');
    console.log(`${verdict} ${role} ${g.id}: got ${said}; gold ${wanted}${g.reciprocal ? ' (reciprocal)' : ''}\n    ${g.markup ?? g.text}`);
  }
}
