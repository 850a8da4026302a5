import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../src/entities/index.js';

describe('[entities] resolveCountry', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['U.S.', 'US', 'alias'],
    ['US', 'US', 'alias'],
    ['United States', 'US', 'name'],
    ['the United States', 'US', 'name'],
    ['America', 'US', 'alias'],
    ['Colombian', 'CO', 'demonym'],
    ['Colombians', 'CO', 'demonym'],
    ['Bogota', 'CO', 'capital'],
    ['Bogotá', 'CO', 'capital'],
    ['BOGOTÁ', 'CO', 'capital'],
    ['Washington', 'US', 'capital'],
    ['UK', 'GB', 'alias'],
    ['Britain', 'GB', 'alias'],
    ['British', 'GB', 'demonym'],
    ['Venezuela', 'VE', 'name'],
    ['IN', null, null],
    ['Latin America', null, null],
    ['Petro', null, null],
  ];
  it.each(cases)('%s -> %s', (text, code, via) => {
    const match = resolveCountry(text);
    expect(match?.code ?? null).toBe(code);
    expect(match?.via ?? null).toBe(via);
  });
});
