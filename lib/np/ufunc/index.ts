/**
 * The ufunc machinery: {@link defineUfunc} makes a numpy ufunc from its
 * loops, {@link callUfunc} calls one. Other modules define their ufuncs
 * here and find each other's through {@link ufuncs} by numpy name.
 */
import { type Loop, type Operand, type Ufunc, type UfuncOptions, type UfuncSpec, functions, parseSig, ufuncs } from './define.js';
import { callUfunc } from './call.js';
import { type ArgPosition, type OptionKeys, plainOptions, extraArgument } from '../axisarg.js';

export type { Loop, Operand, ScalarFn, Ufunc, UfuncOptions, UfuncSpec } from './define.js';
export { functions, parseSig, sigOf, ufuncs } from './define.js';
export { broadcastStrides, callUfunc, iterate, resolveLoop, scalarOf, setNativeOff, setSmallLimit, smallLimitOf, weakValue, type IterOperand } from './call.js';
export { jsCaster } from './jscast.js';

/**
 * Make a numpy ufunc: `name`, `nin` inputs and `nout` outputs, its loops as
 * numpy lists them (`types`), and `js(sig)`, each loop's element function
 * for when the addon (or its C loop) is absent. The ufunc is registered in
 * {@link ufuncs} under `name` and is called as `u(x1, …, out?)` or
 * `u(x1, …, { out, dtype, casting, where })`.
 *
 * @example
 * ```ts
 * const hypot2 = np.defineUfunc({ name: 'hypot2', nin: 2, nout: 1, types: ['dd->d'], js: () => (x, y) => x * x + y * y });
 * hypot2(np.array([3]), 4) // => array([25.])
 * ```
 */
export function defineUfunc(spec: UfuncSpec): Ufunc {
  if (arguments.length > 1) extraArgument('np.defineUfunc', 1, arguments[1]);
  const loops: Loop[] = [];
  for (const sig of spec.types) {
    const p = parseSig(sig, spec.nin, spec.nout);
    if (!p) continue; // a type this layer does not have (float16, complex, object)
    const canonical = `${p.ins.map((t) => t.char).join('')}->${p.outs.map((t) => t.char).join('')}`;
    if (loops.some((l) => l.sig === canonical)) continue; // 'l' and 'q' are one type here
    loops.push({ sig: canonical, ins: p.ins, outs: p.outs, native: -2 });
  }
  const nin = spec.nin;
  const call = (args: unknown[]): ReturnType<Ufunc> => {
    if (args.length > nin + 1) {
      throw new TypeError(
        `np.${spec.name}: takes ${nin} input${nin === 1 ? '' : 's'}, then the out array or an options object; got ` +
          `${args.length} arguments: give out with the other options, np.${spec.name}(${nin === 1 ? 'a' : 'a, b'}, { out, where })`,
      );
    }
    return callUfunc(u, args.slice(0, nin) as Operand[], optsOf(spec.name, nin, args[nin]));
  };
  // fixed-arity wrappers for one and two inputs: no argument arrays per call
  const f =
    nin === 1
      ? (a: unknown, o?: unknown, x?: unknown) => (x === undefined ? callUfunc(u, [a as Operand], optsOf(spec.name, 1, o)) : call([a, o, x]))
      : nin === 2
        ? (a: unknown, b: unknown, o?: unknown, x?: unknown) =>
          x === undefined ? callUfunc(u, [a as Operand, b as Operand], optsOf(spec.name, 2, o)) : call([a, b, o, x])
        : (...args: unknown[]) => call(args);
  const u = Object.assign(f, {
    nin, nout: spec.nout, nargs: nin + spec.nout, types: spec.types, identity: spec.identity, spec, loops,
    cache: new Map<number, Loop>(),
  }) as unknown as Ufunc;
  Object.defineProperty(u, 'name', { value: spec.name });
  ufuncs.set(spec.name, u);
  return u;
}

function isArrayLike(x: unknown): boolean {
  return Array.isArray(x) || (typeof x === 'object' && x !== null && ArrayBuffer.isView((x as { data?: unknown }).data));
}

/** The keys of {@link UfuncOptions}, in numpy's order: any other key is refused. */
export const UFUNC_OPTION_KEYS: OptionKeys<UfuncOptions> = { out: true, where: true, casting: true, dtype: true };

/**
 * The options of ufunc `name` from the argument after its `nin` inputs: the
 * out array (numpy's positional out), an options object, or nothing; a
 * number, string or boolean there is a TypeError, not ignored.
 */
function optsOf(name: string, nin: number, o: unknown): UfuncOptions | undefined {
  if (o === undefined || o === null) return undefined;
  if (isArrayLike(o)) return { out: o as UfuncOptions['out'] };
  const position: ArgPosition = nin === 1 ? 'second' : nin === 2 ? 'third' : 'fourth';
  return plainOptions(`np.${name}`, o as UfuncOptions, UFUNC_OPTION_KEYS, '{ out: result } (or the out array itself)', position);
}

/** Register an alias of a ufunc under another numpy name (np.divide / np.true_divide). */
export function aliasUfunc(name: string, u: Ufunc): Ufunc {
  if (arguments.length > 2) extraArgument('np.aliasUfunc', 2, arguments[2]);
  ufuncs.set(name, u);
  return u;
}

/** Look a function up that another module registered (see {@link functions}). */
export function lookupFunction(name: string): ((...args: never[]) => unknown) | undefined {
  return functions.get(name);
}
