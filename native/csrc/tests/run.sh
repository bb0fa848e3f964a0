#!/bin/sh
# The plain-C tests of the addon's engine (native/csrc/engine/), built on
# the host without Node and run; each prints TAP lines.
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
OUT="$REPO/build/native"
OBJ="$OUT/ctest-obj"
E="$REPO/native/csrc/engine"
CFLAGS="-std=c11 -O2 -pthread -Wall -Wextra -Werror -I$REPO/native/csrc -I$E"
mkdir -p "$OBJ"

# The engine's sources are compiled once, in parallel, for the tests that
# link all of them (engine_test, sort_test, reduce_test).
rm -f "$OBJ"/*.o
# shellcheck disable=SC2086
ls "$E"/*.c | xargs -P "$(nproc)" -I{} sh -c 'gcc $1 -c -o "$2/$(basename "$3" .c).o" "$3"' _ "$CFLAGS" "$OBJ" {} ||
	echo "not ok - engine objects: an engine source does not build (see above)"

# ctest NAME SOURCE...: build build/native/NAME from the sources and run it
ctest() {
	name=$1
	shift
	# shellcheck disable=SC2086
	gcc $CFLAGS -o "$OUT/$name" "$@" -lm ||
		{ echo "not ok - $name: the C test does not build"; return 0; }
	"$OUT/$name"
}

# the iterator, casts and arithmetic loops (with every loop table linked)
ctest engine_test "$E/tests/engine_test.c" "$OBJ"/*.o
# the math ufuncs' inner loops
ctest math_test "$E/tests/math_test.c" "$E/loops_math.c" "$E/loops_math_vec.c" "$E/pow_vec.c" "$E/hyp_vec.c"
# and with libmvec's AVX2 entry points on an AVX-512 CPU
ctest math_test_avx2 -DUM_VEC_AVX2_ONLY "$E/tests/math_test.c" "$E/loops_math.c" "$E/loops_math_vec.c" "$E/pow_vec.c" "$E/hyp_vec.c"
# the sorts, the matrix product, counting and take
ctest sort_test "$REPO/native/csrc/tests/sort_test.c" "$OBJ"/*.o
# the reductions: argmin/argmax, cumsum/cumprod, order statistics, mapped sums
ctest reduce_test "$REPO/native/csrc/tests/reduce_test.c" "$OBJ"/*.o
