#!/bin/sh
# Build the C kernels with their test on the host and run it (TAP lines).
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
OUT="$REPO/build/native/kernels_test"
mkdir -p "$(dirname "$OUT")"
gcc -std=c11 -O3 -Wall -Wextra -Werror -I"$REPO/native/csrc" -o "$OUT" \
	"$REPO/native/csrc/tests/kernels_test.c" "$REPO/native/csrc/kernels.c" -lm ||
	{ echo "not ok - kernels: the C test does not build"; exit 0; }
"$OUT"
# the engine's sorts and matrix product (sortlin)
SORT_OUT="$REPO/build/native/sort_test"
gcc -std=c11 -O3 -Wall -Wextra -Werror -I"$REPO/native/csrc" -o "$SORT_OUT" \
	"$REPO/native/csrc/tests/sort_test.c" "$REPO/native/csrc/engine/sort.c" "$REPO/native/csrc/engine/matmul.c" -lm ||
	{ echo "not ok - sort: the C test does not build"; exit 0; }
"$SORT_OUT"
