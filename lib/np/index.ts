/**
 * `np`: the numpy surface that code ported from numpy needs, over scijs
 * ndarrays. Use it as `import { np } from 'u-dma-buf'`.
 */
export {
  DType, type DTypeLike, type DTypeName, type AnyTypedArray, dtype, allDTypes,
  int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, intp, uintp, sumDType,
} from './dtype.js';
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

// ---- math: the mathematical ufuncs, round/around, clip, nan_to_num ----
export {
  floor_divide, remainder, mod, power, negative, positive, absolute, abs, sign, reciprocal, square,
  sqrt, cbrt, exp, exp2, expm1, log, log2, log10, log1p, sin, cos, tan, arcsin, arccos, arctan,
  sinh, cosh, tanh, arcsinh, arccosh, arctanh, deg2rad, radians, rad2deg, degrees, arctan2, hypot,
  copysign, heaviside, floor, ceil, trunc, rint, isnan, isinf, isfinite, signbit,
  round, around, clip, nan_to_num,
  type FloatUfunc, type FloatBinaryUfunc, type UnaryPredicateUfunc, type RoundOptions, type ClipOptions,
  type NanToNumOptions,
} from './math.js';

// ---- reduce: reductions (reduce.ts) and statistics (stats.ts) ----
export {
  prod, amin, amax, ptp, argmin, argmax, any, all, count_nonzero, cumsum, cumprod,
  type ReduceOptions, type ExtremeOptions, type ArgOptions, type AccumulateOptions, type CountOptions, type AxisLike,
  type ScalarResult,
} from './reduce.js';
export {
  mean, var, var_, std, average, median, percentile, quantile, nansum, nanmean, nanmin, nanmax,
  type VarOptions, type QuantileOptions, type MedianOptions, type AverageOptions,
} from './stats.js';

// shape: the array type, Python indexing, shape/joining and indexing functions
export {
  type NdArray, type Element, type ShapeLike, type Scalar, type ArrayOperand, type Inspector,
  setInspector, asArray, isWriteable, markReadOnly, shapeOf, isContiguous, dtypeOfArray,
} from './ndarray.js';
export { index, slice, newaxis, Slice, type IndexItem } from './slice.js';
export {
  reshape, ravel, squeeze, expand_dims, transpose, swapaxes, moveaxis, broadcast_to, broadcast_arrays, broadcast_shapes,
  flip, fliplr, flipud, rot90, atleast_1d, atleast_2d, atleast_3d, type ReshapeOptions, type SqueezeOptions,
} from './shape.js';
export { view, tolist, item, flatten, type Item, type ItemList } from './convert.js';
export {
  concatenate, stack, hstack, vstack, dstack, split, array_split, pad, roll, tile, repeat,
  type JoinOptions, type StackOptions, type StackingOptions, type SplitOptions, type RollOptions, type RepeatOptions,
  type PadWidth, type PadValues, type PadOptions,
} from './join.js';
export {
  take, take_along_axis, put, putmask, place, compress, extract, nonzero, argwhere, choose, select,
  type ArrayLike, type IndexMode, type TakeOptions, type TakeAlongAxisOptions, type CompressOptions, type PutOptions,
  type ChooseOptions,
} from './indexing.js';

// io: creation, printing, .npy and raw file I/O, machine limits
export {
  asarray, ascontiguousarray, ones, zeros_like, ones_like, empty_like, full_like, linspace, eye, identity, copy, ZeroDivisionError,
  type ArrayInput, type ArrayOptions, type DTypeOption, type LikeOptions, type LinspaceOptions, type EyeOptions,
} from './create.js';
export { iinfo, finfo, type IInfo, type FInfo } from './limits.js';
export { isMemmap } from './memmap.js';
export {
  array2string, array_repr, array_str, set_printoptions, get_printoptions, printoptions, inspectArray,
  type PrintOptions, type FloatMode, type Array2StringOptions, type Formatter,
} from './print.js';
export {
  save, load, fromfile, tofile, frombuffer, tobytes, EOFError, type LoadOptions, type FromOptions, type BufferSource,
  type ToBytesOptions,
} from './npyio.js';

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

export { diff, type DiffOptions } from './diff.js';
