export const ORG_KINDS = ['bureau', 'station', 'community', 'grid'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  bureau: { zh: '公安局', en: 'Bureau' },
  station: { zh: '派出所', en: 'Station' },
  community: { zh: '社区/村', en: 'Community' },
  grid: { zh: '网格', en: 'Grid' },
};

/** Which kind of unit may sit directly under which. */
export const CHILD_KIND: Record<OrgKind, OrgKind | null> = {
  bureau: 'station',
  station: 'community',
  community: 'grid',
  grid: null,
};
