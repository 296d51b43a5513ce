/** The eval function table, and the names of Splunk functions the engine does not implement. */
import { conditionalFunctions } from './conditional';
import { conversionFunctions } from './conversion';
import { mathFunctions } from './math';
import { multivalueFunctions } from './multivalue';
import { textFunctions } from './text';
import { timeFunctions } from './time';
import type { FunctionSpec } from './types';

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  Object.entries({
    ...conditionalFunctions,
    ...conversionFunctions,
    ...mathFunctions,
    ...multivalueFunctions,
    ...textFunctions,
    ...timeFunctions,
  }),
);

/** Splunk SPL1 eval functions that exist but are not implemented offline. */
export const KNOWN_UNSUPPORTED = new Set([
  'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'bit_and', 'bit_or', 'bit_not', 'bit_xor', 'bit_shift_left', 'bit_shift_right',
  'commands', 'cos', 'cosh', 'hypot', 'ipmask', 'json_append', 'json_array', 'json_array_to_mv', 'json_delete', 'json_entries',
  'json_extend', 'json_extract', 'json_extract_exact', 'json_has_key_exact', 'json_keys', 'json_object', 'json_set', 'json_set_exact',
  'json_valid', 'lookup', 'mv_to_json_array', 'mvmap', 'sigfig', 'sin', 'sinh', 'spath', 'tan', 'tanh', 'tojson', 'isnotnull_or_empty',
]);
