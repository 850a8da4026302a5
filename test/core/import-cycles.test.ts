import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(new URL('../..', import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/u.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative imports of a module (static, re-exports, `import type` and dynamic `import()` alike). */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gu;

function importGraph(dirs: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => sourceFiles(path.join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      if (spec.endsWith('.json')) continue;
      targets.push(path.resolve(path.dirname(file), spec.replace(/\.js$/u, '.ts')));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every import circle, each as the list of files around it (depth-first search, each circle once). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => path.relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

describe('[architecture] module imports', () => {
  it('has no import circle in src/ or tools/', () => {
    expect(circles(importGraph(['src', 'tools']))).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    expect(circles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });

  it('keeps tools out of the library: nothing in src/ imports tools/', () => {
    const graph = importGraph(['src']);
    const intoTools = [...graph].flatMap(([file, targets]) => targets.filter((t) => t.startsWith(path.join(root, 'tools'))).map((t) => `${path.relative(root, file)} -> ${path.relative(root, t)}`));
    expect(intoTools).toEqual([]);
  });
});
