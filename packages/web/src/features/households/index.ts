// What other features may use of households (besides ./api): the home page's panels and map points.
export { HouseholdStatsPanel, TagLayerLegend } from './components/household-stats-panel';
export { TagLayerSelect } from './components/lazy-tag-layer-select';
export { householdPointLayer } from './map-points';
export { useHouseholdPointsQuery, useInvalidateHouseholds } from './queries';
