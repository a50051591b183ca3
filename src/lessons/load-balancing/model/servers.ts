// Server speeds, names and weights for the load-balancing lesson's server profiles.
import { Random } from '../../../sim/core/Random.ts';
import { MAX_SERVERS } from './params.ts';

/** Relative speeds of all possible servers for a profile; `mixed` is drawn from the seed. */
export function profileSpeeds(profile: string, seed: number): Float64Array {
  const speeds = new Float64Array(MAX_SERVERS).fill(1);
  if (profile === 'abc') {
    for (let i = 0; i < MAX_SERVERS; i++) speeds[i] = i % 3 === 2 ? 2 : 1;
  } else if (profile === 'mixed') {
    const rng = new Random(seed, 3);
    // Log-uniform between 0.5 and 2, rounded to a tenth so the numbers read well.
    for (let i = 0; i < MAX_SERVERS; i++) speeds[i] = Math.round(5 * Math.pow(4, rng.next())) / 10;
  }
  return speeds;
}

/** Display names: A, B, C (then A2, B2, C2…) for the `abc` profile, s1…sN otherwise. */
export function serverName(profile: string, i: number): string {
  if (profile === 'abc') {
    const round = Math.floor(i / 3);
    return `${'ABC'[i % 3]}${round > 0 ? round + 1 : ''}`;
  }
  return `s${i + 1}`;
}

/** Parses the `weights` text; servers without an entry weigh their speed. */
export function resolveWeights(text: string, speeds: Float64Array): Float64Array {
  const weights = Float64Array.from(speeds);
  const parts = text.trim() === '' ? [] : text.split(',');
  parts.forEach((part, i) => {
    const w = Number(part.trim());
    if (i < weights.length && Number.isFinite(w) && w > 0) weights[i] = w;
  });
  return weights;
}
