// Chart colours from the Okabe–Ito palette, which stays distinguishable with the common forms
// of colour blindness. The series colours also keep 3:1 contrast on light and dark surfaces.

/** The eight Okabe–Ito colours, by their published names. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Series colours in the order charts should use them. Each has at least 3:1 contrast against
 * both the light (#ffffff) and the dark (#111827) page surface (WCAG 1.4.11); orange, sky blue
 * and yellow are left out because they fall below 3:1 on white, black because it vanishes on
 * dark.
 */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
];

/** Neutral grey for theory overlays and reference lines (draw them dashed as well). */
export const THEORY_COLOR = '#6B7280';

/** The colour of series number `index`, cycling when there are more series than colours. */
export function seriesColor(index: number): string {
  const n = SERIES_COLORS.length;
  return SERIES_COLORS[((index % n) + n) % n] ?? OKABE_ITO.blue;
}

/** Named roles, so lessons colour the same quantity the same way everywhere. */
export const CHART_COLORS = {
  simulated: OKABE_ITO.blue,
  secondary: OKABE_ITO.vermillion,
  good: OKABE_ITO.bluishGreen,
  bad: OKABE_ITO.vermillion,
  accent: OKABE_ITO.reddishPurple,
  theory: THEORY_COLOR,
} as const;
