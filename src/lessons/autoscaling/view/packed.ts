// How the page reads the autoscaling snapshot's packed arrays: fields per scaling action and
// the instance states. They mirror the model (AutoscalingSim, Fleet) and packed.test.ts pins
// them to it; kept here so the lesson page does not load the simulation classes.

/** Numbers per action in `arrays.actions`: atS, from, to, reason code, value, threshold, periods, metric index. */
export const ACTION_FIELDS = 8;

/** Instance states in `arrays.instances` ([state, sinceS, launchedS] triples). */
export const BOOTING = 1;
export const WARMING = 2;
export const IN_SERVICE = 3;
export const DRAINING = 4;
