"""numpy's side of bench/np-vs-numpy: the statement a numpy user would write,
on the same data as the TypeScript side, timed in the same run.

usage: python3 bench/numpy_ops.py
Prints {"numpy": version} first. Then reads one JSON request per line on
stdin and answers each with one JSON line:

  {"setup": CODE}                    run CODE in a fresh namespace (np bound);
                                     answer {"ok": true} or {"error": ...}
  {"check": STMT}                    run STMT once in that namespace; answer
                                     the result's shape, dtype and the sha1 of
                                     its C-ordered bytes (or the error)
  {"dump": STMT, "path": FILE}        run STMT once and write its C-ordered bytes
                                     to FILE (to measure how far ours is, in ULPs)
  {"time": STMT, "budget": SECONDS, "min_time": SECONDS}
                                     time STMT with timeit; answer "samples",
                                     the seconds per call of each repeat

STMT is Python code whose last line is an expression (its value is the
result), e.g. "img[:, :, 0] + img[:, :, 1]", or several lines with loops.
Kept running so that the TypeScript side alternates with it case by case:
machine noise then hits both alike. Statistics are computed on the Node side.
"""
import ast
import hashlib
import json
import sys
import timeit

import numpy as np


def compile_stmt(stmt, env):
    """STMT as a function of no arguments returning its last expression."""
    tree = ast.parse(stmt)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr):
        tree.body[-1] = ast.Return(value=last.value)
    module = ast.parse('def _case():\n    pass\n')
    # the setup's names stay global: `a += 3` updates the setup's `a`
    names = [k for k in env if k.isidentifier() and not k.startswith('__')]
    module.body[0].body = [ast.Global(names=names)] + (tree.body or [ast.Pass()])
    ast.fix_missing_locations(module)
    exec(compile(module, '<case>', 'exec'), env)
    return env.pop('_case')


def describe(result):
    """Shape, dtype name and sha1 of the C-ordered bytes of a result."""
    a = np.asarray(result)
    data = np.ascontiguousarray(a).tobytes()
    d = {'shape': list(a.shape), 'dtype': a.dtype.name, 'sha1': hashlib.sha1(data).hexdigest()}
    if a.ndim == 0:
        d['item'] = repr(a.item())
    return d


def samples(fn, budget, min_time):
    """Seconds per call, one sample per repeat of `number` calls."""
    timer = timeit.Timer(fn)
    one = max(timer.timeit(1), 1e-9)
    number = max(1, int(min_time / one))
    repeat = max(3, min(1000, int(budget / (one * number))))
    return [t / number for t in timer.repeat(repeat=repeat, number=number)]


def main():
    print(json.dumps({'numpy': np.__version__}), flush=True)
    env = {'np': np}
    with np.errstate(all='ignore'):
        for line in sys.stdin:
            req = json.loads(line)
            try:
                if 'setup' in req:
                    env = {'np': np}
                    exec(req['setup'], env)
                    answer = {'ok': True}
                elif 'dump' in req:
                    r = np.asarray(compile_stmt(req['dump'], env)())
                    with open(req['path'], 'wb') as f:
                        f.write(np.ascontiguousarray(r).tobytes())
                    answer = {'ok': True}
                elif 'check' in req:
                    answer = describe(compile_stmt(req['check'], env)())
                else:
                    fn = compile_stmt(req['time'], env)
                    answer = {'samples': samples(fn, req['budget'], req['min_time'])}
            except Exception as e:  # noqa: BLE001 - the error is the answer
                answer = {'error': '%s: %s' % (type(e).__name__, e)}
            print(json.dumps(answer), flush=True)


main()
