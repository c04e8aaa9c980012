/**
 * The canonical form of a door's address, in which one household is one key however its address was
 * typed. The import groups its rows by it, and the register matches households on file by its blind
 * index (households.address_key_index): both must use this one function.
 */
export interface AddressParts {
  community: string;
  street: string;
  building: string;
  unit: string;
  room: string;
}

type Part = keyof AddressParts;

const SUFFIXES: Partial<Record<Part, RegExp>> = {
  building: /(号楼|幢|栋|号|楼|座)$/,
  unit: /单元$/,
  room: /(室|号|房)$/,
};

const KEY_STRIP = /[\s|]/;
const KEY_STRIP_ALL = /[\s|]/g;
const HAS_LOWER = /[a-z]/;
/** Full-width letters and digits (３, Ａ), typed on some phone keyboards; NFKC makes them plain. */
const NEEDS_NFKC = /[\uFF01-\uFF5E\u3000]/;

/**
 * Canonical address part for grouping: no spaces, half-width, upper case, '3号楼' = '3幢' = '3'.
 * The import's cells are already NFKC; an address typed by hand may not be.
 */
export function keyPart(value: string, part: Part): string {
  const plain = NEEDS_NFKC.test(value) ? value.normalize('NFKC') : value;
  let s = KEY_STRIP.test(plain) ? plain.replace(KEY_STRIP_ALL, '') : plain;
  if (HAS_LOWER.test(s)) s = s.toUpperCase();
  const suffix = SUFFIXES[part];
  if (suffix) {
    const stripped = s.replace(suffix, '');
    if (stripped) s = stripped;
  }
  return s;
}

/** community|street|building|unit|room in canonical form; addresses with the same key are one household. */
export function householdKeyOf(address: AddressParts): string {
  return [
    keyPart(address.community, 'community'),
    keyPart(address.street, 'street'),
    keyPart(address.building, 'building'),
    keyPart(address.unit, 'unit'),
    keyPart(address.room, 'room'),
  ].join('|');
}
