/**
 * `np`: the numpy surface that code ported from numpy needs, over scijs
 * ndarrays. Use it as `import { np } from 'u-dma-buf'`.
 */
export {
  DType, type DTypeLike, type DTypeName, type AnyTypedArray, dtype, allDTypes,
  int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, intp, uintp, sumDType,
} from './dtype.js';
export { type NdArray, type Element, type ShapeLike, type Scalar } from './ndarray.js';
export { memmap, type MemmapOptions, type MemmapMode } from './memmap.js';
export { zeros, empty, full, arange, array } from './create.js';
export {
  add, subtract, multiply, divide, bitwise_and, bitwise_or, bitwise_xor, right_shift, left_shift, minimum, maximum,
  iadd, isub, imul, type OutArg,
} from './ops.js';
export { fill, copyto } from './fill.js';
export { astype } from './cast.js';
export { sum, min, max } from './reduce.js';
export { promote_types, canCastSameKind } from './promote.js';
export { IndexError, ValueError, AxisError, OverflowError, normalizeAxis } from './errors.js';

// ---- engine: dtypes, type rules, ufunc machinery, arithmetic/comparison/bitwise/logical ufuncs, casts ----
export {
  bool, BoolArray, dtypeOf, type DTypeKind, type DTypeString, type HasData, type TypedArrayOf,
} from './dtype.js';
export { result_type, can_cast, type Casting } from './promote.js';
export {
  defineUfunc, callUfunc, ufuncs, functions, aliasUfunc,
  type Ufunc, type UfuncOptions, type UfuncSpec, type Operand, type ScalarFn,
} from './ufunc/index.js';
export { allocate } from './alloc.js';
export {
  true_divide, fmin, fmax, invert, bitwise_not, equal, not_equal, less, less_equal, greater, greater_equal,
  logical_and, logical_or, logical_xor, logical_not, where,
  itruediv, ifloordiv, imod, ipow, iand, ior, ixor, ilshift, irshift,
  type BinaryUfunc, type PredicateUfunc, type UnaryUfunc, type ScalarOperand,
} from './ops.js';
export { type AstypeOptions } from './cast.js';
export { type CopytoOptions, type FillValue } from './fill.js';
// sortlin: sorting and counting, linear algebra, stdlib interop, testing
export {
  sort, argsort, searchsorted, unique, histogram, bincount, digitize,
  type SortOptions, type SortKind, type SearchOptions, type UniqueOptions, type BincountOptions,
  type DigitizeOptions, type HistogramOptions, type IntpName,
} from './sort.js';
export {
  matmul, dot, vdot, inner, outer, tensordot, type LinalgOperand, type OutOptions, type TensordotAxes,
} from './linalg.js';
export {
  array_equal, array_equiv, isclose, allclose, type CompareOperand, type ArrayEqualOptions, type CloseOptions,
} from './testing.js';
export { toStdlib, fromStdlib, type StdlibNdarray } from './stdlib.js';
