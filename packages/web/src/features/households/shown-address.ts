import type { HouseholdSummary } from '@fengqiao/shared';

/** The door for those who work its grid (the server decides), the village-and-street mask for others. */
export const shownAddress = (h: Pick<HouseholdSummary, 'address' | 'addressMasked'>): string =>
  h.address ?? h.addressMasked;
