// The page's theme as canvas drawing code needs it: CSS custom properties read once (and again
// when the colour scheme changes), never per frame.

/** The computed value of the CSS custom property `name` on the root, or `fallback`. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** A media query list, or null where the browser (or a test environment) has none. */
export function media(query: string): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}
