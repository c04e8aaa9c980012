// What other features may use of the map: the lazily loaded components and the contract for the points
// they draw on it.
export type { AreaMapProps, MapPoints } from './components/area-map';
export { AreaMap } from './components/lazy-area-map';
export { PointPicker } from './components/lazy-point-picker';
export type { PointPickerProps } from './components/point-picker';
export type { BoundaryEditorProps, BoundaryProblem } from './editor/boundary-editor';
export { BoundaryEditor } from './editor/lazy-boundary-editor';
export type { MapPointLayer, PaintChange, PointStack, StackCloseReason } from './point-layer';
export type { StackedPoint } from './point-stack';
