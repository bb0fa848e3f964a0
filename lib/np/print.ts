/**
 * Printing arrays as numpy prints them: `repr` (`array([1, 2], dtype=uint8)`),
 * `str` (`[1 2]`) and array2string, with numpy's print options (threshold
 * and edgeitems for summarising with `...`, precision/floatmode/suppress/sign
 * for floats, linewidth for wrapping).
 *
 * Floats follow numpy's rules: the shortest digits that read back as the
 * same float (float32's own shortest for float32), cut to `precision`
 * fractional digits with exact round-half-even; one layout (positional or
 * scientific) and one width for the whole array.
 */
import { type DType, intp } from './dtype.js';
import { DTypeError, ValueError } from './errors.js';
import { isMemmap } from './memmap.js';
import { type OptionKeys, plainOptions, extraArgument } from './axisarg.js';
import { type NdArray, arrayArg, describeArg, dtypeOfArray, setInspector, shapeText } from './ndarray.js';

/** numpy's float modes: how many fractional digits floats show. */
export type FloatMode = 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';

/** numpy's print options. */
export interface PrintOptions {
  /** Fractional digits of floats (default 8). */
  precision: number;
  /** Arrays with more elements than this are summarised (default 1000). */
  threshold: number;
  /** Items shown at each end of a summarised axis (default 3). */
  edgeitems: number;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Never use scientific notation for small values; they print as 0 (default false). */
  suppress: boolean;
  /** How many fractional digits floats show (default 'maxprec'). */
  floatmode: FloatMode;
  /** '-' (default): minus only; '+': always a sign; ' ': a space where the sign would be. */
  sign: '-' | '+' | ' ';
  /** Text of not-a-number (default 'nan'). */
  nanstr: string;
  /** Text of infinity (default 'inf'). */
  infstr: string;
  /**
   * Functions that print elements, as numpy's `formatter` (their text is
   * used as is, no common width): by kind `bool`, `int`, `float`, or
   * `int_kind`/`float_kind`, or `all`; the specific key wins. null: none.
   */
  formatter?: Formatter | null;
}

/** The keys of {@link PrintOptions}, in numpy's order: any other key is refused. */
export const PRINT_OPTION_KEYS: OptionKeys<PrintOptions> = {
  precision: true, threshold: true, edgeitems: true, linewidth: true, suppress: true, nanstr: true, infstr: true,
  formatter: true, sign: true, floatmode: true,
};

/** numpy's `formatter` print option: element printers by kind. */
export interface Formatter {
  all?: (x: number | bigint | boolean) => string;
  bool?: (x: boolean) => string;
  int?: (x: number | bigint) => string;
  int_kind?: (x: number | bigint) => string;
  float?: (x: number) => string;
  float_kind?: (x: number) => string;
}

const DEFAULTS: PrintOptions = {
  precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false,
  floatmode: 'maxprec', sign: '-', nanstr: 'nan', infstr: 'inf',
};

let current: PrintOptions = { ...DEFAULTS };

const FLOAT_MODES: readonly FloatMode[] = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];

function checked(opts: Partial<PrintOptions>): PrintOptions {
  const o: PrintOptions = { ...current };
  for (const [k, v] of Object.entries(opts)) {
    if (v !== undefined && v !== null) (o as unknown as Record<string, unknown>)[k] = v;
  }
  if ('formatter' in opts && !opts.formatter) delete o.formatter;
  if (!FLOAT_MODES.includes(o.floatmode)) {
    throw new ValueError(`floatmode option must be one of ${FLOAT_MODES.join(', ')}`);
  }
  if (!['-', '+', ' '].includes(o.sign)) throw new ValueError("sign option must be one of ' ', '+', or '-'");
  if (typeof o.threshold !== 'number') throw new DTypeError('threshold must be numeric');
  if (Number.isNaN(o.threshold)) {
    throw new ValueError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
  }
  for (const k of ['precision', 'edgeitems', 'linewidth'] as const) {
    if (!Number.isInteger(o[k])) throw new DTypeError(`${k} must be an integer`);
  }
  if (o.precision < 0) throw new ValueError('precision must be >= 0');
  return o;
}

/**
 * Set the print options, as `numpy.set_printoptions`: only the options
 * given change.
 *
 * @example
 * ```ts
 * np.set_printoptions({ precision: 3 });
 * np.array_repr(np.array([Math.PI])) // => array([3.142])
 * np.set_printoptions({ precision: 8 });
 * ```
 */
export function set_printoptions(options?: Partial<PrintOptions>): void {
  if (arguments.length > 1) extraArgument('np.set_printoptions', 1, arguments[1]);
  current = checked(plainOptions('np.set_printoptions', options, PRINT_OPTION_KEYS, '{ precision: 3 }', 'first'));
}

/**
 * The current print options, as `numpy.get_printoptions` (a copy).
 *
 * @example
 * ```ts
 * np.get_printoptions().threshold // => 1000
 * ```
 */
export function get_printoptions(): PrintOptions {
  if (arguments.length > 0) extraArgument('np.get_printoptions', 0, arguments[0]);
  return { formatter: null, ...current };
}

/**
 * Run `fn` with some print options changed, then restore them, as numpy's
 * `with np.printoptions(...)`.
 *
 * @example
 * ```ts
 * np.printoptions({ precision: 2 }, () => np.array_str(np.array([1 / 3]))) // => [0.33]
 * ```
 */
export function printoptions<T>(options: Partial<PrintOptions>, fn: () => T): T {
  if (arguments.length > 2) extraArgument('np.printoptions', 2, arguments[2]);
  const opts = checked(plainOptions('np.printoptions', options, PRINT_OPTION_KEYS, '{ precision: 3 }', 'first'));
  if (typeof fn !== 'function') {
    throw new TypeError(
      'np.printoptions: the second argument is the function to run with these options, such as ' +
        `() => np.array_str(a) (np.set_printoptions sets them for good); got ${describeArg(fn)}`,
    );
  }
  const saved = current;
  current = opts;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

// ---------------------------------------------------------------- float digits

/** A finite non-negative decimal: digits d0.d1d2… × 10**exp (no trailing zeros but '0'). */
interface Decimal {
  digits: string;
  exp: number;
}

const F64 = new DataView(new ArrayBuffer(8));

/** |x| = m × 2**e exactly, m a whole number. */
function binary(x: number): [bigint, number] {
  F64.setFloat64(0, Math.abs(x));
  const hi = F64.getUint32(0);
  const lo = F64.getUint32(4);
  const biased = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** round(|x| × 10**q), ties to even, exactly. */
function scaledRound(x: number, q: number): bigint {
  const [m, e] = binary(x);
  let num = m;
  let den = 1n;
  if (q >= 0) num *= pow10(q);
  else den *= pow10(-q);
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  const quot = num / den;
  const twice = (num % den) * 2n;
  return twice > den || (twice === den && (quot & 1n) === 1n) ? quot + 1n : quot;
}

function parseExponential(s: string): Decimal {
  const [mant, ex] = s.split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(ex) };
}

/** The shortest digits that read back as x (in float32 when `f32`). */
function shortest(x: number, f32: boolean): Decimal {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', exp: 0 };
  if (!f32) return parseExponential(ax.toExponential());
  for (let p = 1; p < 9; p++) {
    const s = ax.toExponential(p - 1);
    if (Math.fround(Number(s)) === ax) return parseExponential(s);
  }
  return parseExponential(ax.toExponential(8));
}

/** |x| rounded to `p` fractional digits (positional), as [integer part, fraction]. */
function fixedDigits(x: number, p: number): [string, string] {
  const s = scaledRound(x, p).toString().padStart(p + 1, '0');
  return [s.slice(0, s.length - p), s.slice(s.length - p)];
}

/** Whether |x| < 10**k, exactly. */
function belowPow10(x: number, k: number): boolean {
  const [m, e] = binary(x);
  let lhs = m;
  let rhs = 1n;
  if (e >= 0) lhs <<= BigInt(e);
  else rhs <<= BigInt(-e);
  if (k >= 0) rhs *= pow10(k);
  else lhs *= pow10(-k);
  return lhs < rhs;
}

/**
 * |x| rounded to `p` fractional digits of the mantissa (scientific), with
 * the exponent of the exact value (a round-up to the next power of ten
 * moves it, as numpy's Dragon4 does).
 */
function scientificDigits(x: number, p: number): Decimal {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  let exp = shortest(x, false).exp;
  if (belowPow10(x, exp)) exp -= 1;
  let n = scaledRound(x, p - exp);
  if (n >= pow10(p + 1)) {
    exp += 1;
    n = scaledRound(x, p - exp);
  }
  return { digits: n.toString(), exp };
}

/** Positional [integer part, fraction] of |x| from its decimal digits. */
function positionalParts(d: Decimal): [string, string] {
  if (d.exp < 0) return ['0', '0'.repeat(-d.exp - 1) + d.digits.replace(/^0$/, '')];
  const int = d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, '0');
  return [int, d.digits.slice(d.exp + 1)];
}

interface Parts {
  sign: string;
  int: string;
  frac: string;
  /** Exponent digits with their sign, scientific only. */
  expSign?: string;
  expDigits?: string;
}

/**
 * The digits of finite x, as numpy's Dragon4 gives them: unique (the
 * shortest digits that read back as x, cut to `precision` fractional digits
 * when longer, extended with the exact value's next digits up to
 * `minDigits`) or exactly `precision` digits of the exact value; every cut is
 * exact round-half-even. `trim` drops trailing zeros.
 */
function floatParts(
  x: number, f32: boolean, scientific: boolean, precision: number | undefined, unique: boolean, plus: boolean,
  minDigits: number, trim: boolean,
): Parts {
  const sign = x < 0 || Object.is(x, -0) ? '-' : plus ? '+' : '';
  let count: number | undefined = unique ? undefined : precision ?? 0;
  if (unique) {
    const d = shortest(x, f32);
    const fracLen = scientific ? d.digits.length - 1 : positionalParts(d)[1].length;
    if (precision !== undefined && fracLen > precision) count = precision;
    else if (fracLen < minDigits && x !== 0) count = minDigits;
    if (count === undefined) {
      if (scientific) return sciParts(sign, d, x, trim);
      const [int, frac] = positionalParts(d);
      return { sign, int, frac: trim ? frac.replace(/0+$/, '') : frac };
    }
  }
  if (scientific) return sciParts(sign, scientificDigits(x, count!), x, trim);
  const [int, frac] = fixedDigits(x, count!);
  return { sign, int, frac: trim ? frac.replace(/0+$/, '') : frac };
}

function sciParts(sign: string, d: Decimal, x: number, trim: boolean): Parts {
  const frac = d.digits.slice(1);
  const e = x === 0 ? 0 : d.exp;
  return { sign, int: d.digits[0], frac: trim ? frac.replace(/0+$/, '') : frac, expSign: e < 0 ? '-' : '+', expDigits: String(Math.abs(e)) };
}

// ---------------------------------------------------------------- formatters

type Value = number | bigint | boolean;
type Format = (v: Value) => string;

function boolFormat(zeroD: boolean): Format {
  const t = zeroD ? 'True' : ' True';
  return (v) => (v ? t : 'False');
}

function intFormat(values: readonly Value[], o: PrintOptions): Format {
  let width = 0;
  let sign = o.sign;
  if (values.length > 0) {
    let min = values[0] as number | bigint;
    let max = min;
    for (const v of values as (number | bigint)[]) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (sign === ' ' && min < 0) sign = '-';
    let maxLen = String(max).length;
    if (max >= 0 && sign !== '-') maxLen += 1;
    width = Math.max(maxLen, String(min).length);
  }
  return (v) => {
    const n = v as number | bigint;
    const s = n >= 0 && sign !== '-' ? sign + String(n) : String(n);
    return s.padStart(width);
  };
}

const maxOf = (xs: readonly number[]): number => xs.reduce((m, x) => (x > m ? x : m), 0);

function floatFormat(values: readonly number[], o: PrintOptions, f32: boolean): Format {
  const finite = values.filter(Number.isFinite);
  const round = f32 ? Math.fround : (x: number) => x;
  const plus = o.sign === '+';
  let scientific = false;
  let max = 0;
  let min = Infinity;
  for (const v of finite) {
    const ax = Math.abs(v);
    if (ax !== 0 && ax > max) max = ax;
    if (ax !== 0 && ax < min) min = ax;
  }
  if (max > 0) {
    // scientific from 1e8, or from 10**precision of the dtype when smaller (1e6 for float32)
    scientific = max >= (f32 ? 1e6 : 1e8) || (!o.suppress && (min < round(1e-4) || round(max / min) > 1000));
  }
  let precision: number | undefined = o.floatmode === 'unique' ? undefined : o.precision;
  let unique = true;
  let minDigits = 0;
  let keepZeros = false;
  let padLeft = 0;
  let padRight = 0;
  let expSize = -1;
  if (finite.length > 0) {
    const fixed = o.floatmode === 'fixed';
    const parts = finite.map((v) => floatParts(v, f32, scientific, precision, !fixed, plus, 0, !fixed));
    unique = !fixed;
    padLeft = maxOf(parts.map((p) => p.sign.length + p.int.length));
    if (scientific) {
      expSize = maxOf(parts.map((p) => Math.max(2, p.expDigits!.length)));
      precision = maxOf(parts.map((p) => p.frac.length));
      minDigits = precision;
      keepZeros = true;
      padRight = expSize + 2 + precision;
    } else {
      padRight = maxOf(parts.map((p) => p.frac.length));
      if (o.floatmode === 'fixed' || o.floatmode === 'maxprec_equal') {
        precision = minDigits = padRight;
        keepZeros = true;
      }
    }
    if (o.sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) padLeft += 1;
  }
  if (finite.length !== values.length) {
    const negInf = o.sign !== '-' || values.some((v) => v === -Infinity);
    padLeft = Math.max(padLeft, o.nanstr.length - (padRight + 1), o.infstr.length + (negInf ? 1 : 0) - (padRight + 1));
  }
  const width = padLeft + padRight + 1;
  return (v) => {
    const x = v as number;
    if (!Number.isFinite(x)) {
      const s = Number.isNaN(x)
        ? (plus ? '+' : '') + o.nanstr
        : (x < 0 ? '-' : plus ? '+' : '') + o.infstr;
      return s.padStart(width);
    }
    const p = floatParts(x, f32, scientific, precision, unique, plus, minDigits, !keepZeros);
    const frac = keepZeros ? p.frac.padEnd(minDigits, '0') : p.frac;
    const head = (p.sign + p.int).padStart(padLeft);
    if (scientific) return `${head}.${frac}e${p.expSign}${p.expDigits!.padStart(expSize, '0')}`;
    return `${head}.${frac.padEnd(padRight)}`;
  };
}

// ---------------------------------------------------------------- layout

const isBool = (dt: DType): boolean => dt.char === '?';

/** Reads element `p` of the data: booleans as booleans. */
function reader(a: NdArray): (p: number) => Value {
  const data = a.data as unknown as ArrayLike<number | bigint>;
  if (isBool(dtypeOfArray(a))) return (p) => data[p] !== 0;
  return (p) => data[p];
}

/** The indices shown along an axis of length n. */
function shown(n: number, summarise: boolean, edge: number): number[] {
  const all = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  return summarise && n > 2 * edge ? [...all(0, edge), ...all(n - edge, n)] : all(0, n);
}

/** The values that will be printed (numpy formats with these only). */
function shownValues(a: NdArray, summarise: boolean, edge: number): Value[] {
  const read = reader(a);
  const out: Value[] = [];
  const walk = (axis: number, p: number): void => {
    if (axis === a.shape.length) {
      out.push(read(p));
      return;
    }
    for (const i of shown(a.shape[axis], summarise, edge)) walk(axis + 1, p + i * a.stride[axis]);
  };
  walk(0, a.offset);
  return out;
}

function formatterFor(a: NdArray, values: readonly Value[], o: PrintOptions): Format {
  const dt = dtypeOfArray(a);
  const f = o.formatter;
  if (f) {
    const kind = isBool(dt) ? 'bool' : dt.kind === 'f' ? 'float' : 'int';
    const chosen = kind === 'bool' ? f.bool ?? f.all : kind === 'int' ? f.int ?? f.int_kind ?? f.all : f.float ?? f.float_kind ?? f.all;
    if (chosen) return (v) => String((chosen as (x: Value) => string)(v));
  }
  if (isBool(dt)) return boolFormat(a.shape.length === 0);
  if (dt.kind === 'f') return floatFormat(values as number[], o, dt.itemsize === 4);
  return intFormat(values, o);
}

/** Options of {@link array2string}, named as numpy's. */
export interface Array2StringOptions extends Partial<PrintOptions> {
  /** Characters per line; overrides linewidth. */
  max_line_width?: number;
  /** Overrides suppress. */
  suppress_small?: boolean;
  /** Between elements; default ' '. */
  separator?: string;
  /** Text that will precede the output: continuation lines are indented by its length. */
  prefix?: string;
  /** Text that will follow the output: the last line leaves room for it. */
  suffix?: string;
}

/** The keys of {@link Array2StringOptions}. */
export const ARRAY2STRING_OPTION_KEYS: OptionKeys<Array2StringOptions> = {
  ...PRINT_OPTION_KEYS, max_line_width: true, suppress_small: true, separator: true, prefix: true, suffix: true,
};

/** Refuse to print an array whose memory is gone (a closed mapping reads as zero length). */
function checkInBounds(a: NdArray): void {
  let lo = a.offset;
  let hi = a.offset;
  a.shape.forEach((n, d) => {
    const reach = (n - 1) * a.stride[d];
    if (reach < 0) lo += reach;
    else hi += reach;
  });
  const length = (a.data as unknown as ArrayLike<unknown>).length;
  if (lo < 0 || hi >= length) {
    throw new ValueError(`the array's memory is gone (elements ${lo}..${hi} of ${length}): was its buffer or mapping closed?`);
  }
}

function layout(a: NdArray, o: PrintOptions, separator: string, prefix: string, suffix: string): string {
  if (a.size === 0) return '[]';
  checkInBounds(a);
  const summarise = a.size > o.threshold;
  const edge = o.edgeitems;
  const fmt = formatterFor(a, shownValues(a, summarise, edge), o);
  const read = reader(a);
  const sepTrim = separator.trimEnd();
  const elementRoom = Math.max(sepTrim.length, 1);

  const addWord = (state: { s: string; line: string }, word: string, width: number, indent: string): void => {
    if (state.line.length + word.length > width && state.line.length > indent.length) {
      state.s += state.line.trimEnd() + '\n';
      state.line = indent;
    }
    state.line += word;
  };

  const render = (axis: number, p: number, indent: string, width: number): string => {
    const left = a.shape.length - axis;
    if (left === 0) return fmt(read(p));
    const n = a.shape[axis];
    const idx = shown(n, summarise, edge);
    const cut = summarise && n > 2 * edge;
    const inner = indent + ' ';
    const innerWidth = width - 1;
    let body: string;
    if (left === 1) {
      const state = { s: '', line: indent };
      const room = width - elementRoom;
      idx.forEach((i, k) => {
        if (cut && k === edge) {
          addWord(state, '...', room, indent);
          state.line += separator;
        }
        addWord(state, render(axis + 1, p + i * a.stride[axis], inner, innerWidth), room, indent);
        if (k < idx.length - 1) state.line += separator;
      });
      body = state.s + state.line;
    } else {
      const rowSep = sepTrim + '\n'.repeat(left - 1);
      const rows = idx.map((i) => indent + render(axis + 1, p + i * a.stride[axis], inner, innerWidth));
      if (cut) rows.splice(edge, 0, indent + '...');
      body = rows.join(rowSep);
    }
    return '[' + body.slice(indent.length) + ']';
  };
  return render(0, a.offset, ' ' + ' '.repeat(prefix.length), o.linewidth - suffix.length);
}

function resolveOptions(opts: Array2StringOptions): PrintOptions {
  const o: Partial<PrintOptions> = { ...opts };
  if (opts.max_line_width !== undefined) o.linewidth = opts.max_line_width;
  if (opts.suppress_small !== undefined) o.suppress = opts.suppress_small;
  return checked(o);
}

/**
 * The text of an array's elements, as `numpy.array2string`.
 *
 * @param a - the array
 * @param options - print options for this call, `separator` (' '), `prefix`, `suffix`
 * @example
 * ```ts
 * np.array2string(np.array([1, 2, 3]), { separator: ', ' }) // => [1, 2, 3]
 * ```
 */
export function array2string(a: NdArray, optionsArg?: Array2StringOptions): string {
  if (arguments.length > 2) extraArgument('np.array2string', 2, arguments[2]);
  arrayArg('np.array2string', a);
  const options = plainOptions('np.array2string', optionsArg, ARRAY2STRING_OPTION_KEYS, '{ precision: 3 }');
  const o = resolveOptions(options);
  return layout(a, o, options.separator ?? ' ', options.prefix ?? '', options.suffix ?? '');
}

/** numpy's repr of a dtype inside `dtype=…`. */
function dtypeText(dt: DType): string {
  return dt.name;
}

/**
 * An array as numpy's `repr` writes it: `array([...], dtype=…)`, the dtype
 * left out for the defaults (the platform integer, float64, bool);
 * `memmap([...])` for an array mapped by np.memmap or np.load's mmap_mode.
 *
 * @param a - the array
 * @param options - print options for this call (max_line_width, precision, suppress_small, …)
 * @example
 * ```ts
 * np.array_repr(np.array([1, 2], 'uint8')) // => array([1, 2], dtype=uint8)
 * np.array_repr(np.zeros(3)) // => array([0., 0., 0.])
 * ```
 */
export function array_repr(a: NdArray, optionsArg?: Array2StringOptions): string {
  if (arguments.length > 2) extraArgument('np.array_repr', 2, arguments[2]);
  arrayArg('np.array_repr', a);
  const options = plainOptions('np.array_repr', optionsArg, ARRAY2STRING_OPTION_KEYS, '{ precision: 3 }');
  const o = resolveOptions(options);
  const dt = dtypeOfArray(a);
  const prefix = isMemmap(a) ? 'memmap(' : 'array(';
  const body = prefix + layout(a, o, ', ', prefix, ')');
  const extras: string[] = [];
  // NumPy 2.2+ also gives the shape of a summarised array
  if ((a.size === 0 && !(a.shape.length === 1 && a.shape[0] === 0)) || a.size > o.threshold) {
    extras.push(`shape=${shapeText(a.shape)}`);
  }
  const implied = dt === intp || dt.name === 'float64' || isBool(dt);
  if (!implied || a.size === 0) extras.push(`dtype=${dtypeText(dt)}`);
  if (extras.length === 0) return body + ')';
  const tail = extras.join(', ') + ')';
  const lastLine = body.length - (body.lastIndexOf('\n') + 1) + 1;
  const spacer = lastLine + tail.length + 1 > o.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return body + ',' + spacer + tail;
}

/** numpy's str of a scalar of dtype `dt`. */
function scalarText(v: Value, dt: DType): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint' || dt.kind !== 'f') return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v < 0 ? '-inf' : 'inf';
  const ax = Math.abs(v);
  const f32 = dt.itemsize === 4;
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  const d = shortest(v, f32);
  // numpy's scalars switch to scientific below 1e-4 and from 1e16 (1e6 for float32)
  if (ax !== 0 && (ax < 1e-4 || ax >= (f32 ? 1e6 : 1e16))) {
    const frac = d.digits.slice(1);
    const e = d.exp;
    return `${sign}${d.digits[0]}${frac ? '.' + frac : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const [int, frac] = positionalParts(d);
  return `${sign}${int}.${frac || '0'}`;
}

/**
 * An array as numpy's `str` writes it: `[1 2 3]`; a 0-d array as its
 * scalar (`5`, `1.5`, `True`).
 *
 * @param a - the array
 * @param options - print options for this call
 * @example
 * ```ts
 * np.array_str(np.array([1, 2, 3])) // => [1 2 3]
 * np.array_str(np.array(2.5)) // => 2.5
 * ```
 */
export function array_str(a: NdArray, optionsArg?: Array2StringOptions): string {
  if (arguments.length > 2) extraArgument('np.array_str', 2, arguments[2]);
  arrayArg('np.array_str', a);
  const options = plainOptions('np.array_str', optionsArg, ARRAY2STRING_OPTION_KEYS, '{ precision: 3 }');
  if (a.shape.length === 0) return scalarText(reader(a)(a.offset), dtypeOfArray(a));
  return array2string(a, options);
}

/**
 * The `util.inspect` hook: what `console.log(a)` prints, numpy's repr (or
 * what is wrong, for an array whose mapping was closed).
 *
 * @example
 * ```ts
 * np.inspectArray(np.arange(3), 2, {}) // => array([0, 1, 2])
 * ```
 */
export function inspectArray(a: NdArray, depth: number, options: object): string {
  if (arguments.length > 3) extraArgument('np.inspectArray', 3, arguments[3]);
  void depth;
  void options;
  arrayArg('np.inspectArray', a);
  try {
    return array_repr(a);
  } catch (err) {
    // console.log must not throw: say what is wrong instead of the elements
    return `array(<${(err as Error).message}>, shape=${shapeText(a.shape)})`;
  }
}

// console.log and util.inspect print every np array as numpy's repr
setInspector(inspectArray);
