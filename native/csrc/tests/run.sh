#!/bin/sh
# Build the C kernels with their test on the host and run it (TAP lines).
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
OUT="$REPO/build/native/kernels_test"
mkdir -p "$(dirname "$OUT")"
gcc -std=c11 -O3 -Wall -Wextra -Werror -I"$REPO/native/csrc" -o "$OUT" \
	"$REPO/native/csrc/tests/kernels_test.c" "$REPO/native/csrc/kernels.c" -lm ||
	{ echo "not ok - kernels: the C test does not build"; exit 0; }
"$OUT"
