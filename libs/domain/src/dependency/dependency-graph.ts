/** A plan's dependencies: for each action, the actions it waits for. */
export type DependsOn = Readonly<Record<string, readonly string[]>>;

/** The network from its dependencies one by one (a read model's rows, a fold's), in the order given. */
export function dependsOnOf(dependencies: readonly { actionId: string; dependsOnActionId: string }[]): DependsOn {
  const dependsOn: Record<string, string[]> = {};
  for (const d of dependencies) (dependsOn[d.actionId] ??= []).push(d.dependsOnActionId);
  return dependsOn;
}

/**
 * A chain of dependencies leading from `from` to `to` (both included), or null when `from` does
 * not wait for `to`, directly or through others. Breadth first, so the chain named is a shortest.
 */
export function dependencyPath(dependsOn: DependsOn, from: string, to: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i += 1) {
    const current = queue[i];
    if (current === to) {
      const path: string[] = [];
      for (let step: string | null = current; step !== null; step = cameFrom.get(step) ?? null) path.unshift(step);
      return path;
    }
    for (const next of dependsOn[current] ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, current);
      queue.push(next);
    }
  }
  return null;
}
