export { formatUpdatedLabel } from './format/format-updated-label';
export { parseUpdatedLabel } from './parse/parse-updated-label';
export { isWithinPrecision } from './precision/is-within-precision';
export { DEFAULT_TIME_ZONE } from './updated-label.types';
export type { ParsedUpdatedLabel, UpdatedLabelOptions } from './updated-label.types';
