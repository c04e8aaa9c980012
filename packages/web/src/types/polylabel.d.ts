// polylabel ships no types; its one export, as documented in its README.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (outer ring, then holes), to within `precision`. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
    debug?: boolean,
  ): [number, number] & { distance: number };
}
