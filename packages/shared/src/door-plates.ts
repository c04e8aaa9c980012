import Type, { type Static } from 'typebox';

const NullableString = () => Type.Unsafe<string | null>({ type: ['string', 'null'] });

/** Who looks after an address: its grid and the community officer whose area covers it. */
export const GridContactSchema = Type.Object({
  gridName: NullableString(),
  officerName: NullableString(),
  officerPhone: NullableString(),
});
export type GridContact = Static<typeof GridContactSchema>;

/**
 * One door plate (一户一码). The address is in full: the plate hangs on that very door. Fetching
 * plates is audited like an export.
 */
export const DoorPlateSchema = Type.Object({
  householdId: Type.String({ format: 'uuid' }),
  address: Type.String(),
  community: Type.String(),
  ...GridContactSchema.properties,
  /** The QR code as an SVG document, linking to /h/<code>. */
  qrSvg: Type.String(),
});
export type DoorPlate = Static<typeof DoorPlateSchema>;

/** A unit's plates print in batches of MAX_DOOR_PLATES, in village and street order. */
export const DoorPlateSheetSchema = Type.Object({
  items: Type.Array(DoorPlateSchema),
  /** Households under the unit (1 for one household). */
  total: Type.Integer(),
  /** This batch, from 1. */
  batch: Type.Integer(),
  batches: Type.Integer(),
});
export type DoorPlateSheet = Static<typeof DoorPlateSheetSchema>;
