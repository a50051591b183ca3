// What theory says an autoscaled fleet should look like: the ideal capacity curve (instances
// needed to hold demand at the target utilisation) and the figures derived from it.

/** Instances (fractional) that serve `demandRps` at `targetPct` % of `capacityRps` each. */
export function idealInstances(demandRps: number, capacityRps: number, targetPct: number): number {
  const perInstance = (capacityRps * targetPct) / 100;
  return perInstance > 0 ? demandRps / perInstance : 0;
}

/** Whole instances a policy that tracks the target exactly settles at. */
export function settledInstances(
  demandRps: number,
  capacityRps: number,
  targetPct: number,
): number {
  return Math.ceil(idealInstances(demandRps, capacityRps, targetPct) - 1e-9);
}
