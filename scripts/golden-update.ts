/**
 * `npm run golden:update`: rewrites the committed golden outputs (test/golden/) from a fresh run,
 * printing the diff it accepts. Review that diff like code and commit the golden files on their own.
 */
import { main } from '../src/cli.js';

const cases = [
  ['pipeline.config.json', 'test/golden/corpus'],
  ['test/golden/fixtures/pipeline.config.json', 'test/golden/fixtures/expected'],
] as const;

let exitCode = 0;
for (const [config, golden] of cases) {
  const code = await main(['check', '--config', config, '--golden', golden, '--update']);
  if (code !== 0) exitCode = code;
}
process.exitCode = exitCode;
