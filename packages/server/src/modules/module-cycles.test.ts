import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Modules depend on each other one way only: when one must react to another, the reacting module
// registers a handler on the emitting module's surface, wired in app.ts (docs/architecture.md).
// The graph is read from the sources at module granularity; tests are left out, since a test may
// set up records of another module without making the code depend on it.
const modulesDir = path.dirname(fileURLToPath(import.meta.url));

type Edges = Map<string, Map<string, string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** module → module it imports → the first file (relative to modules/) that does so. */
function moduleGraph(): Edges {
  const graph: Edges = new Map();
  const modules = readdirSync(modulesDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const { name } of modules) {
    const edges = new Map<string, string>();
    graph.set(name, edges);
    for (const file of sourceFiles(path.join(modulesDir, name))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = path.relative(modulesDir, path.resolve(path.dirname(file), fileName));
        const [other] = target.split(path.sep);
        if (!other || other === '..' || other === name || target === other) continue;
        if (!edges.has(other)) edges.set(other, path.relative(modulesDir, file));
      }
    }
  }
  return graph;
}

/** The first import cycle found, as the modules along it (first = last), or null. */
function findCycle(graph: Edges): string[] | null {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string): string[] | null => {
    const at = onPath.indexOf(node);
    if (at >= 0) return [...onPath.slice(at), node];
    if (done.has(node)) return null;
    onPath.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(node);
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function describeCycle(graph: Edges, cycle: string[]): string {
  return cycle
    .slice(0, -1)
    .map((from, i) => `${from} → ${cycle[i + 1]} (${graph.get(from)?.get(cycle[i + 1] as string)})`)
    .join(', ');
}

const graphOf = (edges: Record<string, string[]>): Edges =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Map(to.map((m) => [m, `${from}/x.ts`]))]));

describe('module dependencies', () => {
  it('finds a cycle through several modules and none in a one-way graph', () => {
    expect(findCycle(graphOf({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(graphOf({ a: ['b', 'c'], b: ['c'], c: [], d: ['a', 'c'] }))).toBeNull();
  });

  it('reads the imports between the server modules', () => {
    const graph = moduleGraph();
    expect(graph.get('auth')?.has('users')).toBe(true);
    expect(graph.get('users')?.has('orgs')).toBe(true);
  });

  it('has no import cycle among the server modules', () => {
    const graph = moduleGraph();
    const cycle = findCycle(graph);
    expect(cycle && `import cycle: ${describeCycle(graph, cycle)}`).toBeNull();
  });
});
