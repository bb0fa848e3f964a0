/* SPDX-License-Identifier: MIT */
/*
 * sort_test.c - the engine's sorts and matrix product on their own, without
 * Node: numpy's order (NaN last, -0 equal to 0 and kept in input order),
 * stability of the permutation, every width, integer wraparound of matmul.
 * Prints TAP lines. Built and run by native/csrc/tests/run.sh.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/matmul.h"
#include "engine/sort.h"

static int failed, number;

static void ok(int cond, const char *what)
{
	printf("%sok %d - sort: %s\n", cond ? "" : "not ", ++number, what);
	failed += !cond;
}

static void test_float_order(void)
{
	double v[8] = { 3, NAN, -0.0, 1, 0.0, -INFINITY, -0.0, INFINITY };
	double want[8] = { -INFINITY, -0.0, 0.0, -0.0, 1, 3, INFINITY, NAN };
	int good = ue_sort(UE_FLOAT64, v, 8) == 0;

	for (int i = 0; i < 7; i++)
		good &= v[i] == want[i] && signbit(v[i]) == signbit(want[i]);
	ok(good && isnan(v[7]), "float64: NaN last, -0 and 0 equal and in input order");
}

static void test_argsort_stable(void)
{
	float v[6] = { 2, -0.0f, NAN, 0.0f, 2, -1 };
	int64_t idx[6], want[6] = { 5, 1, 3, 0, 4, 2 };

	ok(ue_argsort(UE_FLOAT32, v, 6, idx, 1) == 0 && !memcmp(idx, want, sizeof(want)),
	   "float32 argsort is stable: ties keep input order, NaN last");
}

static void test_integers(void)
{
	int64_t q[5] = { INT64_MAX, -1, INT64_MIN, 0, 1 };
	int64_t qw[5] = { INT64_MIN, -1, 0, 1, INT64_MAX };
	uint16_t h[5] = { 65535, 0, 300, 299, 1 };
	uint16_t hw[5] = { 0, 1, 299, 300, 65535 };
	int8_t b[4] = { 127, -128, 0, -1 };
	int8_t bw[4] = { -128, -1, 0, 127 };
	int32_t idx[4], iw[4] = { 1, 3, 2, 0 };

	ok(ue_sort(UE_INT64, q, 5) == 0 && !memcmp(q, qw, sizeof(qw)), "int64 extremes sort exactly");
	ok(ue_sort(UE_UINT16, h, 5) == 0 && !memcmp(h, hw, sizeof(hw)), "uint16 sorts");
	ok(ue_argsort(UE_INT8, (int8_t[]){ 127, -128, 0, -1 }, 4, idx, 0) == 0 && !memcmp(idx, iw, sizeof(iw)),
	   "int8 argsort into int32 indices");
	ok(ue_sort(UE_INT8, b, 4) == 0 && !memcmp(b, bw, sizeof(bw)), "int8 counting sort");
	ok(ue_sort(UE_NTYPES, b, 4) == -1, "an unknown dtype is refused");
}

static void test_matmul(void)
{
	int32_t a[4] = { 70000, 1, 2, 3 }, b[4] = { 70000, 0, 1, 1 }, c[4];
	double x[6] = { 1, 2, 3, 4, 5, 6 }, y[2], want[2] = { 14, 32 };
	uint8_t t[2] = { 1, 0 }, f[2] = { 0, 1 }, r;

	/* [[70000, 1], [2, 3]] @ [[70000, 0], [1, 1]], wrapping in int32 */
	ue_matmul(UE_INT32, 2, 2, 2, a, 2, 1, b, 2, 1, c, 2, 1);
	ok(c[0] == (int32_t)(uint32_t)(70000u * 70000u + 1u) && c[1] == 1 && c[2] == 140003 && c[3] == 3,
	   "int32 matmul wraps as numpy");
	/* a transposed, strided view: x as 2x3 read through strides, times (1, 2, 3) */
	ue_matmul(UE_FLOAT64, 2, 1, 3, x, 3, 1, (double[]){ 1, 2, 3 }, 1, 1, y, 1, 1);
	ok(y[0] == want[0] && y[1] == want[1], "float64 matrix-vector");
	ue_matmul(UE_BOOL, 1, 1, 2, t, 2, 1, f, 1, 1, &r, 1, 1);
	ok(r == 0, "bool product is any(a and b)");
}

int main(void)
{
	test_float_order();
	test_argsort_stable();
	test_integers();
	test_matmul();
	return failed != 0;
}
