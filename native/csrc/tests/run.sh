#!/bin/sh
# Build the C kernels with their test on the host and run it (TAP lines).
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
OUT="$REPO/build/native/kernels_test"
mkdir -p "$(dirname "$OUT")"
gcc -std=c11 -O3 -Wall -Wextra -Werror -I"$REPO/native/csrc" -o "$OUT" \
	"$REPO/native/csrc/tests/kernels_test.c" "$REPO/native/csrc/kernels.c" -lm ||
	{ echo "not ok - kernels: the C test does not build"; exit 0; }
"$OUT"

# the engine (native/csrc/engine/): iterator, casts, loops
ENGINE="$REPO/build/native/engine_test"
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$REPO/native/csrc/engine" -o "$ENGINE" \
	"$REPO/native/csrc/engine/tests/engine_test.c" "$REPO"/native/csrc/engine/*.c -lm ||
	{ echo "not ok - engine: the C test does not build"; exit 0; }
"$ENGINE"

# the math ufuncs' inner loops (native/csrc/engine/loops_math.c)
MATH_OUT="$REPO/build/native/math_test"
gcc -std=c11 -O3 -Wall -Wextra -Werror -I"$REPO/native/csrc/engine" -o "$MATH_OUT" \
	"$REPO/native/csrc/engine/tests/math_test.c" "$REPO/native/csrc/engine/loops_math.c" \
	"$REPO/native/csrc/engine/loops_math_vec.c" -lm ||
	{ echo "not ok - math: the C test does not build"; exit 0; }
"$MATH_OUT"

# the engine's sorts and matrix product (sortlin)
SORT_OUT="$REPO/build/native/sort_test"
gcc -std=c11 -O3 -Wall -Wextra -Werror -I"$REPO/native/csrc" -o "$SORT_OUT" \
	"$REPO/native/csrc/tests/sort_test.c" "$REPO/native/csrc/engine/sort.c" "$REPO/native/csrc/engine/matmul.c" -lm ||
	{ echo "not ok - sort: the C test does not build"; exit 0; }
"$SORT_OUT"

