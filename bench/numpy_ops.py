"""numpy's side of bench/np-vs-numpy: the same operations on the same file.

usage: python3 bench/numpy_ops.py FILE
Reads one JSON case per line on stdin, {op, dtype, n}: a = the file's first
n elements as dtype, b the next n; answers each with one line, the median
milliseconds per call. Kept running so that the TypeScript side can
alternate with it case by case (machine noise then hits both alike).
"""
import json
import sys
import time

import numpy as np


def call(op, a, b):
    if op == 'add': return lambda: np.add(a, b, out=a)
    if op == 'subtract': return lambda: np.subtract(a, b, out=a)
    if op == 'multiply': return lambda: np.multiply(a, b, out=a)
    if op == 'divide': return lambda: np.divide(a, b, out=a)
    if op == 'bitwise_and': return lambda: np.bitwise_and(a, b, out=a)
    if op == 'bitwise_or': return lambda: np.bitwise_or(a, b, out=a)
    if op == 'bitwise_xor': return lambda: np.bitwise_xor(a, b, out=a)
    if op == 'minimum': return lambda: np.minimum(a, b, out=a)
    if op == 'maximum': return lambda: np.maximum(a, b, out=a)
    if op == 'iadd_scalar': return lambda: a.__iadd__(3)
    if op == 'imul_scalar': return lambda: a.__imul__(1)
    if op == 'fill': return lambda: a.fill(1)
    if op == 'copyto': return lambda: np.copyto(a, b)
    if op == 'sum': return lambda: a.sum()
    if op == 'min': return lambda: a.min()
    if op == 'max': return lambda: a.max()
    raise ValueError(op)


def median_ms(fn, budget=0.3):
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < 5 or (time.perf_counter() - start < budget and len(times) < 200):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2] * 1000


def main():
    path = sys.argv[1]
    print(json.dumps({'numpy': np.__version__}), flush=True)
    with np.errstate(all='ignore'):
        for line in sys.stdin:
            c = json.loads(line)
            dt = np.dtype(c['dtype'])
            n = c['n']
            a = np.memmap(path, dtype=dt, mode='r+', shape=(n,))
            b = np.memmap(path, dtype=dt, mode='r+', offset=n * dt.itemsize, shape=(n,))
            a[:] = 2  # the same start as the TypeScript side
            b[:] = 1
            print(json.dumps(median_ms(call(c['op'], a, b))), flush=True)


main()
