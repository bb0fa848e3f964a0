/* SPDX-License-Identifier: MIT */
/*
 * kernels_test.c - the C kernels on their own, without Node: wrap-around,
 * scalar forms, NaN rules, numpy's pairwise sum, fill, equal, bad codes.
 * Prints TAP lines. Built and run by native/csrc/tests/run.sh.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kernels.h"

static int failed, number;

static void ok(int cond, const char *what)
{
	printf("%sok %d - kernels: %s\n", cond ? "" : "not ", ++number, what);
	failed += !cond;
}

static void test_wrap_around(void)
{
	uint8_t a[100], b[100], o[100];
	int32_t x[70], y[70], z[70];
	int good = 1;

	for (int i = 0; i < 100; i++) {
		a[i] = 250;
		b[i] = (uint8_t)i;
	}
	ud_binary(UD_ADD, UD_UINT8, o, a, 1, b, 1, 100);
	for (int i = 0; i < 100; i++)
		good &= o[i] == (uint8_t)(250 + i);
	for (int i = 0; i < 70; i++)
		x[i] = 70000, y[i] = 70000 + i;
	ud_binary(UD_MULTIPLY, UD_INT32, z, x, 1, y, 1, 70);
	for (int i = 0; i < 70; i++)
		good &= z[i] == (int32_t)((uint32_t)70000 * (uint32_t)(70000 + i));
	ok(good, "uint8 add and int32 multiply wrap around");
}

static void test_scalar_forms(void)
{
	int16_t a[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, o[9], s = 10;

	ud_binary(UD_SUBTRACT, UD_INT16, o, a, 1, &s, 0, 9);
	ok(o[0] == -9 && o[8] == -1, "array - scalar");
	ud_binary(UD_SUBTRACT, UD_INT16, o, &s, 0, a, 1, 9);
	ok(o[0] == 9 && o[8] == 1, "scalar - array");
	ok(ud_binary(UD_ADD, UD_INT16, o, &s, 0, &s, 0, 9) < 0, "scalar op scalar is refused");
	ok(ud_binary(UD_AND, UD_FLOAT32, o, a, 1, a, 1, 2) < 0, "bitwise on floats is refused");
	ok(ud_binary(UD_ADD, 42, o, a, 1, a, 1, 2) < 0, "unknown dtype code is refused");
}

static void test_nan_rules(void)
{
	double a[3] = { NAN, 1, 0.0 }, b[3] = { 1, NAN, -0.0 }, o[3];
	float f[40], m;

	ud_binary(UD_MINIMUM, UD_FLOAT64, o, a, 1, b, 1, 3);
	ok(isnan(o[0]) && isnan(o[1]) && signbit(o[2]), "minimum: NaN wins, second of equal zeros");
	for (int i = 0; i < 40; i++)
		f[i] = (float)i;
	ud_extreme(UD_FLOAT32, f, 40, 1, &m);
	ok(m == 39.0f, "max of 40 floats");
	f[33] = NAN;
	ud_extreme(UD_FLOAT32, f, 40, 0, &m);
	ok(isnan(m), "min with a NaN is NaN");
}

static void test_sums(void)
{
	int8_t i8[300];
	float f[1000];
	int64_t s;
	float fs, naive = 0;

	for (int i = 0; i < 300; i++)
		i8[i] = -100;
	ud_sum(UD_INT8, i8, 300, &s);
	ok(s == -30000, "int8 sums widen to 64 bits");
	for (int i = 0; i < 1000; i++)
		f[i] = 0.1f;
	ud_sum(UD_FLOAT32, f, 1000, &fs);
	for (int i = 0; i < 1000; i++)
		naive += f[i];
	ok(fabsf(fs - 100.0f) < fabsf(naive - 100.0f), "float32 pairwise sum beats a naive one");
}

static void test_fill_equal(void)
{
	uint64_t a[33], b[33], v = 0x0123456789abcdefULL;
	double d[2] = { NAN, 1 };

	ud_fill(UD_UINT64, a, &v, 33);
	memcpy(b, a, sizeof(a));
	ok(a[32] == v && ud_equal(UD_UINT64, a, b, 33) == 1, "fill and equal");
	b[5] ^= 1;
	ok(ud_equal(UD_UINT64, a, b, 33) == 0, "one bit differs");
	ok(ud_equal(UD_FLOAT64, d, d, 2) == 0, "NaN is not equal to itself");
}

int main(void)
{
	test_wrap_around();
	test_scalar_forms();
	test_nan_rules();
	test_sums();
	test_fill_equal();
	return failed != 0;
}
