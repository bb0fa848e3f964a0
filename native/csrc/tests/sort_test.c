/* SPDX-License-Identifier: MIT */
/*
 * sort_test.c - the engine's sorts and matrix product on their own, without
 * Node: numpy's order (NaN last, -0 equal to 0 and kept in input order),
 * stability of the permutation, every width, integer wraparound of matmul,
 * the matrix-vector paths against a plain sum in the same order.
 * Prints TAP lines. Built and run by native/csrc/tests/run.sh.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/count.h"
#include "engine/gemm.h"
#include "engine/matmul.h"
#include "engine/sort.h"
#include "engine/take.h"
#include "engine/range.h"
#include "engine/hist.h"

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
		good &= v[i] == want[i] && !signbit(v[i]) == !signbit(want[i]);
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

/* y[i] = sum over k in order of x[k] * a[i * sa1 + k * sa2], in double */
#define PLAIN_MATVEC(NAME, T)                                                  \
	static void NAME(const T *a, intptr_t M, intptr_t K, intptr_t sa1,      \
			 intptr_t sa2, const T *x, T *y)                        \
	{                                                                      \
		for (intptr_t i = 0; i < M; i++) {                             \
			double s = 0;                                          \
			for (intptr_t k = 0; k < K; k++)                       \
				s += (double)x[k] * (double)a[i * sa1 + k * sa2]; \
			y[i] = (T)s;                                           \
		}                                                              \
	}
PLAIN_MATVEC(plain_matvec_f, float)
PLAIN_MATVEC(plain_matvec_d, double)

/*
 * Matrix times vector over pixels of 1-6 channels (the constant-K path for
 * 2-4 contiguous channels, the gathered block path for padded rows and the
 * other K, a transposed A), 1500 rows: three blocks of the block path.
 * Random values make a sum in another order differ in its last bits.
 */
static void test_matvec(void)
{
	enum { M = 1500, KMAX = 6 };
	static float a[M * (KMAX + 1)], y[M], want[M];
	static double ad[M * (KMAX + 1)], yd[M], wantd[M], xd[KMAX];
	static int16_t ai[M * KMAX], yi[M], wanti[M];
	float x[KMAX];
	int16_t xi[KMAX];
	unsigned seed = 12345;
	char what[96];

	for (int i = 0; i < M * (KMAX + 1); i++) {
		seed = seed * 1103515245u + 12345u;
		a[i] = (float)((int)(seed >> 8) % 100000) / 997.0f - 50.0f;
		ad[i] = (double)(seed >> 4) / 3e7 - 50.0;
		if (i < M * KMAX)
			ai[i] = (int16_t)(seed >> 9);
	}
	for (int k = 0; k < KMAX; k++) {
		x[k] = 0.299f + 0.173f * (float)k;
		xi[k] = (int16_t)(77 + 1000 * k);
		xd[k] = 0.1 + 0.7 * k;
	}
	for (intptr_t K = 1; K <= KMAX; K++) {
		/* rows of K packed, rows padded to K + 1, and A transposed (columns of M) */
		intptr_t layouts[3][2] = { { K, 1 }, { K + 1, 1 }, { 1, M } };

		for (int l = 0; l < 3; l++) {
			intptr_t sa1 = layouts[l][0], sa2 = layouts[l][1];

			memset(y, 0xff, sizeof(y));
			plain_matvec_f(a, M, K, sa1, sa2, x, want);
			ue_matmul(UE_FLOAT32, M, 1, K, a, sa1, sa2, x, 1, 1, y, 1, 1);
			snprintf(what, sizeof(what), "float32 matrix-vector, K=%d, row step %d, column step %d",
				 (int)K, (int)sa1, (int)sa2);
			ok(!memcmp(y, want, sizeof(y)), what);
			/* float64 products round, so a sum in another order shows */
			memset(yd, 0xff, sizeof(yd));
			plain_matvec_d(ad, M, K, sa1, sa2, xd, wantd);
			ue_matmul(UE_FLOAT64, M, 1, K, ad, sa1, sa2, xd, 1, 1, yd, 1, 1);
			memcpy(what, "float64", 7);
			ok(!memcmp(yd, wantd, sizeof(yd)), what);
		}
		/* int16 products wrap modulo 2**16 once stored */
		for (intptr_t i = 0; i < M; i++) {
			uint64_t s = 0;

			for (intptr_t k = 0; k < K; k++)
				s += (uint64_t)(int64_t)xi[k] * (uint64_t)(int64_t)ai[i * K + k];
			wanti[i] = (int16_t)s;
		}
		ue_matmul(UE_INT16, M, 1, K, ai, K, 1, xi, 1, 1, yi, 1, 1);
		snprintf(what, sizeof(what), "int16 matrix-vector wraps, K=%d", (int)K);
		ok(!memcmp(yi, wanti, sizeof(yi)), what);
	}
	/* a result with a step (C's rows 2 apart) takes the block path */
	{
		static float y2[2 * M];

		plain_matvec_f(a, M, 3, 3, 1, x, want);
		ue_matmul(UE_FLOAT32, M, 1, 3, a, 3, 1, x, 1, 1, y2, 2, 1);
		int good = 1;

		for (int i = 0; i < M; i++)
			good &= y2[2 * i] == want[i];
		ok(good, "float32 matrix-vector into every other element");
	}
}

/* bincount: the range first, then counts of bytes (four tables) and wider values */
static void test_bincount(void)
{
	static uint8_t b[1003];
	int16_t w[7] = { 4, 0, 4, 2, 4, 0, 1 };
	uint64_t big[2] = { 1, (uint64_t)1 << 63 };
	int64_t lo, hi, c64[300], want[300] = { 0 };
	int32_t c32[5];
	int good = 1;

	for (int i = 0; i < 1003; i++) {
		b[i] = (uint8_t)(i < 500 ? 7 : (i * 37) % 251);
		want[b[i]]++;
	}
	ok(ue_int_range(UE_UINT8, b, 1003, &lo, &hi) == 0 && lo == 0 && hi == 250, "uint8 range");
	ue_bincount(UE_UINT8, b, 1003, c64, 300, 1);
	for (int v = 0; v < 300; v++)
		good &= c64[v] == want[v];
	ok(good, "uint8 counts (a run of one value, an odd length)");
	ok(ue_int_range(UE_INT16, w, 7, &lo, &hi) == 0 && lo == 0 && hi == 4, "int16 range");
	ue_bincount(UE_INT16, w, 7, c32, 5, 0);
	ok(c32[0] == 2 && c32[1] == 1 && c32[2] == 1 && c32[3] == 0 && c32[4] == 3, "int16 counts into int32");
	ok(ue_int_range(UE_UINT64, big, 2, &lo, &hi) == 0 && lo < 0 && hi == 1, "uint64 2**63 reads as negative (numpy's cast to intp)");
	ok(ue_int_range(UE_FLOAT64, big, 2, &lo, &hi) == -1 && ue_int_range(UE_INT8, b, 0, &lo, &hi) == -1,
	   "floats and empty runs have no range");
}

/* nonzero over a 2-d mask with long zero runs and ones mid-word, against a plain scan */
static void test_nonzero(void)
{
	enum { R = 5, C = 37 };
	static uint8_t f[R * C];
	intptr_t shape[2] = { R, C };
	int64_t rows[R * C], cols[R * C];
	int32_t r32[R * C], c32[R * C];
	void *outs[2] = { rows, cols }, *outs32[2] = { r32, c32 };
	size_t want = 0, got, got32;
	int good = 1;

	for (int i = 0; i < R * C; i++)
		f[i] = (uint8_t)(i % 11 == 3 || (i > 120 && i < 131));
	got = ue_nonzero(f, R * C, 2, shape, outs, 1, R * C);
	got32 = ue_nonzero(f, R * C, 2, shape, outs32, 0, 3);
	for (int i = 0; i < R * C; i++) {
		if (!f[i])
			continue;
		good &= want < got && rows[want] == i / C && cols[want] == i % C;
		want++;
	}
	ok(good && got == want, "nonzero finds every position, in C order");
	ok(got32 == 3 && r32[0] == 0 && c32[0] == 3 && c32[1] == 14 && c32[2] == 25, "nonzero into int32 stops at the capacity");
}

/*
 * take: a byte table looked up by 1003 pixels (uint8 indices), each index
 * dtype on int16 elements against a plain lookup, runs of 3 elements along
 * the middle axis, and the modes on indices out of range (the first bad
 * position reported, nothing written), uint64 2**64-1 read as -1.
 */
static void test_take(void)
{
	static uint8_t pix[1003], lut[256], out8[1003];
	int16_t tab[40], o16[16], want16[16];
	int64_t ix64[16];
	float rows[2 * 5 * 3], orow[2 * 2 * 3];
	uint8_t iu8[2] = { 4, 1 };
	int32_t bad32[4] = { 3, -40, 40, 2 };
	uint64_t u64[2] = { UINT64_MAX, 2 };
	intptr_t bad = -7;
	int good = 1;

	for (int i = 0; i < 256; i++)
		lut[i] = (uint8_t)(255 - i * 3);
	for (int i = 0; i < 1003; i++)
		pix[i] = (uint8_t)((i * 131) ^ (i >> 3));
	good &= ue_take((const char *)lut, 1, 256, 1, 1, UE_UINT8, pix, 1003, UE_TAKE_RAISE, (char *)out8, &bad) == 0;
	for (int i = 0; i < 1003; i++)
		good &= out8[i] == lut[pix[i]];
	ok(good, "take: a byte lookup table indexed by pixels");

	for (int i = 0; i < 40; i++)
		tab[i] = (int16_t)(1000 - 37 * i);
	good = 1;
	for (int t = UE_BOOL; t <= UE_UINT64; t++) {
		char raw[16 * 8];

		for (int k = 0; k < 16; k++) {
			int64_t v = t == UE_BOOL ? k & 1 : (k * 7) % 40;

			switch (t == UE_BOOL || t <= UE_UINT8 ? 1 : t <= UE_UINT16 ? 2 : t <= UE_UINT32 ? 4 : 8) {
			case 1: ((uint8_t *)raw)[k] = (uint8_t)v; break;
			case 2: ((uint16_t *)raw)[k] = (uint16_t)v; break;
			case 4: ((uint32_t *)raw)[k] = (uint32_t)v; break;
			default: ((int64_t *)raw)[k] = v; break;
			}
			want16[k] = tab[v];
		}
		good &= ue_take((const char *)tab, 1, 40, 1, 2, t, raw, 16, UE_TAKE_RAISE, (char *)o16, &bad) == 0;
		good &= !memcmp(o16, want16, sizeof(o16));
	}
	ok(good, "take: every index dtype on 16-bit elements");

	for (int i = 0; i < 30; i++)
		rows[i] = (float)i;
	good = ue_take((const char *)rows, 2, 5, 3, 4, UE_UINT8, iu8, 2, UE_TAKE_RAISE, (char *)orow, &bad) == 0;
	for (int p = 0; p < 2; p++)
		for (int k = 0; k < 2; k++)
			for (int q = 0; q < 3; q++)
				good &= orow[(p * 2 + k) * 3 + q] == rows[(p * 5 + iu8[k]) * 3 + q];
	ok(good, "take: runs of 3 elements along the middle axis");

	memset(o16, 0x55, sizeof(o16));
	good = ue_take((const char *)tab, 1, 40, 1, 2, UE_INT32, bad32, 4, UE_TAKE_RAISE, (char *)o16, &bad) == 1 &&
	       bad == 2 && o16[0] == 0x5555;
	good &= ue_take((const char *)tab, 1, 40, 1, 2, UE_INT32, bad32, 4, UE_TAKE_WRAP, (char *)o16, &bad) == 0 &&
		o16[0] == tab[3] && o16[1] == tab[0] && o16[2] == tab[0] && o16[3] == tab[2];
	good &= ue_take((const char *)tab, 1, 40, 1, 2, UE_INT32, bad32, 4, UE_TAKE_CLIP, (char *)o16, &bad) == 0 &&
		o16[0] == tab[3] && o16[1] == tab[0] && o16[2] == tab[39] && o16[3] == tab[2];
	good &= ue_take((const char *)tab, 1, 40, 1, 2, UE_UINT64, u64, 2, UE_TAKE_RAISE, (char *)o16, &bad) == 0 &&
		o16[0] == tab[39] && o16[1] == tab[2];
	ix64[0] = -41;
	good &= ue_take((const char *)tab, 1, 40, 1, 2, UE_INT64, ix64, 1, UE_TAKE_RAISE, (char *)o16, &bad) == 1 && bad == 0;
	good &= ue_take((const char *)tab, 1, 40, 1, 2, UE_FLOAT64, ix64, 1, UE_TAKE_RAISE, (char *)o16, &bad) == -1;
	ok(good, "take: raise reports the first bad position and writes nothing; wrap, clip; uint64 max is -1; no float indices");
}

/*
 * Colour matrices: pixels of 3 or 4 float64 channels times 3x3, 3x4, 4x3
 * and 4x4 matrices (one given transposed: B read through strides), 700
 * rows, against a plain sum in k order from 0 (bit for bit; -0 pixels give
 * +0 as 0 + -0 does), and float32 rounded once from double sums.
 */
static void test_colour_matrix(void)
{
	enum { M = 700 };
	static double a[M * 4], c[M * 4], w[16];
	static float af[M * 4], cf[M * 4], wf[16];
	int good = 1;
	uint32_t seed = 12345;

	for (int i = 0; i < M * 4; i++) {
		seed = seed * 1103515245u + 12345u;
		a[i] = i % 97 == 0 ? -0.0 : (double)(seed >> 8) / 16777216.0 * 255.0;
		af[i] = (float)a[i];
	}
	for (int i = 0; i < 16; i++)
		w[i] = 0.1 + 0.37 * i - (i % 3) * 0.61;
	for (int i = 0; i < 16; i++)
		wf[i] = (float)w[i];
	for (int K = 3; K <= 4; K++) {
		for (int N = 3; N <= 4; N++) {
			for (int tr = 0; tr < 2; tr++) {
				intptr_t sb1 = tr ? 1 : N, sb2 = tr ? K : 1;

				ue_matmul(UE_FLOAT64, M, N, K, a, K, 1, w, sb1, sb2, c, N, 1);
				ue_matmul(UE_FLOAT32, M, N, K, af, K, 1, wf, sb1, sb2, cf, N, 1);
				for (int i = 0; i < M; i++) {
					for (int j = 0; j < N; j++) {
						double sum = 0, sumf = 0;

						for (int k = 0; k < K; k++) {
							sum += a[i * K + k] * w[k * sb1 + j * sb2];
							sumf += (double)af[i * K + k] * (double)wf[k * sb1 + j * sb2];
						}
						good &= memcmp(&sum, &c[i * N + j], sizeof(sum)) == 0;
						good &= cf[i * N + j] == (float)sumf;
					}
				}
			}
		}
	}
	ok(good, "colour matrices: 3/4 channels times 3/4 columns, B strided, bit-equal to sums in k order");
}

/* searchsorted: uint8 and float64 values (NaN among them) into 0-9 keys with repeats, both sides, against a count */
static void test_searchsorted(void)
{
	static const double keys[9] = { -3, 0, 0, 2.5, 7, 7, 7, 100, 255 };
	uint8_t u[300];
	double d[300];
	int64_t o64[300];
	int32_t o32[300];
	int good = 1;

	for (int i = 0; i < 300; i++) {
		u[i] = (uint8_t)(i * 37);
		d[i] = i % 29 == 0 ? NAN : (i % 41) * 0.5 - 4;
	}
	for (int n = 0; n <= 9; n++) {
		for (int right = 0; right < 2; right++) {
			good &= ue_searchsorted(keys, (size_t)n, UE_UINT8, u, 300, right, o64, 1) == 0;
			good &= ue_searchsorted(keys, (size_t)n, UE_FLOAT64, d, 300, right, o32, 0) == 0;
			for (int i = 0; i < 300; i++) {
				int64_t cu = 0, cd = 0;

				for (int k = 0; k < n; k++) {
					cu += right ? keys[k] <= u[i] : keys[k] < u[i];
					cd += isnan(d[i]) || (right ? keys[k] <= d[i] : keys[k] < d[i]);
				}
				good &= o64[i] == cu && o32[i] == cd;
			}
		}
	}
	good &= ue_searchsorted(keys, 9, UE_INT64, u, 1, 0, o64, 1) == -1;
	ok(good, "searchsorted: branch-free search equals a count, both sides, NaN last, 0-9 keys with repeats");
}

/*
 * Every dtype's lane sorts against a lane-by-lane radix sort of the same
 * data: short lanes (insertion) and long ones (radix), values with many
 * ties (the permutations must agree: both stable), float zeros of both
 * signs and NaN.
 */
static void test_lanes(void)
{
	static const int lens[] = { 1, 2, 3, 7, 16, 17, 32, 33, 48, 49, 50 };
	unsigned seed = 12345;
	int good = 1;

	for (int dt = 0; dt < UE_NTYPES; dt++) {
		size_t sz = ue_itemsize(dt);

		for (size_t li = 0; li < sizeof(lens) / sizeof(lens[0]); li++) {
			size_t n = (size_t)lens[li], count = 9, total = n * count;
			unsigned char a[50 * 9 * 8], b[50 * 9 * 8], c[50 * 9 * 8];
			int64_t ia[50 * 9], ib[50 * 9];

			for (size_t i = 0; i < total; i++) {
				seed = seed * 1103515245u + 12345u;
				int v = (int)((seed >> 16) % 7) - 3;	/* many ties */
				unsigned char *e = a + i * sz;

				if (dt == UE_FLOAT32)
					*(float *)e = i % 11 == 5 ? NAN : v == 0 && i % 2 ? -0.0f : (float)v / 2;
				else if (dt == UE_FLOAT64)
					*(double *)e = i % 11 == 5 ? NAN : v == 0 && i % 2 ? -0.0 : (double)v / 2;
				else if (dt == UE_BOOL)
					*e = v > 0;
				else
					for (size_t k = 0; k < sz; k++)
						e[k] = k ? (v < 0 ? 0xff : 0) : (unsigned char)v;
			}
			memcpy(b, a, total * sz);
			memcpy(c, a, total * sz);
			good &= ue_sort_lanes(dt, b, n, count) == 0;
			good &= ue_argsort_lanes(dt, a, n, count, ia, 1) == 0;
			for (size_t l = 0; l < count; l++) {
				good &= ue_sort(dt, c + l * n * sz, n) == 0;
				good &= ue_argsort(dt, a + l * n * sz, n, ib + l * n, 1) == 0;
			}
			for (size_t i = 0; i < total; i++) {
				const unsigned char *x = b + i * sz, *y = c + i * sz;

				if (dt == UE_FLOAT32 && isnan(*(const float *)x))
					good &= isnan(*(const float *)y) != 0;
				else if (dt == UE_FLOAT64 && isnan(*(const double *)x))
					good &= isnan(*(const double *)y) != 0;
				else
					good &= !memcmp(x, y, sz);
			}
			good &= !memcmp(ia, ib, total * sizeof(int64_t));
		}
	}
	ok(good, "lane sorts (networks up to 64 items of 1-4 bytes, insertion for 8-byte ones, radix above) equal one radix sort per lane, values and stable permutations");
	ok(ue_sort_lanes(UE_NTYPES, (int[]){ 1 }, 1, 1) == -1, "lane sorts refuse an unknown dtype");
}

/*
 * Sorting along the middle axis of (3, n, 37) arrays (networks over the
 * columns) equals a radix sort of each column gathered apart: float32 with
 * ties, -0 and NaN, and int16; an 8-byte dtype or n past 64 is left to the
 * caller (-2) with nothing changed.
 */
static void test_axis(void)
{
	enum { PRE = 3, POST = 37, NMAX = 64 };
	static float f[PRE * NMAX * POST], g[PRE * NMAX * POST];
	static int64_t idx[PRE * NMAX * POST];
	unsigned seed = 99;
	int good = 1;

	for (int n = 2; n <= NMAX; n += 7) {
		int total = PRE * n * POST;

		for (int i = 0; i < total; i++) {
			seed = seed * 1103515245u + 12345u;
			int v = (int)((seed >> 16) % 9) - 4;
			f[i] = i % 13 == 6 ? NAN : v == 0 && i % 3 ? -0.0f : (float)v;
		}
		memcpy(g, f, sizeof(float) * (size_t)total);
		good &= ue_sort_axis(UE_FLOAT32, g, PRE, (size_t)n, POST) == 0;
		good &= ue_argsort_axis(UE_FLOAT32, f, PRE, (size_t)n, POST, idx, 1) == 0;
		for (int p = 0; p < PRE; p++)
			for (int c = 0; c < POST; c++) {
				float col[NMAX];
				int64_t want[NMAX];

				for (int j = 0; j < n; j++)
					col[j] = f[(p * n + j) * POST + c];
				good &= ue_argsort(UE_FLOAT32, col, (size_t)n, want, 1) == 0;
				for (int j = 0; j < n; j++) {
					float got = g[(p * n + j) * POST + c], w = col[want[j]];

					good &= idx[(p * n + j) * POST + c] == want[j];
					good &= (isnan(got) && isnan(w)) || (got == w && !signbit(got) == !signbit(w));
				}
			}
	}
	ok(good, "sorts along a middle axis (networks over columns) equal a radix sort of each column: values, -0 order, permutations");
	double d[6] = { 3, 1, 2, 0, 5, 4 };
	ok(ue_sort_axis(UE_FLOAT64, d, 1, 3, 2) == -2 && d[0] == 3 && d[5] == 4, "an 8-byte dtype is left to the caller, unchanged");
	ok(ue_sort_axis(UE_FLOAT32, f, 1, 65, 1) == -2, "more than 64 elements along the axis are left to the caller");
}

/*
 * Large products shared among threads (by blocks of 4096 rows) equal the
 * plain row-by-row product: pixels times a weight vector (the block path),
 * a colour matrix (3 x 3) and a general product (4 columns), float32 and
 * float64, with the pool's job count showing the work was shared.
 */
/*
 * One dot product of contiguous runs (vdot: M = N = 1) adds its products in
 * 16 lanes. float32 products are exact in double, so the float32 answer is
 * the plain double sum's; float64 differs from it only in rounding; integers
 * wrap alike in any order. K of 1-2 full lanes and an odd tail.
 */
static void test_dot(void)
{
	enum { K = 100003 };
	static float a[K], b[K];
	static double ad[K], bd[K];
	static int32_t ai[K], bi[K];
	unsigned seed = 777;
	char what[96];

	for (int k = 0; k < K; k++) {
		seed = seed * 1103515245u + 12345u;
		a[k] = (float)((int)(seed >> 8) % 100000) / 997.0f - 50.0f;
		b[k] = (float)((int)(seed >> 5) % 7919) / 101.0f - 39.0f;
		ad[k] = (double)(seed >> 4) / 3e7 - 50.0;
		bd[k] = (double)(seed >> 3) / 7e7 - 10.0;
		ai[k] = (int32_t)(seed * 2654435761u);
		bi[k] = (int32_t)(seed >> 1);
	}
	static const intptr_t sizes[] = { 16, 17, 31, 47, K };

	for (int z = 0; z < 5; z++) {
		intptr_t n = sizes[z];
		double s = 0, sd = 0, err = 0;
		uint32_t si = 0;
		float y;
		double yd;
		int32_t yi;

		for (intptr_t k = 0; k < n; k++) {
			s += (double)a[k] * (double)b[k];
			sd += ad[k] * bd[k];
			err += fabs(ad[k] * bd[k]);
			si += (uint32_t)ai[k] * (uint32_t)bi[k];
		}
		ue_matmul(UE_FLOAT32, 1, 1, n, a, n, 1, b, 1, 1, &y, 1, 1);
		ue_matmul(UE_FLOAT64, 1, 1, n, ad, n, 1, bd, 1, 1, &yd, 1, 1);
		ue_matmul(UE_INT32, 1, 1, n, ai, n, 1, bi, 1, 1, &yi, 1, 1);
		snprintf(what, sizeof(what), "dot of %d: float32 the double sum's, float64 within rounding, int32 wraps", (int)n);
		/* float64: the bound of any order of n additions */
		ok(y == (float)s && fabs(yd - sd) <= (double)n * 0x1p-52 * err && yi == (int32_t)si, what);
	}
}

/*
 * A matrix times 2-4 columns (K large, N small: the sums in registers) equals
 * the plain sums in k order, bit for bit; A read through a transposed view too.
 */
static void test_few_columns(void)
{
	enum { M = 37, K = 300 };
	static double a[M * K], b[K * 4], c[M * 4], w[M * 4];
	static float af[M * K], bf[K * 4], cf[M * 4], wf[M * 4];
	unsigned seed = 99;
	char what[96];

	for (int i = 0; i < M * K; i++) {
		seed = seed * 1103515245u + 12345u;
		a[i] = (double)(seed >> 5) / 1e7 - 60.0;
		af[i] = (float)a[i];
	}
	for (int i = 0; i < K * 4; i++) {
		seed = seed * 1103515245u + 12345u;
		b[i] = (double)(seed >> 6) / 3e7 - 20.0;
		bf[i] = (float)b[i];
	}
	for (intptr_t N = 2; N <= 4; N++) {
		for (int t = 0; t < 2; t++) {
			/* t = 1: A as the transpose of a K x M array */
			intptr_t sa1 = t ? 1 : K, sa2 = t ? M : 1;
			int good = 1;

			for (intptr_t i = 0; i < M; i++)
				for (intptr_t j = 0; j < N; j++) {
					double s = 0, sf = 0;

					for (intptr_t k = 0; k < K; k++) {
						s += a[i * sa1 + k * sa2] * b[k * N + j];
						sf += (double)af[i * sa1 + k * sa2] * (double)bf[k * N + j];
					}
					w[i * N + j] = s;
					wf[i * N + j] = (float)sf;
				}
			ue_matmul(UE_FLOAT64, M, N, K, a, sa1, sa2, b, N, 1, c, N, 1);
			ue_matmul(UE_FLOAT32, M, N, K, af, sa1, sa2, bf, N, 1, cf, N, 1);
			good = !memcmp(c, w, sizeof(double) * (size_t)(M * N)) && !memcmp(cf, wf, sizeof(float) * (size_t)(M * N));
			snprintf(what, sizeof(what), "matrix times %d columns%s: the plain sums in k order", (int)N, t ? " (A transposed)" : "");
			ok(good, what);
		}
	}
}

/*
 * The packed products (gemm.c, AVX-512 CPUs): sizes off the 8 x 16 blocks,
 * A and B transposed or walked backwards, C with a column stride, NaN and
 * inf in A, on one thread and on two; each element must equal the plain
 * double sum of its products in k order (float32 rounded once).
 */
static void gemm_case(intptr_t M, intptr_t N, intptr_t K, int layout, int threads, unsigned seed)
{
	size_t na = (size_t)(M * K), nb = (size_t)(K * N), nc = (size_t)(M * N) * 2;
	double *a = malloc(sizeof(double) * (na + 1)), *b = malloc(sizeof(double) * (nb + 1));
	double *c = malloc(sizeof(double) * nc), *w = malloc(sizeof(double) * nc);
	float *af = malloc(sizeof(float) * (na + 1)), *bf = malloc(sizeof(float) * (nb + 1));
	float *cf = malloc(sizeof(float) * nc), *wf = malloc(sizeof(float) * nc);
	/* layout 0: all C order; 1: A and B transposed; 2: B's rows backwards, C every other column */
	intptr_t sa1 = layout == 1 ? 1 : K, sa2 = layout == 1 ? M : 1;
	intptr_t sb1 = layout == 1 ? 1 : layout == 2 ? -N : N, sb2 = layout == 1 ? K : 1;
	intptr_t ob = layout == 2 ? (K - 1) * N : 0, sc2 = layout == 2 ? 2 : 1, sc1 = N * sc2;
	int old = ue_set_threads(threads), took, tookf, good = 1;
	char what[128];

	for (size_t i = 0; i < na; i++) {
		seed = seed * 1103515245u + 12345u;
		a[i] = (double)(seed >> 5) / 1e7 - 60.0;
		af[i] = (float)a[i];
	}
	for (size_t i = 0; i < nb; i++) {
		seed = seed * 1103515245u + 12345u;
		b[i] = (double)(seed >> 6) / 3e7 - 20.0;
		bf[i] = (float)b[i];
	}
	if (na > 3) {
		a[3] = af[3] = NAN;
		a[na / 2] = af[na / 2] = INFINITY;
	}
	for (size_t i = 0; i < nc; i++)
		c[i] = w[i] = cf[i] = wf[i] = 7;
	for (intptr_t i = 0; i < M; i++)
		for (intptr_t j = 0; j < N; j++) {
			double s = 0, sf = 0;

			for (intptr_t k = 0; k < K; k++) {
				s += a[i * sa1 + k * sa2] * b[ob + k * sb1 + j * sb2];
				sf += (double)af[i * sa1 + k * sa2] * (double)bf[ob + k * sb1 + j * sb2];
			}
			w[i * sc1 + j * sc2] = s;
			wf[i * sc1 + j * sc2] = (float)sf;
		}
	took = ue_gemm(1, M, N, K, a, sa1, sa2, b + ob, sb1, sb2, c, sc1, sc2);
	tookf = ue_gemm(0, M, N, K, af, sa1, sa2, bf + ob, sb1, sb2, cf, sc1, sc2);
	good = took == tookf && took == ue_gemm_takes(M, N, K);
	if (took)
		good &= !memcmp(c, w, sizeof(double) * nc) && !memcmp(cf, wf, sizeof(float) * nc);
	snprintf(what, sizeof(what), "packed product %dx%dx%d, layout %d, %d thread(s): %s",
		 (int)M, (int)N, (int)K, layout, threads, took ? "the plain sums in k order, C's gaps kept" : "declined (no AVX-512 or too small)");
	ok(good, what);
	ue_set_threads(old);
	free(a);
	free(b);
	free(c);
	free(w);
	free(af);
	free(bf);
	free(cf);
	free(wf);
}

static void test_gemm(void)
{
	gemm_case(37, 45, 29, 0, 1, 1);
	gemm_case(37, 45, 29, 1, 2, 2);
	gemm_case(200, 70, 300, 2, 2, 3);
	gemm_case(64, 16, 32, 0, 1, 4);
	gemm_case(130, 33, 9000, 0, 2, 5);	/* K past the panels' limit: declined */
	gemm_case(300, 1100, 130, 1, 2, 6);	/* more than one chunk of B's columns */
	gemm_case(4, 40, 40, 0, 1, 7);		/* fewer rows than a block: declined */
	gemm_case(64, 64, 0, 0, 1, 8);		/* no products (K = 0): declined, no division by K */
	gemm_case(4100, 8, 8, 0, 2, 9);		/* 8 columns (a stack of 8 x 8 blocks as one tall product) */
	gemm_case(333, 11, 40, 1, 1, 10);	/* 11 columns: half a panel and more */
	gemm_case(3000, 7, 40, 0, 1, 11);	/* fewer than 8 columns: declined */
	/* through ue_matmul, as the addon calls it */
	{
		enum { M = 50, N = 40, K = 60 };
		static float a[M * K], b[K * N], c[M * N], w[M * N];

		for (int i = 0; i < M * K; i++)
			a[i] = (float)((i * 37) % 101) / 7.0f - 6.0f;
		for (int i = 0; i < K * N; i++)
			b[i] = (float)((i * 53) % 89) / 9.0f - 4.0f;
		for (int i = 0; i < M; i++)
			for (int j = 0; j < N; j++) {
				double s = 0;

				for (int k = 0; k < K; k++)
					s += (double)a[i * K + k] * (double)b[k * N + j];
				w[i * N + j] = (float)s;
			}
		ue_matmul(UE_FLOAT32, M, N, K, a, K, 1, b, N, 1, c, N, 1);
		ok(!memcmp(c, w, sizeof(c)), "matmul of 50x60 by 60x40 float32: the plain sums in k order");
	}
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return (a > b) - (a < b);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

/* whether this CPU takes the AVX-512 sorts */
static int have_v512(void)
{
#if defined(__x86_64__)
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
	       __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
#else
	return 0;
#endif
}

/* key @i of kind @kind of a run of @n (@wide: 64-bit, its high half varies too) */
static uint64_t vec_key(int kind, size_t i, size_t n, unsigned *seed, int wide)
{
	uint64_t hi;

	*seed = *seed * 1103515245u + 12345u;
	hi = wide ? (uint64_t)(*seed ^ (*seed >> 5)) << 32 : 0;
	switch (kind) {
	case 0: return hi | (uint32_t)(*seed ^ (*seed << 13));
	case 1: return (wide ? 0x3fe0000000000000ull : 0x3f000000u) + ((*seed >> 8) & 255) * 4099u;
	case 2: return 77;
	case 3: return (*seed >> 9) & 1 ? 5 : 9;
	case 4: return (uint64_t)i * 3;
	case 5: return (uint64_t)(n - i);
	default: {
		uint64_t top = wide ? ~0ull : 0xffffffffu;

		return (*seed >> 7) % 3 == 0 ? 0 : (*seed >> 7) % 3 == 1 ? top : (hi | *seed);
	}
	}
}

/*
 * The AVX-512 quicksorts of 32- and 64-bit keys (sort_vec.c) against libc's
 * qsort: every size to 300 (the networks of 1-8 vectors, partial vectors,
 * the first partitions with their vectors set aside), then large runs of
 * random keys, 256 levels (an image's float32), all equal, two values,
 * sorted, reversed, and keys at 0 and the largest. On an AVX-512 CPU they
 * must take every one.
 */
static void test_sort_vec(void)
{
	static const size_t big[] = { 1000, 1920, 65537, 300001 };
	enum { SMALL = 300 };
	int want_taken = have_v512();

	for (int wide = 0; wide < 2; wide++) {
		size_t sz = wide ? 8 : 4;
		int good = 1, taken_all = 1;
		unsigned seed = 4242;

		for (int kind = 0; kind < 7; kind++) {
			for (size_t t = 0; t <= SMALL + sizeof(big) / sizeof(big[0]); t++) {
				size_t n = t <= SMALL ? t : big[t - SMALL - 1];
				char *a = malloc((n ? n : 1) * sz), *w = malloc((n ? n : 1) * sz);
				int took;

				for (size_t i = 0; i < n; i++) {
					uint64_t k = vec_key(kind, i, n, &seed, wide);

					if (wide)
						((uint64_t *)a)[i] = k;
					else
						((uint32_t *)a)[i] = (uint32_t)k;
				}
				memcpy(w, a, n * sz);
				qsort(w, n, sz, wide ? cmp_u64 : cmp_u32);
				took = wide ? ue_sort_u64_vec((uint64_t *)a, n) : ue_sort_u32_vec((uint32_t *)a, n);
				taken_all &= took;
				if (took && memcmp(a, w, n * sz))
					good = 0;
				free(a);
				free(w);
			}
		}
		ok(good && (!want_taken || taken_all),
		   !want_taken ? "AVX-512 quicksorts: declined on this CPU, the radix sorts run instead"
		   : wide ? "AVX-512 quicksort of 64-bit keys equals qsort: sizes 0-300 and to 300001, seven kinds of keys"
			  : "AVX-512 quicksort of 32-bit keys equals qsort: sizes 0-300 and to 300001, seven kinds of keys");
	}
}

static int cmp_f64(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* a float32 argsort's reference order: by value (-0 as 0, NaN last), then by index */
static const float *ref_f32;

static int cmp_ref_f32(const void *x, const void *y)
{
	uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
	float a = ref_f32[i], b = ref_f32[j];
	int na = a != a, nb = b != b;

	if (na != nb)
		return na - nb;
	if (!na && a != b)
		return a < b ? -1 : 1;
	return (i > j) - (i < j);
}

static const int32_t *ref_i32;

static int cmp_ref_i32(const void *x, const void *y)
{
	uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;

	if (ref_i32[i] != ref_i32[j])
		return ref_i32[i] < ref_i32[j] ? -1 : 1;
	return (i > j) - (i < j);
}

/* whether ue_argsort of @n values at @data gives the order @cmp sorts their indices in (@want, @got: room for @n) */
static int argsort_as_ref(int dtype, const void *data, size_t n, int (*cmp)(const void *, const void *),
			  uint32_t *want, int64_t *got)
{
	int good;

	for (size_t i = 0; i < n; i++)
		want[i] = (uint32_t)i;
	qsort(want, n, sizeof(uint32_t), cmp);
	good = ue_argsort(dtype, data, n, got, 1) == 0;
	for (size_t i = 0; i < n; i++)
		good &= got[i] == (int64_t)want[i];
	return good;
}

/*
 * Argsorts of 32-bit values (on AVX-512: key and index sorted as one 64-bit
 * key) against qsort by value then index: stable, -0 with 0, NaN last;
 * sizes around the networks and large runs with many ties. int32 covers
 * both ends of its range. Also float64 and int64 value sorts (the 64-bit
 * quicksort) against qsort.
 */
static void test_argsort_vec(void)
{
	static const size_t sizes[] = { 0, 1, 7, 64, 65, 129, 300, 1920, 65537 };
	int good = 1, good64 = 1;
	unsigned seed = 99;

	for (size_t t = 0; t < sizeof(sizes) / sizeof(sizes[0]); t++) {
		size_t n = sizes[t];
		float *f = malloc((n ? n : 1) * sizeof(float));
		int32_t *v = malloc((n ? n : 1) * sizeof(int32_t));
		uint32_t *want = malloc((n ? n : 1) * sizeof(uint32_t));
		int64_t *got = malloc((n ? n : 1) * sizeof(int64_t));
		double *d = malloc((n ? n : 1) * sizeof(double)), *dw = malloc((n ? n : 1) * sizeof(double));

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			f[i] = (seed >> 8) % 50 == 0 ? NAN : (seed >> 9) % 40 == 0 ? -0.0f : (float)((int)((seed >> 12) % 200) - 100) / 8;
			v[i] = (seed >> 8) % 30 == 0 ? INT32_MIN : (seed >> 8) % 30 == 1 ? INT32_MAX : (int32_t)((seed >> 14) % 300) - 150;
			d[i] = (seed >> 8) % 50 == 0 ? -INFINITY : (double)((int)((seed >> 10) % 1000) - 500) / 3;
		}
		ref_f32 = f;
		good &= argsort_as_ref(UE_FLOAT32, f, n, cmp_ref_f32, want, got);
		ref_i32 = v;
		good &= argsort_as_ref(UE_INT32, v, n, cmp_ref_i32, want, got);
		memcpy(dw, d, n * sizeof(double));
		qsort(dw, n, sizeof(double), cmp_f64);
		good64 &= ue_sort(UE_FLOAT64, d, n) == 0 && !memcmp(d, dw, n * sizeof(double));
		free(f);
		free(v);
		free(want);
		free(got);
		free(d);
		free(dw);
	}
	ok(good, "float32 and int32 argsorts equal qsort by value then index: stable, -0 with 0, NaN last, 0-65537 values");
	ok(good64, "float64 sorts (the 64-bit quicksort) equal qsort, -inf included, 0-65537 values");
}

static int cmp_i16(const void *x, const void *y)
{
	int16_t a = *(const int16_t *)x, b = *(const int16_t *)y;

	return (a > b) - (a < b);
}

static int cmp_u16(const void *x, const void *y)
{
	uint16_t a = *(const uint16_t *)x, b = *(const uint16_t *)y;

	return (a > b) - (a < b);
}

/* int16 and uint16 sorts of 65536 values or more (a counting sort) against qsort, extremes included */
static void test_sort16_counts(void)
{
	enum { N = 100003 };
	int16_t *a = malloc(sizeof(int16_t) * N), *w = malloc(sizeof(int16_t) * N);
	uint16_t *u = malloc(sizeof(uint16_t) * N), *uw = malloc(sizeof(uint16_t) * N);
	unsigned seed = 31337;

	for (int i = 0; i < N; i++) {
		seed = seed * 1103515245u + 12345u;
		a[i] = (int16_t)(i % 97 == 0 ? -32768 : i % 89 == 0 ? 32767 : (int)(seed >> 16) % 300 - 150);
		u[i] = (uint16_t)(i % 83 == 0 ? 65535 : (seed >> 12) & 0xffff);
	}
	memcpy(w, a, sizeof(int16_t) * N);
	memcpy(uw, u, sizeof(uint16_t) * N);
	qsort(w, N, sizeof(int16_t), cmp_i16);
	qsort(uw, N, sizeof(uint16_t), cmp_u16);
	ok(ue_sort(UE_INT16, a, N) == 0 && !memcmp(a, w, sizeof(int16_t) * N) &&
	   ue_sort(UE_UINT16, u, N) == 0 && !memcmp(u, uw, sizeof(uint16_t) * N),
	   "int16 and uint16 sorts of 100003 values (counting) equal qsort's");
	free(a);
	free(w);
	free(u);
	free(uw);
}

/*
 * A stack of 8 x 8 float32 products in one call (ue_matmul_batch: whole
 * products to each thread), the first operand shared, the second and the
 * results at their own offsets, in reverse: each must equal its own
 * ue_matmul, bit for bit, on one thread and on two.
 */
static void test_matmul_batch(void)
{
	enum { COUNT = 600, S = 8 };
	float *a = malloc(sizeof(float) * S * S), *b = malloc(sizeof(float) * COUNT * S * S);
	float *c = malloc(sizeof(float) * COUNT * S * S), *w = malloc(sizeof(float) * COUNT * S * S);
	intptr_t *oa = malloc(sizeof(intptr_t) * COUNT), *ob = malloc(sizeof(intptr_t) * COUNT);
	intptr_t *oc = malloc(sizeof(intptr_t) * COUNT);
	int good = 1, old = ue_threads();

	for (int i = 0; i < S * S; i++)
		a[i] = (float)((i * 7) % 11) - 5.5f;
	for (int i = 0; i < COUNT * S * S; i++)
		b[i] = (float)((i * 13) % 17) * 0.25f;
	for (int p = 0; p < COUNT; p++) {
		oa[p] = 0;
		ob[p] = (intptr_t)p * S * S;
		oc[p] = (intptr_t)(COUNT - 1 - p) * S * S;
		ue_matmul(UE_FLOAT32, S, S, S, a, S, 1, b + ob[p], S, 1, w + oc[p], S, 1);
	}
	for (int t = 1; t <= 2; t++) {
		ue_set_threads(t);
		memset(c, 0xff, sizeof(float) * COUNT * S * S);
		good &= ue_matmul_batch(UE_FLOAT32, COUNT, S, S, S, a, oa, S, 1, b, ob, S, 1, c, oc, S, 1) == 0 &&
			!memcmp(c, w, sizeof(float) * COUNT * S * S);
	}
	ue_set_threads(old);
	ok(good, "matmul batch: 600 products of 8 x 8 float32 at their offsets equal one ue_matmul each, 1 and 2 threads");
	free(a);
	free(b);
	free(c);
	free(w);
	free(oa);
	free(ob);
	free(oc);
}

static void test_matmul_threads(void)
{
	enum { M = 100003, K = 3 };
	float *a = malloc(sizeof(float) * M * K), *y = malloc(sizeof(float) * M * 5), *want = malloc(sizeof(float) * M * 5);
	double *ad = malloc(sizeof(double) * M * K), *yd = malloc(sizeof(double) * M * 3), *wd = malloc(sizeof(double) * M * 3);
	float w[K * 4];
	double md[K * 3];
	unsigned seed = 777;
	int old = ue_set_threads(1), good = 1;
	unsigned long jobs;

	for (int i = 0; i < M * K; i++) {
		seed = seed * 1103515245u + 12345u;
		a[i] = (float)((int)(seed >> 8) % 100000) / 997.0f - 50.0f;
		ad[i] = (double)(seed >> 4) / 3e7 - 50.0;
	}
	for (int i = 0; i < K * 4; i++)
		w[i] = 0.1f + 0.173f * (float)i;
	for (int i = 0; i < K * 3; i++)
		md[i] = 0.3 - 0.11 * i;
	/* one thread: the reference */
	good &= ue_matmul(UE_FLOAT32, M, 1, K, a, K, 1, w, 1, 1, want, 1, 1) == 0;
	good &= ue_matmul(UE_FLOAT32, M, 4, K, a, K, 1, w, 4, 1, want + M, 4, 1) == 0;
	good &= ue_matmul(UE_FLOAT64, M, 3, K, ad, K, 1, md, 1, 3, wd, 3, 1) == 0;
	ue_set_threads(4);
	jobs = ue_pool_jobs();
	memset(y, 0xff, sizeof(float) * M * 5);
	memset(yd, 0xff, sizeof(double) * M * 3);
	good &= ue_matmul(UE_FLOAT32, M, 1, K, a, K, 1, w, 1, 1, y, 1, 1) == 0;
	good &= ue_matmul(UE_FLOAT32, M, 4, K, a, K, 1, w, 4, 1, y + M, 4, 1) == 0;
	good &= ue_matmul(UE_FLOAT64, M, 3, K, ad, K, 1, md, 1, 3, yd, 3, 1) == 0;
	good &= ue_pool_jobs() == jobs + 3;
	good &= !memcmp(y, want, sizeof(float) * M * 5);
	ok(good && !memcmp(yd, wd, sizeof(double) * M * 3),
	   "matmul shared among 4 threads (matrix-vector, 4 columns, a transposed colour matrix) equals one thread's");
	ue_set_threads(old);
	free(a);
	free(y);
	free(want);
	free(ad);
	free(yd);
	free(wd);
}

/*
 * Sorts over 1 MiB or more shared among threads equal one thread's: lanes
 * of 3 bytes (the networks), 9 float32 with -0, 0 and NaNs (networks,
 * stable), 20 float64 (insertion), 100 uint16 (the radix sort per lane),
 * values and permutations, and a middle axis of 9 float32 over 150,000
 * columns (networks over ranges of columns).
 */
static void test_sort_threads(void)
{
	struct { int dtype; size_t n, count; } cases[] = {
		{ UE_UINT8, 3, 700001 }, { UE_FLOAT32, 9, 60001 }, { UE_FLOAT64, 20, 9001 }, { UE_UINT16, 100, 6001 },
	};
	unsigned seed = 4242;
	int old = ue_set_threads(1), good = 1;

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		size_t size = ue_itemsize(cases[c].dtype), total = cases[c].n * cases[c].count;
		char *v = malloc(total * size), *v1 = malloc(total * size), *v4 = malloc(total * size);
		int64_t *i1 = malloc(total * 8), *i4 = malloc(total * 8);
		unsigned long jobs;

		for (size_t i = 0; i < total; i++) {
			seed = seed * 1103515245u + 12345u;
			if (cases[c].dtype == UE_FLOAT32)
				((float *)v)[i] = seed % 7 == 0 ? -0.0f : seed % 11 == 0 ? NAN : (float)(seed >> 20) - 2000.0f;
			else if (cases[c].dtype == UE_FLOAT64)
				((double *)v)[i] = (double)(seed >> 8) * 0.5 - 1e6;
			else
				memcpy(v + i * size, &seed, size);
		}
		memcpy(v1, v, total * size);
		memcpy(v4, v, total * size);
		ue_set_threads(1);
		good &= ue_sort_lanes(cases[c].dtype, v1, cases[c].n, cases[c].count) == 0;
		good &= ue_argsort_lanes(cases[c].dtype, v, cases[c].n, cases[c].count, i1, 1) == 0;
		ue_set_threads(4);
		jobs = ue_pool_jobs();
		good &= ue_sort_lanes(cases[c].dtype, v4, cases[c].n, cases[c].count) == 0;
		good &= ue_argsort_lanes(cases[c].dtype, v, cases[c].n, cases[c].count, i4, 1) == 0;
		good &= ue_pool_jobs() == jobs + 2 && !memcmp(v1, v4, total * size) && !memcmp(i1, i4, total * 8);
		free(v);
		free(v1);
		free(v4);
		free(i1);
		free(i4);
	}
	{
		enum { N = 9, COLS = 150000 };
		float *v = malloc(sizeof(float) * N * COLS), *v1 = malloc(sizeof(float) * N * COLS);
		float *v4 = malloc(sizeof(float) * N * COLS);
		int32_t *i1 = malloc(4 * N * COLS), *i4 = malloc(4 * N * COLS);
		unsigned long jobs;

		for (int i = 0; i < N * COLS; i++) {
			seed = seed * 1103515245u + 12345u;
			v[i] = seed % 5 == 0 ? 0.0f : seed % 13 == 0 ? -0.0f : (float)(seed >> 22);
		}
		memcpy(v1, v, sizeof(float) * N * COLS);
		memcpy(v4, v, sizeof(float) * N * COLS);
		ue_set_threads(1);
		good &= ue_sort_axis(UE_FLOAT32, v1, 1, N, COLS) == 0 && ue_argsort_axis(UE_FLOAT32, v, 1, N, COLS, i1, 0) == 0;
		ue_set_threads(4);
		jobs = ue_pool_jobs();
		good &= ue_sort_axis(UE_FLOAT32, v4, 1, N, COLS) == 0 && ue_argsort_axis(UE_FLOAT32, v, 1, N, COLS, i4, 0) == 0;
		good &= ue_pool_jobs() == jobs + 2 && !memcmp(v1, v4, sizeof(float) * N * COLS) &&
			!memcmp(i1, i4, 4 * (size_t)N * COLS);
		free(v);
		free(v1);
		free(v4);
		free(i1);
		free(i4);
	}
	ue_set_threads(old);
	ok(good, "sorts shared among 4 threads (lanes of every path, values and permutations; a middle axis) equal one thread's");
}

/*
 * np.arange's float fill: each value one rounded product and one rounded
 * sum in the dtype's precision (volatile keeps the reference's operations
 * apart), float32's index itself rounded past 2**24; other dtypes refused.
 */
static void test_fill_range(void)
{
	enum { N = 1000, BIG = (1 << 24) + 40 };
	static float f[N];
	static double d[N];
	float *g = malloc(sizeof(float) * BIG);
	int good = 1;

	ok(ue_fill_range(f, UE_FLOAT32, 2, N, 1e7, 0.37) == 0, "float32 range fills");
	for (int i = 2; i < N; i++) {
		volatile float p = (float)i * 0.37f;
		volatile float want = 1e7f + p;

		good &= f[i] == want;
	}
	ok(good, "float32: first + i * delta, product and sum each rounded to float");
	ok(ue_fill_range(d, UE_FLOAT64, 0, N, -3.3, 0.07) == 0, "float64 range fills");
	good = 1;
	for (int i = 0; i < N; i++) {
		volatile double p = (double)i * 0.07;
		volatile double want = -3.3 + p;

		good &= d[i] == want;
	}
	ok(good, "float64: first + i * delta, product and sum each rounded");
	good = g != NULL && ue_fill_range(g, UE_FLOAT32, BIG - 80, BIG, 0, 1) == 0;
	for (intptr_t i = BIG - 80; good && i < BIG; i++)
		good &= g[i] == (float)i;
	ok(good, "float32 past 2**24: the index rounds to float as C converts it");
	free(g);
	ok(ue_fill_range(f, UE_INT32, 0, N, 0, 1) == -1, "an integer dtype is refused");
}

/*
 * take of whole runs, each run length the gather copies inline (3, 6, 12,
 * 16, 24, 32 bytes) and others, single elements, indices wrapped; outputs
 * of 1 MiB and more shared among two threads, smaller ones not; in-range
 * int32 indices, and (every other case) some negative ones: every
 * byte as the plain loop gives it.
 */
static void test_take_runs(void)
{
	static const struct { intptr_t post; size_t isz; } cases[] = {
		{ 1, 1 }, { 3, 1 }, { 6, 1 }, { 12, 1 }, { 4, 4 }, { 3, 8 }, { 8, 4 }, { 5, 1 }, { 1, 8 },
	};
	enum { PRE = 40, N = 700, NIDX = 3000 };
	int old = ue_set_threads(2);

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		size_t run = (size_t)cases[c].post * cases[c].isz;
		char *src = malloc(PRE * N * run), *out = malloc(PRE * NIDX * run);
		int32_t *ix = malloc(NIDX * sizeof(*ix));
		unsigned long jobs = ue_pool_jobs();
		intptr_t bad = -1;
		int good = src && out && ix;
		char what[96];

		for (size_t i = 0; good && i < PRE * N * run; i++)
			src[i] = (char)(i * 7 + i / 251);
		for (int k = 0; good && k < NIDX; k++)
			ix[k] = (k * 389) % N - (c % 2 && k % 5 == 0 ? N : 0);	/* negative: resolved first */
		good = good && ue_take(src, PRE, N, cases[c].post, cases[c].isz, UE_INT32, ix, NIDX, UE_TAKE_RAISE,
				       out, &bad) == 0;
		for (intptr_t p = 0; good && p < PRE; p++)
			for (intptr_t k = 0; good && k < NIDX; k++) {
				intptr_t at = ix[k] < 0 ? ix[k] + N : ix[k];

				good &= !memcmp(out + (size_t)(p * NIDX + k) * run, src + (size_t)(p * N + at) * run, run);
			}
		good &= (ue_pool_jobs() > jobs) == (PRE * NIDX * run >= (1u << 20));
		snprintf(what, sizeof(what), "take: runs of %zu bytes (%ld x %zu), %s", run, (long)cases[c].post,
			 cases[c].isz, PRE * NIDX * run >= (1u << 20) ? "shared among threads" : "on one thread");
		ok(good, what);
		free(src);
		free(out);
		free(ix);
	}
	ue_set_threads(old);
}

/*
 * The float histogram: each value in the bin its edges say (the last edge
 * kept in the last bin, values outside and NaN left out), the same counts
 * on one thread and shared among two, float and double divisions.
 */
static void test_hist(void)
{
	enum { N = 600000, BINS = 13 };
	float *x = malloc(sizeof(float) * N), e[BINS + 1];
	double *y = malloc(sizeof(double) * N), ed[BINS + 1];
	int64_t one[BINS], two[BINS], want[BINS], wantd[BINS];
	float first = -50, last = 122.9f, step = (last - first) / BINS;
	int good = x && y, old;

	for (int b = 0; b <= BINS; b++) {
		e[b] = first + (float)b * step;
		ed[b] = e[b];
	}
	e[BINS] = last;
	ed[BINS] = last;
	memset(want, 0, sizeof(want));
	memset(wantd, 0, sizeof(wantd));
	for (int i = 0; good && i < N; i++) {
		x[i] = i % 1000 == 7 ? NAN : (float)((i * 37) % 1001) * 0.173f - 51;
		if (i % 5000 == 3)
			x[i] = e[(i / 5000) % (BINS + 1)];	/* on an edge */
		y[i] = x[i];
		for (int b = BINS - 1; b >= 0; b--)
			if (x[i] >= e[b] && x[i] <= last) {
				want[b]++;
				wantd[b]++;
				break;
			}
	}
	for (int single = 1; single >= 0; single--) {
		memset(one, 0, sizeof(one));
		memset(two, 0, sizeof(two));
		old = ue_set_threads(1);
		good &= ue_hist_uniform(UE_FLOAT32, x, N, 1, first, last, single ? (double)(last - first) : (double)last - first,
					single, e, BINS, one) == 0;
		ue_set_threads(2);
		good &= ue_hist_uniform(UE_FLOAT32, x, N, 1, first, last, single ? (double)(last - first) : (double)last - first,
					single, e, BINS, two) == 0;
		ue_set_threads(old);
		good &= !memcmp(one, want, sizeof(want)) && !memcmp(two, want, sizeof(want));
	}
	ok(good, "hist: float32 values counted in their edges' bins, float and double divisions, one thread and two");
	memset(one, 0, sizeof(one));
	good &= ue_hist_uniform(UE_FLOAT64, y + N - 1, N, -1, first, last, (double)last - first, 0, ed, BINS, one) == 0 &&
		!memcmp(one, wantd, sizeof(wantd));
	ok(good, "hist: float64 values walked backwards");
	ok(ue_hist_uniform(UE_INT32, x, 4, 1, 0, 1, 1, 0, e, 1, one) == -1 &&
	   ue_hist_uniform(UE_FLOAT64, y, 4, 1, 0, 1, 1, 1, ed, 1, one) == -1, "hist: other dtypes, float divisions of doubles refused");
	free(x);
	free(y);
}

/* weighted bincount: each weight added to its value's sum in order, every index dtype */
static void test_bincount_weighted(void)
{
	uint8_t v8[6] = { 3, 0, 3, 1, 3, 0 };
	int64_t v64[6] = { 3, 0, 3, 1, 3, 0 };
	double w[6] = { 0.1, 5, 0.2, -1, 0.3, 1e300 }, s8[4] = { 0 }, s64[4] = { 0 };
	double want3 = (0.1 + 0.2) + 0.3;

	ok(ue_bincount_weighted(UE_UINT8, v8, 6, w, s8, 4) == 0 && ue_bincount_weighted(UE_INT64, v64, 6, w, s64, 4) == 0 &&
	   s8[0] == 5 + 1e300 && s8[1] == -1 && s8[2] == 0 && s8[3] == want3 && !memcmp(s8, s64, sizeof(s8)),
	   "bincount with weights: sums in the values' order, uint8 and int64 values");
	ok(ue_bincount_weighted(UE_FLOAT32, v8, 1, w, s8, 4) == -1, "bincount with weights: float values refused");
}

/* mask compress: the masked elements in order, every item size, any mask byte counts, nothing past nout */
static void test_mask_compress(void)
{
	enum { N = 1001 };
	static uint64_t src[N], out[N + 1], want[N];
	static uint8_t mask[N];
	int good = 1;

	for (size_t isz = 1; isz <= 8; isz *= 2) {
		size_t k = 0;

		for (int i = 0; i < N; i++) {
			src[i] = 0x0102030405060708ull * (uint64_t)(i + 1);
			mask[i] = (uint8_t)((i * 7 + (int)isz) % 5 == 0 ? 0 : (i % 3) * 40);
		}
		for (int i = 0; i < N; i++)
			if (mask[i])
				memcpy((char *)want + k++ * isz, (char *)src + (size_t)i * isz, isz);
		memset(out, 0xee, sizeof(out));
		good &= ue_mask_compress(src, mask, N, isz, out, k) == (intptr_t)k && !memcmp(out, want, k * isz) &&
			((uint8_t *)out)[k * isz] == 0xee;
	}
	ok(good, "mask compress: masked elements in order for 1-8 byte items, nothing written past the count");
	ok(ue_mask_compress(src, mask, N, 3, out, 1) == -1, "mask compress: other item sizes refused");
}

int main(void)
{
	test_lanes();
	test_axis();
	test_sort_threads();
	test_float_order();
	test_argsort_stable();
	test_integers();
	test_matmul();
	test_matvec();
	test_dot();
	test_few_columns();
	test_matmul_threads();
	test_matmul_batch();
	test_gemm();
	test_sort_vec();
	test_argsort_vec();
	test_sort16_counts();
	test_bincount();
	test_bincount_weighted();
	test_mask_compress();
	test_nonzero();
	test_take();
	test_take_runs();
	test_colour_matrix();
	test_searchsorted();
	test_fill_range();
	test_hist();
	return failed != 0;
}
