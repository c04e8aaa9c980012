// What other features may use of the map: the lazily loaded component and the contract for the points
// they draw on it.
export type { AreaMapProps, MapPoints } from './components/area-map';
export { AreaMap } from './components/lazy-area-map';
export type { MapPointLayer, PaintChange, PointStack, StackCloseReason } from './point-layer';
export type { StackedPoint } from './point-stack';
