/* SPDX-License-Identifier: MIT */
/*
 * reduce_test.c - the reductions of the engine on their own, each against
 * a plain reference written here: argmin/argmax (first index, first NaN,
 * contiguous blocks, strided runs and rows), cumsum/cumprod (sequence,
 * rows, casts), the order statistics of median/percentile (against a full
 * sort, NaN slices, repeated values), the mapped sums (nansum, var's
 * squared deviations: bit-equal to summing the materialised copy as numpy
 * does), count_nonzero, any/all and bool min/max. Prints TAP lines; built
 * and run by native/csrc/tests/run.sh.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reduce.h"

static int failed, number;

static void ok(int cond, const char *what)
{
	printf("%sok %d - reduce: %s\n", cond ? "" : "not ", ++number, what);
	failed += !cond;
}

static uint32_t seed = 12345;

static uint32_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static float rndf(void)
{
	return (float)((double)rnd() / 4294967296.0 - 0.5) * 100.0f;
}

/* ---- argmin / argmax ----------------------------------------------------- */

static intptr_t ref_argmax(const float *x, intptr_t n, intptr_t s, int want_max)
{
	float m = x[0];
	intptr_t at = 0;
	if (m != m)
		return 0;
	for (intptr_t i = 1; i < n; i++) {
		float v = x[i * s];
		if (v != v)
			return i;
		if (want_max ? v > m : v < m) {
			m = v;
			at = i;
		}
	}
	return at;
}

static void test_arg(void)
{
	enum { N = 100003 };
	float *x = malloc(N * sizeof(float));
	int good = 1;
	for (int trial = 0; trial < 40 && good; trial++) {
		intptr_t n = trial < 20 ? 1 + (intptr_t)(rnd() % N) : N;
		for (intptr_t i = 0; i < n; i++)
			x[i] = (float)(rnd() % 1000);	/* many ties, across lanes and the 64-element steps */
		if (trial % 3 == 1)
			x[rnd() % n] = NAN;
		if (trial % 5 == 2) {
			x[rnd() % n] = NAN;
			x[rnd() % n] = NAN;
		}
		for (int w = 0; w < 2; w++) {
			intptr_t got;
			ue_argreduce(w, UE_FLOAT32, sizeof(intptr_t) == 8 ? UE_INT64 : UE_INT32, n, 4, 0, NULL,
				     (const char *)x, (char *)&got);
			good &= got == ref_argmax(x, n, 1, w);
		}
	}
	ok(good, "argmin/argmax of contiguous float32 runs: first index of ties, first NaN");

	/* -0 and 0 are equal: the first of them */
	float z[70];
	for (int i = 0; i < 70; i++)
		z[i] = -1;
	z[3] = -0.0f;
	z[40] = 0.0f;
	intptr_t got = -1;
	int ip = sizeof(intptr_t) == 8 ? UE_INT64 : UE_INT32;
	ue_argreduce(1, UE_FLOAT32, ip, 70, 4, 0, NULL, (const char *)z, (char *)&got);
	ok(got == 3, "argmax: -0 then 0 is the first");

	/* rows: a 300 x 7 matrix along axis 0, and a strided run along axis 1 */
	enum { R = 300, C = 7 };
	float m[R * C];
	for (int i = 0; i < R * C; i++)
		m[i] = (float)(rnd() % 50);
	m[5 * C + 2] = NAN;
	intptr_t out[R > C ? R : C];
	struct ue_rdim kept = { C, 4, sizeof(intptr_t) };
	good = 1;
	for (int w = 0; w < 2; w++) {
		ue_argreduce(w, UE_FLOAT32, ip, R, C * 4, 1, &kept, (const char *)m, (char *)out);
		for (int j = 0; j < C; j++)
			good &= out[j] == ref_argmax(m + j, R, C, w);
	}
	ok(good, "argmin/argmax along axis 0 row by row (NaN in a column)");
	struct ue_rdim rows = { R, C * 4, sizeof(intptr_t) };
	good = 1;
	for (int w = 0; w < 2; w++) {
		ue_argreduce(w, UE_FLOAT32, ip, C, 4, 1, &rows, (const char *)m, (char *)out);
		for (int j = 0; j < R; j++)
			good &= out[j] == ref_argmax(m + j * C, C, 1, w);
	}
	ok(good, "argmin/argmax along axis 1 (short runs)");

	/* integers: uint8 with the extreme repeated, int64 near the limits */
	uint8_t u[5000];
	for (int i = 0; i < 5000; i++)
		u[i] = (uint8_t)(rnd() % 200);
	u[4000] = 255;
	u[4500] = 255;
	u[1234] = 0;
	intptr_t a0, a1;
	ue_argreduce(0, UE_UINT8, ip, 5000, 1, 0, NULL, (const char *)u, (char *)&a0);
	ue_argreduce(1, UE_UINT8, ip, 5000, 1, 0, NULL, (const char *)u, (char *)&a1);
	intptr_t r0 = 0;
	for (int i = 0; i < 5000; i++)
		if (u[i] < u[r0])
			r0 = i;
	ok(a1 == 4000 && a0 == r0, "argmin/argmax of uint8 (255 is the largest, not -1)");
	int64_t q[3000];
	for (int i = 0; i < 3000; i++)
		q[i] = (int64_t)rnd() << 20;
	q[2999] = INT64_MAX;
	q[17] = INT64_MIN;
	ue_argreduce(0, UE_INT64, ip, 3000, 8, 0, NULL, (const char *)q, (char *)&a0);
	ue_argreduce(1, UE_INT64, ip, 3000, 8, 0, NULL, (const char *)q, (char *)&a1);
	ok(a0 == 17 && a1 == 2999, "argmin/argmax of int64 at the limits");

	/* float64 and int32 runs with many ties, the extreme in a later block */
	enum { M = 50000 };
	double *dd = malloc(M * sizeof(double));
	int32_t *ii = malloc(M * sizeof(int32_t));
	good = 1;
	for (int trial = 0; trial < 20; trial++) {
		intptr_t n = 1 + (intptr_t)(rnd() % M);
		for (intptr_t i = 0; i < n; i++) {
			ii[i] = (int32_t)(rnd() % 100);
			dd[i] = (double)ii[i];
		}
		if (trial % 4 == 1)
			dd[rnd() % n] = NAN;
		for (int w = 0; w < 2; w++) {
			intptr_t gd, gi, rd = 0, ri = 0;
			ue_argreduce(w, UE_FLOAT64, ip, n, 8, 0, NULL, (const char *)dd, (char *)&gd);
			ue_argreduce(w, UE_INT32, ip, n, 4, 0, NULL, (const char *)ii, (char *)&gi);
			for (intptr_t i = 1; i < n && dd[rd] == dd[rd]; i++)
				if (dd[i] != dd[i] || (w ? dd[i] > dd[rd] : dd[i] < dd[rd]))
					rd = i;
			for (intptr_t i = 1; i < n; i++)
				if (w ? ii[i] > ii[ri] : ii[i] < ii[ri])
					ri = i;
			good &= gd == rd && gi == ri;
		}
	}
	ok(good, "argmin/argmax of float64 and int32 runs: the first of many ties, the first NaN");
	free(dd);
	free(ii);
	free(x);
}

/* ---- cumsum / cumprod ----------------------------------------------------- */

static void test_accumulate(void)
{
	enum { N = 20000 };
	float *x = malloc(N * sizeof(float)), *y = malloc(N * sizeof(float));
	for (int i = 0; i < N; i++)
		x[i] = rndf();
	ue_accumulate(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, N, 4, 4, 0, NULL, (const char *)x, (char *)y);
	float a = x[0];
	int good = y[0] == a;
	for (int i = 1; i < N; i++) {
		a = a + x[i];
		good &= memcmp(&a, &y[i], 4) == 0;
	}
	ok(good, "cumsum of float32 in sequence, bit for bit");

	/* int8 into int64 (a cast), and cumprod of int8 into int8 (wraps) */
	int8_t b[300];
	int64_t c[300];
	int8_t p[300];
	for (int i = 0; i < 300; i++)
		b[i] = (int8_t)(rnd() % 256 - 128);
	ue_accumulate(UE_R_SUM, UE_INT8, UE_INT64, 300, 1, 8, 0, NULL, (const char *)b, (char *)c);
	ue_accumulate(UE_R_PROD, UE_INT8, UE_INT8, 300, 1, 1, 0, NULL, (const char *)b, (char *)p);
	int64_t s = 0;
	int8_t pr = 1;
	good = 1;
	for (int i = 0; i < 300; i++) {
		s += b[i];
		pr = (int8_t)(uint8_t)((unsigned)pr * (unsigned)b[i]);
		good &= c[i] == s && p[i] == pr;
	}
	ok(good, "cumsum int8 -> int64 and cumprod int8 (wrapping)");

	/* float64 -> int64 casts each element before adding, as numpy */
	double d[4] = { 1.5, 2.5, -0.7, 3.9 };
	int64_t e[4];
	ue_accumulate(UE_R_SUM, UE_FLOAT64, UE_INT64, 4, 8, 8, 0, NULL, (const char *)d, (char *)e);
	ok(e[0] == 1 && e[1] == 3 && e[2] == 3 && e[3] == 6, "cumsum with dtype=int64 truncates each element first");

	/* along axis 0 of a 50 x 9 matrix (rows) and axis 1 (lanes) */
	enum { R = 50, C = 9 };
	double m[R * C], o0[R * C], o1[R * C];
	for (int i = 0; i < R * C; i++)
		m[i] = rndf();
	struct ue_rdim cols = { C, 8, 8 }, rows = { R, C * 8, C * 8 };
	ue_accumulate(UE_R_SUM, UE_FLOAT64, UE_FLOAT64, R, C * 8, C * 8, 1, &cols, (const char *)m, (char *)o0);
	ue_accumulate(UE_R_PROD, UE_FLOAT64, UE_FLOAT64, C, 8, 8, 1, &rows, (const char *)m, (char *)o1);
	good = 1;
	for (int j = 0; j < C; j++) {
		double t = m[j];
		good &= o0[j] == t;
		for (int i = 1; i < R; i++) {
			t = t + m[i * C + j];
			good &= o0[i * C + j] == t;
		}
	}
	for (int i = 0; i < R; i++) {
		double t = m[i * C];
		good &= o1[i * C] == t;
		for (int j = 1; j < C; j++) {
			t = t * m[i * C + j];
			good &= o1[i * C + j] == t;
		}
	}
	ok(good, "cumsum along axis 0 (rows) and cumprod along axis 1");
	free(x);
	free(y);
}

/* ---- order statistics ------------------------------------------------------ */

static int cmpf(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

static void test_select(void)
{
	enum { N = 200001 };
	float *x = malloc(N * sizeof(float)), *s = malloc(N * sizeof(float));
	int good = 1;
	for (int trial = 0; trial < 12; trial++) {
		intptr_t n = trial < 6 ? 1 + (intptr_t)(rnd() % 20000) : N - (trial & 1);
		for (intptr_t i = 0; i < n; i++)
			x[i] = trial % 3 == 2 ? (float)(rnd() % 7) : rndf();	/* few distinct values */
		if (trial == 8)
			for (intptr_t i = 0; i < n; i++)
				x[i] = (float)i;	/* sorted: the sample is exact */
		memcpy(s, x, (size_t)n * sizeof(float));
		qsort(s, (size_t)n, sizeof(float), cmpf);
		intptr_t ranks[6] = { 0, n / 4, (n - 1) / 2, n / 2, (n * 3) / 4, n - 1 };
		float v[6];
		for (int k = 1; k <= 6; k++) {
			intptr_t r[6];
			int nr = 0;
			for (int j = 0; j < k; j++)
				if (!nr || ranks[j] > r[nr - 1])
					r[nr++] = ranks[j];
			struct ue_rdim red = { n, 4, 0 };
			ue_select(UE_FLOAT32, 0, NULL, 1, &red, r, nr, 4, (const char *)x, (char *)v);
			for (int j = 0; j < nr; j++)
				good &= v[j] == s[r[j]];
		}
		/* the median pair alone, as median asks */
		intptr_t mid[2] = { (n - 1) / 2, n / 2 };
		ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ n, 4, 0 }, mid, mid[0] == mid[1] ? 1 : 2, 4,
			  (const char *)x, (char *)v);
		good &= v[0] == s[mid[0]] && (mid[0] == mid[1] || v[1] == s[mid[1]]);
	}
	ok(good, "selected ranks equal a full sort's (random, few values, sorted; short and long slices)");

	/* short slices of every shape: sorted, reversed, organ pipe, few values; consecutive ranks */
	good = 1;
	for (int trial = 0; trial < 300; trial++) {
		intptr_t n = 1 + (intptr_t)(rnd() % (trial < 200 ? 300 : 5000));
		int shape = trial % 5;
		for (intptr_t i = 0; i < n; i++)
			x[i] = shape == 0 ? (float)i : shape == 1 ? (float)(n - i) : shape == 2 ? (float)(i < n / 2 ? i : n - i) :
			       shape == 3 ? (float)(rnd() % 3) : rndf();
		memcpy(s, x, (size_t)n * sizeof(float));
		qsort(s, (size_t)n, sizeof(float), cmpf);
		intptr_t r[4] = { (n - 1) / 2, n / 2, n - 1, n - 1 };
		int nr = n > 1 && r[1] > r[0] ? 2 : 1;
		if (r[2] > r[nr - 1])
			r[nr++] = r[2];
		float v4[4];
		ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ n, 4, 0 }, r, nr, 4, (const char *)x, (char *)v4);
		for (int j = 0; j < nr; j++)
			good &= v4[j] == s[r[j]];
	}
	ok(good, "short slices (sorted, reversed, organ pipe, three values, random), consecutive ranks");

	/* many ranks at once (a sort), and NaN then */
	intptr_t many[40];
	float mv[40];
	for (intptr_t i = 0; i < 10000; i++)
		x[i] = rndf();
	memcpy(s, x, 10000 * sizeof(float));
	qsort(s, 10000, sizeof(float), cmpf);
	for (int j = 0; j < 40; j++)
		many[j] = j * 250;
	ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ 10000, 4, 0 }, many, 40, 4, (const char *)x, (char *)mv);
	good = 1;
	for (int j = 0; j < 40; j++)
		good &= mv[j] == s[many[j]];
	x[77] = NAN;
	ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ 10000, 4, 0 }, many, 40, 4, (const char *)x, (char *)mv);
	good &= mv[0] != mv[0] && mv[39] != mv[39];
	ok(good, "40 ranks of one slice, and all NaN when it holds one");

	/* one repeated value, and a NaN anywhere */
	for (intptr_t i = 0; i < N; i++)
		x[i] = 0.75f;
	intptr_t r2[2] = { N / 2 - 1, N / 2 };
	float v[2];
	ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ N, 4, 0 }, r2, 2, 4, (const char *)x, (char *)v);
	good = v[0] == 0.75f && v[1] == 0.75f;
	x[N - 3] = NAN;
	ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ N, 4, 0 }, r2, 2, 4, (const char *)x, (char *)v);
	good &= v[0] != v[0] && v[1] != v[1];
	float sh[100];
	for (int i = 0; i < 100; i++)
		sh[i] = (float)i;
	sh[99] = NAN;
	intptr_t r0 = 3;
	ue_select(UE_FLOAT32, 0, NULL, 1, &(struct ue_rdim){ 100, 4, 0 }, &r0, 1, 4, (const char *)sh, (char *)v);
	good &= v[0] != v[0];
	ok(good, "a repeated value; a NaN makes every rank NaN");

	/* per column of a 40 x 9 int16 matrix, strided */
	enum { R = 40, C = 9 };
	int16_t m[R * C], col[R], o[2 * C];
	for (int i = 0; i < R * C; i++)
		m[i] = (int16_t)(rnd() % 65536 - 32768);
	struct ue_rdim kept = { C, 2, 2 }, red = { R, C * 2, 0 };
	intptr_t r[2] = { R / 2 - 1, R / 2 };
	ue_select(UE_INT16, 1, &kept, 1, &red, r, 2, C * 2, (const char *)m, (char *)o);
	good = 1;
	for (int j = 0; j < C; j++) {
		for (int i = 0; i < R; i++)
			col[i] = m[i * C + j];
		for (int a = 1; a < R; a++)
			for (int b = a; b > 0 && col[b] < col[b - 1]; b--) {
				int16_t t = col[b];
				col[b] = col[b - 1];
				col[b - 1] = t;
			}
		good &= o[j] == col[R / 2 - 1] && o[C + j] == col[R / 2];
	}
	ok(good, "ranks per column of a strided int16 matrix");
	free(x);
	free(s);
}

/* ---- mapped sums, counts, logic ---------------------------------------------- */

static void test_mapped(void)
{
	enum { N = 100003 };
	float *x = malloc(N * sizeof(float)), *t = malloc(N * sizeof(float));
	for (int i = 0; i < N; i++)
		x[i] = rndf() * (float)(1 + rnd() % 1000);
	float mean = 3.25f, got = 0, want = 0;
	struct ue_rdim d = { N, 4, 0 };
	ue_reduce_aux(UE_R_SSD, UE_FLOAT32, UE_FLOAT32, 1, &d, 0, (const char *)x, (char *)&got, (const char *)&mean);
	for (int i = 0; i < N; i++) {
		float e = x[i] - mean;
		t[i] = e * e;
	}
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 1, &d, 0, (const char *)t, (char *)&want);
	ok(memcmp(&got, &want, 4) == 0, "var's squared deviations sum bit-equal to the materialised copy's sum");

	/* along axis 0 of a 2-d block (element-wise) and with chunked blocks */
	enum { R = 3000, C = 33 };
	float m[C], g[C], w[C];
	for (int j = 0; j < C; j++)
		m[j] = rndf();
	struct ue_rdim ax0[2] = { { C, 4, 4 }, { R, C * 4, 0 } };
	memset(g, 0, sizeof(g));
	memset(w, 0, sizeof(w));
	ue_reduce_aux(UE_R_SSD, UE_FLOAT32, UE_FLOAT32, 2, ax0, 0, (const char *)x, (char *)g, (const char *)m);
	for (int i = 0; i < R * C; i++) {
		float e = x[i] - m[i % C];
		t[i] = e * e;
	}
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 2, ax0, 0, (const char *)t, (char *)w);
	int good = memcmp(g, w, sizeof(g)) == 0;
	/* all of a (R, C) block reduced with numpy's chunks: (C, R) reduced, not coalescing */
	struct ue_rdim both[2] = { { C, 4, 0 }, { R / 2, C * 8, 0 } };
	float g1 = 0, w1 = 0;
	intptr_t chunk = (8192 / C) * C;
	ue_reduce_aux(UE_R_SSD, UE_FLOAT32, UE_FLOAT32, 2, both, chunk, (const char *)x, (char *)&g1, (const char *)&mean);
	for (int i = 0; i < R * C; i++) {
		float e = x[i] - mean;
		t[i] = e * e;
	}
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 2, both, chunk, (const char *)t, (char *)&w1);
	good &= memcmp(&g1, &w1, 4) == 0;
	ok(good, "squared deviations along axis 0 and in numpy's buffered chunks");

	/* int32 input: deviations in float64 */
	int32_t *k = malloc(N * sizeof(int32_t));
	double *td = malloc(N * sizeof(double));
	for (int i = 0; i < N; i++)
		k[i] = (int32_t)rnd();
	double dm = 12345.5, gd = 0, wd = 0;
	ue_reduce_aux(UE_R_SSD, UE_INT32, UE_FLOAT64, 1, &d, 0, (const char *)k, (char *)&gd, (const char *)&dm);
	for (int i = 0; i < N; i++)
		td[i] = ((double)k[i] - dm) * ((double)k[i] - dm);
	struct ue_rdim dd = { N, 8, 0 };
	ue_reduce(UE_R_SUM, UE_FLOAT64, UE_FLOAT64, 1, &dd, 0, (const char *)td, (char *)&wd);
	ok(gd == wd, "int32 squared deviations in float64");

	/* nansum: NaN as 0 */
	for (int i = 0; i < N; i += 97)
		x[i] = NAN;
	got = 0;
	want = 0;
	ue_reduce(UE_R_NANSUM, UE_FLOAT32, UE_FLOAT32, 1, &d, 0, (const char *)x, (char *)&got);
	for (int i = 0; i < N; i++)
		t[i] = x[i] != x[i] ? 0 : x[i];
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 1, &d, 0, (const char *)t, (char *)&want);
	double gotd = 0, wantd = 0;
	ue_reduce(UE_R_NANSUM, UE_FLOAT32, UE_FLOAT64, 1, &d, 0, (const char *)x, (char *)&gotd);
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT64, 1, &d, 0, (const char *)t, (char *)&wantd);
	ok(memcmp(&got, &want, 4) == 0 && gotd == wantd, "nansum bit-equal to the sum of the NaN-free copy (also into float64)");

	/* counts */
	intptr_t nz = 0, nn = 0, want_nz = 0, want_nn = 0;
	int ip = sizeof(intptr_t) == 8 ? UE_INT64 : UE_INT32;
	x[5] = 0;
	x[6] = -0.0f;
	ue_reduce(UE_R_COUNT, UE_FLOAT32, ip, 1, &d, 0, (const char *)x, (char *)&nz);
	ue_reduce(UE_R_NOTNAN, UE_FLOAT32, ip, 1, &d, 0, (const char *)x, (char *)&nn);
	for (int i = 0; i < N; i++) {
		want_nz += x[i] != 0;
		want_nn += x[i] == x[i];
	}
	ok(nz == want_nz && nn == want_nn, "count_nonzero (NaN counts, -0 does not) and the not-NaN count");

	/* every element width: the narrow block counters must not wrap */
	enum { M = 200000 };
	int64_t *q = malloc(M * sizeof(int64_t));
	uint8_t *u = malloc(M);
	intptr_t want_c = 0;
	for (int i = 0; i < M; i++) {
		q[i] = rnd() % 3 ? (int64_t)rnd() << 33 : 0;
		u[i] = (uint8_t)(q[i] != 0);
		want_c += q[i] != 0;
	}
	intptr_t c64 = 0, c8 = 0, c16 = 0;
	struct ue_rdim d64 = { M, 8, 0 }, d8 = { M, 1, 0 }, d16 = { M / 2, 2, 0 };
	ue_reduce(UE_R_COUNT, UE_INT64, ip, 1, &d64, 0, (const char *)q, (char *)&c64);
	ue_reduce(UE_R_COUNT, UE_BOOL, ip, 1, &d8, 0, (const char *)u, (char *)&c8);
	ue_reduce(UE_R_COUNT, UE_UINT16, ip, 1, &d16, 0, (const char *)u, (char *)&c16);
	intptr_t want16 = 0;
	for (int i = 0; i < M / 2; i++)
		want16 += (u[2 * i] | u[2 * i + 1]) != 0;
	ok(c64 == want_c && c8 == want_c && c16 == want16, "count_nonzero of int64, bool and uint16 runs longer than a narrow counter");
	free(q);
	free(u);

	/* any/all across blocks; bool min/max are all/any */
	uint8_t *b = calloc(5000, 1);
	struct ue_rdim db = { 5000, 1, 0 };
	char any = 0, all = 1, mn = 1, mx = 0;
	ue_reduce(UE_R_ANY, UE_BOOL, UE_BOOL, 1, &db, 0, (const char *)b, &any);
	b[4999] = 1;
	ue_reduce(UE_R_MAX, UE_BOOL, UE_BOOL, 1, &db, 0, (const char *)b, &mx);
	memset(b, 1, 5000);
	b[4321] = 0;
	ue_reduce(UE_R_ALL, UE_BOOL, UE_BOOL, 1, &db, 0, (const char *)b, &all);
	ue_reduce(UE_R_MIN, UE_BOOL, UE_BOOL, 1, &db, 0, (const char *)b, &mn);
	ok(any == 0 && mx == 1 && all == 0 && mn == 0, "any/all over blocks; bool max/min");
	free(b);
	free(k);
	free(td);
	free(x);
	free(t);
}

/* ---- exact integer sums into floats; small inner axes ---------------------- */

/*
 * An image (h, w, 3) of uint8, int16 or uint32 values summed into float64
 * (np.mean's sum) over axis 2, axis 1 and axes (0, 1), outputs starting at
 * zero: each total must be the exact integer sum. Axis 2 has 3 reduced
 * elements innermost (the kept axis goes inside, in tiles: w*h outputs are
 * not a multiple of a tile); axis 1 has 3 kept elements innermost.
 */
static void test_exact_sums(void)
{
	enum { H = 7, W = 1001, C = 3 };
	static const int types[3] = { UE_UINT8, UE_INT16, UE_UINT32 };
	static const size_t sizes[3] = { 1, 2, 4 };
	int good = 1;
	for (int t = 0; t < 3; t++) {
		size_t sz = sizes[t];
		char *img = malloc(H * W * C * sz);
		int64_t *v = malloc(H * W * C * sizeof(int64_t));
		for (int i = 0; i < H * W * C; i++) {
			uint32_t r = rnd();
			if (types[t] == UE_UINT8) {
				((uint8_t *)img)[i] = (uint8_t)r;
				v[i] = (uint8_t)r;
			} else if (types[t] == UE_INT16) {
				((int16_t *)img)[i] = (int16_t)r;
				v[i] = (int16_t)r;
			} else {
				((uint32_t *)img)[i] = r;
				v[i] = r;
			}
		}
		intptr_t is2 = (intptr_t)sz, is1 = C * is2, is0 = W * is1;
		/* axis 2: outputs (h, w) */
		double *o2 = calloc(H * W, sizeof(double));
		struct ue_rdim a2[3] = { { C, is2, 0 }, { W, is1, 8 }, { H, is0, 8 * W } };
		int e2 = ue_reduce(UE_R_SUM | UE_R_ZEROED, types[t], UE_FLOAT64, 3, a2, 0, img, (char *)o2);
		for (int i = 0; i < H * W; i++)
			good &= o2[i] == (double)(v[3 * i] + v[3 * i + 1] + v[3 * i + 2]);
		/* axis 1: outputs (h, 3) */
		double o1[H * C] = { 0 };
		struct ue_rdim a1[3] = { { C, is2, 8 }, { W, is1, 0 }, { H, is0, 8 * C } };
		int e1 = ue_reduce(UE_R_SUM | UE_R_ZEROED, types[t], UE_FLOAT64, 3, a1, 0, img, (char *)o1);
		for (int y = 0; y < H; y++)
			for (int c = 0; c < C; c++) {
				int64_t want = 0;
				for (int x = 0; x < W; x++)
					want += v[(y * W + x) * C + c];
				good &= o1[y * C + c] == (double)want;
			}
		/* axes (0, 1) coalesced: outputs (3,) */
		double o01[C] = { 0 };
		struct ue_rdim a01[2] = { { C, is2, 8 }, { H * W, is1, 0 } };
		int e01 = ue_reduce(UE_R_SUM | UE_R_ZEROED, types[t], UE_FLOAT64, 2, a01, 0, img, (char *)o01);
		for (int c = 0; c < C; c++) {
			int64_t want = 0;
			for (int i = 0; i < H * W; i++)
				want += v[i * C + c];
			good &= o01[c] == (double)want;
		}
		good &= e2 == 0 && e1 == 0 && e01 == 0;
		free(o2);
		free(v);
		free(img);
	}
	ok(good, "integer sums into float64 over axis 2, 1 and (0, 1) of an image are the exact totals");

	/* uint8 over axis 2 into uint64 (np.sum's accumulator): the same interchange */
	enum { N = 5000 };
	uint8_t *b = malloc(N * 3);
	uint64_t *u = calloc(N, sizeof(uint64_t));
	for (int i = 0; i < N * 3; i++)
		b[i] = (uint8_t)rnd();
	struct ue_rdim ab[2] = { { 3, 1, 0 }, { N, 3, 8 } };
	ue_reduce(UE_R_SUM, UE_UINT8, UE_UINT64, 2, ab, 0, (const char *)b, (char *)u);
	int usum = 1;
	for (int i = 0; i < N; i++)
		usum &= u[i] == (uint64_t)b[3 * i] + b[3 * i + 1] + b[3 * i + 2];
	/* max over the 3 channels (order-free too) */
	uint8_t *m = calloc(N, 1);
	ue_reduce(UE_R_MAX, UE_UINT8, UE_UINT8, 2, (struct ue_rdim[]){ { 3, 1, 0 }, { N, 3, 1 } }, 0, (const char *)b,
		  (char *)m);
	for (int i = 0; i < N; i++) {
		uint8_t w = b[3 * i] > b[3 * i + 1] ? b[3 * i] : b[3 * i + 1];
		usum &= m[i] == (w > b[3 * i + 2] ? w : b[3 * i + 2]);
	}
	ok(usum, "uint8 sum into uint64 and max over a 3-element inner axis, 5000 outputs");
	free(m);
	free(u);
	free(b);
}

/*
 * Where a partial sum can pass the float's integer range the float sum
 * runs as numpy's (pairwise in the float, rounding as it goes), which the
 * integer total would not match: 250001 uint8 into float32 (250001 * 240 >
 * 2^24), and 2^22 + 64 uint32 near 2^32 into float64 (> 2^53). The data is
 * checked to tell the two apart.
 */
static void test_exact_bound(void)
{
	enum { NF = 250001, ND = (1 << 22) + 64 };
	uint8_t *b = malloc(NF);
	int64_t exact = 0;

	seed = 2878653349u;	/* data that tells the two apart, whatever ran before */
	for (int i = 0; i < NF; i++) {
		b[i] = (uint8_t)(240 + (rnd() & 15));
		exact += b[i];
	}
	struct ue_rdim df = { NF, 1, 0 };
	float zf = 0, plain = 0;
	ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_UINT8, UE_FLOAT32, 1, &df, 8192, (const char *)b, (char *)&zf);
	ue_reduce(UE_R_SUM, UE_UINT8, UE_FLOAT32, 1, &df, 8192, (const char *)b, (char *)&plain);
	ok(plain != (float)exact && memcmp(&zf, &plain, sizeof(float)) == 0,
	   "uint8 into float32 past 2^24: the float sum, not the integer total");
	free(b);

	uint32_t *q = malloc((size_t)ND * sizeof(uint32_t));
	uint64_t qexact = 0;
	for (int i = 0; i < ND; i++) {
		q[i] = 0xffffffffu - (rnd() & 0xff);
		qexact += q[i];
	}
	struct ue_rdim dd = { ND, 4, 0 };
	double zd = 0, pd = 0;
	ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_UINT32, UE_FLOAT64, 1, &dd, 8192, (const char *)q, (char *)&zd);
	ue_reduce(UE_R_SUM, UE_UINT32, UE_FLOAT64, 1, &dd, 8192, (const char *)q, (char *)&pd);
	ok(pd != (double)qexact && memcmp(&zd, &pd, sizeof(double)) == 0,
	   "uint32 into float64 past 2^53: the float sum, not the integer total");
	free(q);
}

/*
 * float32 sums over the 3 channels of an image (the only reduced axis,
 * innermost), outputs from +0: with the kept axis put inside they must give
 * the bits of the sum the plain walk gives (numpy's order), NaN, -0 and
 * infinities included. Over axes (0, 2) two axes are reduced: the walk must
 * stay numpy's too.
 */
static void test_float_rows(void)
{
	enum { H = 5, W = 3001, C = 3 };
	float *img = malloc(H * W * C * sizeof(float));
	for (int i = 0; i < H * W * C; i++)
		img[i] = rndf() * (float)(1 << (rnd() % 20));
	img[7] = NAN;
	img[99] = -0.0f;	/* pixel 33: three -0, a +0 sum */
	img[100] = -0.0f;
	img[101] = -0.0f;
	img[300] = INFINITY;
	img[301] = -INFINITY;
	intptr_t is2 = sizeof(float), is1 = C * is2, is0 = W * is1;
	float *z = calloc(H * W, sizeof(float)), *plain = calloc(H * W, sizeof(float));
	struct ue_rdim a2[3] = { { C, is2, 0 }, { W, is1, 4 }, { H, is0, 4 * W } };
	ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT32, 3, a2, 0, (const char *)img, (char *)z);
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 3, a2, 0, (const char *)img, (char *)plain);
	int same = memcmp(z, plain, H * W * sizeof(float)) == 0 && signbit(z[33]) == 0 && isnan(z[2]) && isnan(z[100]);
	ok(same, "float32 sums over 3 channels into zeroed outputs: the bits of numpy's order, NaN and -0 included");

	float z02[W] = { 0 }, p02[W] = { 0 };
	struct ue_rdim a02[3] = { { C, is2, 0 }, { W, is1, 4 }, { H, is0, 0 } };
	ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT32, 3, a02, 8192, (const char *)img, (char *)z02);
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 3, a02, 8192, (const char *)img, (char *)p02);
	ok(memcmp(z02, p02, sizeof(z02)) == 0, "float32 sums over axes (0, 2): the walk stays numpy's");
	free(plain);
	free(z);
	free(img);
}

/*
 * A float32 sum over every axis of rows of 23 elements 24 apart (no two
 * dimensions merge), 972 rows, 17 times: numpy >= 2.3 buffers cores of one
 * row, 356 rows at a time, and its buffer ends with each run of 972 rows
 * (chunks of 8188, 8188 and 5980 elements, then again). UE_R_CORE(1) must
 * give exactly that, and the data must tell it from chunks that run on.
 */
static void test_chunk_cores(void)
{
	enum { A = 23, B = 972, C = 17, PAD = 24 };
	float *x = malloc((size_t)C * B * PAD * sizeof(float));
	float *seq = malloc((size_t)C * B * A * sizeof(float));

	seed = 3772035696u;	/* data that tells the two apart, whatever ran before */
	intptr_t n = 0;
	for (intptr_t i = 0; i < (intptr_t)C * B * PAD; i++)
		x[i] = rndf() * (float)(1 << (rnd() % 20));
	for (intptr_t c = 0; c < C; c++)
		for (intptr_t b = 0; b < B; b++)
			for (intptr_t a = 0; a < A; a++)
				seq[n++] = x[(c * B + b) * PAD + a];
	struct ue_rdim dims[3] = { { A, 4, 0 }, { B, 4 * PAD, 0 }, { C, 4 * PAD * B, 0 } };
	intptr_t chunk = (8192 / A) * A;
	float want = 0, cut = 0, flat = 0;
	for (intptr_t run = 0; run < n; run += (intptr_t)A * B) {
		for (intptr_t k = 0; k < (intptr_t)A * B; k += chunk) {
			intptr_t m = (intptr_t)A * B - k < chunk ? (intptr_t)A * B - k : chunk;
			struct ue_rdim one = { m, 4, 0 };
			float part = 0;
			ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 1, &one, 0, (const char *)(seq + run + k), (char *)&part);
			want += part;
		}
	}
	ue_reduce(UE_R_SUM | UE_R_CORE(1), UE_FLOAT32, UE_FLOAT32, 3, dims, chunk, (const char *)x, (char *)&cut);
	ue_reduce(UE_R_SUM, UE_FLOAT32, UE_FLOAT32, 3, dims, chunk, (const char *)x, (char *)&flat);
	ok(memcmp(&cut, &want, sizeof(float)) == 0 && memcmp(&flat, &want, sizeof(float)) != 0,
	   "float32 sum over every axis: numpy's buffer ends with each run of the dimension after its core");
	free(seq);
	free(x);
}

/*
 * Sums of 8-bit images into 16-bit accumulators (np.sum(img, axis=2,
 * dtype='uint16')) wrap modulo 2^16 as numpy's uint16 adds do, over the
 * channels (3 reduced innermost: the kept axis goes inside) and over a
 * column of 300 rows (300 * 255 passes 65535).
 */
static void test_sums_16(void)
{
	enum { H = 300, W = 257, C = 3 };
	uint8_t *img = malloc(H * W * C);
	int8_t *simg = malloc(H * W * C);
	uint16_t *o2 = calloc(H * W, 2), o0[W * C] = { 0 };
	int16_t *s2 = calloc(H * W, 2);
	int good = 1;

	for (int i = 0; i < H * W * C; i++) {
		uint32_t r = rnd();
		img[i] = i % 5 ? (uint8_t)r : 255;
		simg[i] = (int8_t)r;
	}
	struct ue_rdim a2[3] = { { C, 1, 0 }, { W, C, 2 }, { H, W * C, 2 * W } };
	good &= ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_UINT8, UE_UINT16, 3, a2, 0, (char *)img, (char *)o2) == 0;
	good &= ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_INT8, UE_INT16, 3, a2, 0, (char *)simg, (char *)s2) == 0;
	for (int i = 0; i < H * W; i++) {
		good &= o2[i] == (uint16_t)(img[3 * i] + img[3 * i + 1] + img[3 * i + 2]);
		good &= s2[i] == (int16_t)(simg[3 * i] + simg[3 * i + 1] + simg[3 * i + 2]);
	}
	struct ue_rdim a0[2] = { { W * C, 1, 2 }, { H, W * C, 0 } };
	good &= ue_reduce(UE_R_SUM | UE_R_ZEROED, UE_UINT8, UE_UINT16, 2, a0, 0, (char *)img, (char *)o0) == 0;
	for (int j = 0; j < W * C; j++) {
		uint32_t want = 0;

		for (int y = 0; y < H; y++)
			want += img[y * W * C + j];
		good &= o0[j] == (uint16_t)want;
	}
	ok(good, "8-bit sums into int16/uint16 wrap modulo 2^16 (channels innermost, long columns)");
	free(img);
	free(simg);
	free(o2);
	free(s2);
}

/*
 * Reductions over 1 MiB or more shared among threads along a kept
 * dimension give one thread's bytes: a float32 sum over axis 0 (the
 * innermost kept dimension split), over axis 1 (the outermost split),
 * chunked float sums of a 3-d array over its two inner axes (numpy's
 * buffer cut, UE_R_CORE), uint8 pixels into float32 (exact, in integers),
 * float32 into float64 (cast through buffers), nansum with NaNs, var's squared
 * deviations (the mean operand split with the output), and max over the
 * channels (the tiny axis moved inside).
 */
struct rcase {
	const char *what;
	int op, in_type, acc_type, ndim;
	struct ue_rdim dims[3];
	intptr_t chunk, outn;
};

static void test_threads(void)
{
	enum { R = 640, C = 1024 };
	float *x = malloc(sizeof(float) * R * C);
	uint8_t *px = malloc(R * C * 3);
	float *mean = malloc(sizeof(float) * R);
	char *o1 = malloc(8 * R * C), *o4 = malloc(8 * R * C);
	int old = ue_set_threads(1), good = 1;

	seed = 991u;
	for (int i = 0; i < R * C; i++)
		x[i] = i % 97 == 3 ? NAN : rndf() * (float)(1 << (rnd() % 12)) - 100.0f;
	for (int i = 0; i < R * C * 3; i++)
		px[i] = (uint8_t)rnd();
	for (int i = 0; i < R; i++)
		mean[i] = rndf() * 10.0f;
	struct rcase cases[] = {
		{ "sum axis 0", UE_R_SUM | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT32, 2, { { C, 4, 4 }, { R, 4 * C, 0 } }, 0, C },
		{ "sum axis 1", UE_R_SUM | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT32, 2, { { C, 4, 0 }, { R, 4 * C, 4 } }, 0, R },
		{ "chunked sum over two inner axes", UE_R_SUM | UE_R_ZEROED | UE_R_CORE(1), UE_FLOAT32, UE_FLOAT32, 3,
		  { { 16, 4, 0 }, { 64, 64, 0 }, { R, 4 * C, 4 } }, 8192, R },
		{ "uint8 pixels into float32 over the rows (exact integer sums)", UE_R_SUM | UE_R_ZEROED, UE_UINT8, UE_FLOAT32, 2,
		  { { 3 * C, 1, 4 }, { R, 3 * C, 0 } }, 0, 3 * C },
		{ "float32 into float64 over axis 1 (cast through buffers)", UE_R_SUM | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT64, 2,
		  { { C, 4, 0 }, { R, 4 * C, 8 } }, 8192, R },
		{ "nansum axis 1", UE_R_NANSUM | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT32, 2, { { C, 4, 0 }, { R, 4 * C, 4 } }, 8192, R },
		{ "squared deviations axis 1", UE_R_SSD | UE_R_ZEROED, UE_FLOAT32, UE_FLOAT32, 2, { { C, 4, 0 }, { R, 4 * C, 4 } }, 8192, R },
		{ "max over the channels", UE_R_MAX, UE_UINT8, UE_UINT8, 2, { { 3, 1, 0 }, { R * C, 3, 1 } }, 0, R * C },
		/* whole reductions: ranges of the outermost dimension into accumulators of their own */
		{ "whole uint8 sum into uint64", UE_R_SUM | UE_R_ZEROED, UE_UINT8, UE_UINT64, 2, { { 3 * C, 1, 0 }, { R, 3 * C, 0 } }, 0, 1 },
		{ "whole uint8 sum into float64 (exact)", UE_R_SUM | UE_R_ZEROED, UE_UINT8, UE_FLOAT64, 1, { { 3 * R * C, 1, 0 } }, 0, 1 },
		{ "whole uint8 max", UE_R_MAX, UE_UINT8, UE_UINT8, 1, { { 3 * R * C, 1, 0 } }, 0, 1 },
		{ "whole count of nonzero float32", UE_R_COUNT | UE_R_ZEROED, UE_FLOAT32, sizeof(void *) == 8 ? UE_INT64 : UE_INT32, 2,
		  { { C, 4, 0 }, { R, 4 * C, 0 } }, 0, 1 },
		{ "whole all of uint8", UE_R_ALL, UE_UINT8, UE_BOOL, 1, { { 3 * R * C, 1, 0 } }, 0, 1 },
	};
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct rcase *k = &cases[c];
		const char *in = k->in_type == UE_UINT8 ? (const char *)px : (const char *)x;
		size_t bytes = (size_t)k->outn * ue_itemsize(k->acc_type);
		unsigned long jobs;
		int same;

		memset(o1, 0, bytes);
		memset(o4, 0, bytes);
		if (k->op == UE_R_MAX) {
			memcpy(o1, px, bytes);
			memcpy(o4, px, bytes);
		}
		if (k->op == UE_R_ALL)
			o1[0] = o4[0] = 1;
		ue_set_threads(1);
		good = ue_reduce_aux(k->op, k->in_type, k->acc_type, k->ndim, k->dims, k->chunk, in, o1, (const char *)mean) == 0;
		ue_set_threads(4);
		jobs = ue_pool_jobs();
		good &= ue_reduce_aux(k->op, k->in_type, k->acc_type, k->ndim, k->dims, k->chunk, in, o4, (const char *)mean) == 0;
		same = !memcmp(o1, o4, bytes);
		if (k->outn == 1 && k->in_type == UE_UINT8) {
			/* the whole ones against plain loops */
			uint64_t sum = 0;
			uint8_t max = px[0], all = 1;

			for (int i = 0; i < 3 * R * C; i++) {
				sum += px[i];
				max = px[i] > max ? px[i] : max;
				all &= px[i] != 0;
			}
			if (k->acc_type == UE_UINT64)
				same &= *(uint64_t *)o4 == sum;
			else if (k->acc_type == UE_FLOAT64)
				same &= *(double *)o4 == (double)sum;
			else if (k->op == UE_R_MAX)
				same &= *(uint8_t *)o4 == max;
			else
				same &= *(uint8_t *)o4 == all;
		}
		printf("%sok %d - threads: %s equals one thread's%s\n", good && same && ue_pool_jobs() == jobs + 1 ? "" : "not ",
		       ++number, k->what, ue_pool_jobs() == jobs + 1 ? "" : " (not shared)");
		failed += !(good && same && ue_pool_jobs() == jobs + 1);
	}
	{	/* median and quartiles along axis 1 (ranks 255, 256 and 767) and the median of 9 rows per column */
		intptr_t ranks[3] = { 255, 511, 767 }, r9[1] = { 4 };
		struct ue_rdim keep = { R, 4 * C, 12 }, red = { C, 4, 0 };
		struct ue_rdim keep9[2] = { { C, 4, 4 }, { R / 9, 9 * 4 * C, 4 * C } }, red9 = { 9, 4 * C, 0 };
		unsigned long jobs;
		int same;

		ue_set_threads(1);
		good = ue_select(UE_FLOAT32, 1, &keep, 1, &red, ranks, 3, 4, (const char *)x, o1) == 0;
		good &= ue_select(UE_FLOAT32, 2, keep9, 1, &red9, r9, 1, 0, (const char *)x, o1 + 12 * R) == 0;
		ue_set_threads(4);
		jobs = ue_pool_jobs();
		good &= ue_select(UE_FLOAT32, 1, &keep, 1, &red, ranks, 3, 4, (const char *)x, o4) == 0;
		good &= ue_select(UE_FLOAT32, 2, keep9, 1, &red9, r9, 1, 0, (const char *)x, o4 + 12 * R) == 0;
		same = !memcmp(o1, o4, 12 * R + 4 * (size_t)C * (R / 9));
		ok(good && same && ue_pool_jobs() == jobs + 2, "threads: order statistics along rows and of 9-row stacks equal one thread's");
	}
	ue_set_threads(old);
	free(x);
	free(px);
	free(mean);
	free(o1);
	free(o4);
}

/*
 * argmin/argmax of runs of 1 MiB or more are shared in pieces: the answer
 * must be the first extreme (or first NaN) of the whole run, also when the
 * extreme is tied across pieces, sits at a piece's first element, or a NaN
 * follows an earlier one in another piece; and the call must be shared.
 */
static void test_arg_threads(void)
{
	enum { N = 3 << 20 };	/* 3 Mi uint8 (3 MiB) or float32 (12 MiB) */
	uint8_t *u = malloc(N);
	float *f = malloc(N * sizeof(float));
	int ip = sizeof(intptr_t) == 8 ? UE_INT64 : UE_INT32, old = ue_set_threads(4), good = 1, shared = 1;

	seed = 4242u;
	for (int trial = 0; trial < 12; trial++) {
		intptr_t n = N - (intptr_t)(rnd() % 5000);
		for (intptr_t i = 0; i < n; i++) {
			u[i] = (uint8_t)(1 + rnd() % 250);
			f[i] = (float)(rnd() % 100000);
		}
		/* ties in several pieces; the last trials put them at piece boundaries */
		for (int k = 0; k < 3; k++) {
			intptr_t at = trial >= 8 ? (intptr_t)(k + 1) * (n / 4) : (intptr_t)(rnd() % n);
			u[at] = trial % 2 ? 255 : 0;
			f[at] = trial % 2 ? 1e9f : -1e9f;
		}
		if (trial % 3 == 2) {	/* two NaNs, the first one wins */
			f[n - 7] = NAN;
			f[n / 2 + (intptr_t)(rnd() % 1000)] = NAN;
		}
		for (int w = 0; w < 2; w++) {
			intptr_t got = -1;
			unsigned long jobs = ue_pool_jobs();

			ue_argreduce(w, UE_UINT8, ip, n, 1, 0, NULL, (const char *)u, (char *)&got);
			shared &= ue_pool_jobs() == jobs + 1;
			intptr_t r = 0;
			for (intptr_t i = 1; i < n; i++)
				if (w ? u[i] > u[r] : u[i] < u[r])
					r = i;
			good &= got == r;
			ue_argreduce(w, UE_FLOAT32, ip, n, 4, 0, NULL, (const char *)f, (char *)&got);
			good &= got == ref_argmax(f, n, 1, w);
		}
	}
	/* bool: the first True (argmax), the first False (argmin), 0 when there is none */
	memset(u, 1, N);
	intptr_t g0 = -1, g1 = -1;
	ue_argreduce(0, UE_BOOL, ip, N, 1, 0, NULL, (const char *)u, (char *)&g0);
	ue_argreduce(1, UE_BOOL, ip, N, 1, 0, NULL, (const char *)u, (char *)&g1);
	good &= g0 == 0 && g1 == 0;
	u[N - 3] = 0;
	u[N / 2 + 11] = 0;
	ue_argreduce(0, UE_BOOL, ip, N, 1, 0, NULL, (const char *)u, (char *)&g0);
	good &= g0 == N / 2 + 11;
	memset(u, 0, N);
	u[N / 3 * 2] = 1;
	ue_argreduce(1, UE_BOOL, ip, N, 1, 0, NULL, (const char *)u, (char *)&g1);
	good &= g1 == N / 3 * 2;
	ok(good && shared, "threads: argmin/argmax of 1 MiB+ runs shared in pieces give the first extreme, first NaN, first True/False");
	ue_set_threads(old);
	free(u);
	free(f);
}

/* The first extreme (NaN first) of n values of @type at @p, @s bytes apart, compared as doubles. */
static intptr_t ref_arg_any(int type, const char *p, intptr_t n, intptr_t s, int want_max)
{
	intptr_t best = 0;
	double bv = 0;

	for (intptr_t i = 0; i < n; i++) {
		const char *q = p + i * s;
		double v;

		switch (type) {
		case UE_BOOL: case UE_UINT8: v = *(const uint8_t *)q; break;
		case UE_INT16: v = *(const int16_t *)q; break;
		case UE_FLOAT32: v = *(const float *)q; break;
		default: v = *(const double *)q; break;
		}
		if (i == 0 || (bv == bv && (v != v || (want_max ? v > bv : v < bv)))) {
			bv = v;
			best = i;
		}
	}
	return best;
}

/*
 * argmin/argmax along an axis whose elements are apart (a channel of an
 * image along its rows, 3 or 5 channels) copy each lane into a contiguous one first; many
 * outputs over 1 MiB are shared by ranges of the outermost kept axis, as
 * are the row-by-row outputs of a reduction along axis 0.
 */
static void test_arg_lanes(void)
{
	enum { R = 1200, C = 1000, CHMAX = 5 };
	static const struct {
		int type;
		size_t isz;
	} kinds[] = { { UE_UINT8, 1 }, { UE_BOOL, 1 }, { UE_INT16, 2 }, { UE_FLOAT32, 4 }, { UE_FLOAT64, 8 } };
	int ip = sizeof(intptr_t) == 8 ? UE_INT64 : UE_INT32, old = ue_set_threads(1), good = 1, shared = 1;
	char *m = malloc((size_t)R * C * CHMAX * 8);
	intptr_t *o1 = malloc(sizeof(intptr_t) * (R > C ? R : C)), *o4 = malloc(sizeof(intptr_t) * (R > C ? R : C));

	seed = 515u;
	/* 3 channels: the iterator's gathers; 5: the copy loop */
	for (size_t q = 0; q < sizeof(kinds) / sizeof(kinds[0]) * 2; q++) {
		size_t k = q / 2;
		intptr_t CH = q % 2 ? 5 : 3;
		int t = kinds[k].type;
		intptr_t sz = (intptr_t)kinds[k].isz;

		for (intptr_t i = 0; i < (intptr_t)R * C * CH; i++) {
			char *q = m + i * sz;
			unsigned r = rnd();

			switch (t) {
			case UE_BOOL: *(uint8_t *)q = r % 500 == 0; break;
			case UE_UINT8: *(uint8_t *)q = (uint8_t)(r % 200); break;
			case UE_INT16: *(int16_t *)q = (int16_t)(r % 3000 - 1500); break;
			case UE_FLOAT32: *(float *)q = r % 4001 == 0 ? NAN : (float)(r % 5000); break;
			default: *(double *)q = r % 7001 == 0 ? NAN : (double)(r % 5000) - 0.5; break;
			}
		}
		for (int w = 0; w < 2; w++) {
			/* channel 1 along axis 1: R outputs, lanes of C elements CH apart */
			struct ue_rdim lanes = { R, C * CH * sz, sizeof(intptr_t) };
			/* channel 2 along axis 0: C outputs, row by row */
			struct ue_rdim cols = { C, CH * sz, sizeof(intptr_t) };
			const char *ch1 = m + sz, *ch2 = m + 2 * sz;
			unsigned long jobs;

			ue_set_threads(1);
			ue_argreduce(w, t, ip, C, CH * sz, 1, &lanes, ch1, (char *)o1);
			for (intptr_t r = 0; r < R; r++)
				good &= o1[r] == ref_arg_any(t, ch1 + r * C * CH * sz, C, CH * sz, w);
			ue_set_threads(4);
			jobs = ue_pool_jobs();
			ue_argreduce(w, t, ip, C, CH * sz, 1, &lanes, ch1, (char *)o4);
			shared &= ue_pool_jobs() == jobs + 1;
			good &= !memcmp(o1, o4, sizeof(intptr_t) * R);

			ue_set_threads(1);
			ue_argreduce(w, t, ip, R, C * CH * sz, 1, &cols, ch2, (char *)o1);
			for (intptr_t c = 0; c < C; c++)
				good &= o1[c] == ref_arg_any(t, ch2 + c * CH * sz, R, C * CH * sz, w);
			ue_set_threads(4);
			jobs = ue_pool_jobs();
			ue_argreduce(w, t, ip, R, C * CH * sz, 1, &cols, ch2, (char *)o4);
			shared &= ue_pool_jobs() == jobs + 1;
			good &= !memcmp(o1, o4, sizeof(intptr_t) * C);
		}
	}
	ok(good && shared, "argmin/argmax along rows of a channel (gathered lanes) and along axis 0, shared by output ranges");
	ue_set_threads(old);
	free(m);
	free(o1);
	free(o4);
}

/*
 * cumsum/cumprod of an integer lane of 1 MiB or more is shared in two passes
 * (piece totals, then each piece from the fold of those before it): every
 * value must equal the one sequence's, wrap-around included.
 */
static void test_accumulate_threads(void)
{
	enum { N = (1 << 20) + 4099 };
	char *in = malloc(8 * (size_t)N), *o1 = malloc(8 * (size_t)N), *o4 = malloc(8 * (size_t)N);
	static const struct {
		int op, type;
		size_t isz;
	} kinds[] = {
		{ UE_R_SUM, UE_INT64, 8 }, { UE_R_SUM, UE_UINT8, 1 }, { UE_R_SUM, UE_INT16, 2 },
		{ UE_R_PROD, UE_UINT64, 8 }, { UE_R_PROD, UE_INT32, 4 },
	};
	int old = ue_set_threads(1), good = 1, shared = 1;

	seed = 77u;
	for (size_t i = 0; i < 8 * (size_t)N; i++)
		in[i] = (char)rnd();
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		int t = kinds[k].type;
		intptr_t n = N - (intptr_t)k * 997, sz = (intptr_t)kinds[k].isz;
		unsigned long jobs;

		if (kinds[k].op == UE_R_PROD)	/* odd factors near 1, so the products stay nonzero and wrap */
			for (intptr_t i = 0; i < n; i++) {
				memset(in + i * sz, 0, (size_t)sz);
				in[i * sz] = (char)(rnd() % 4 == 0 ? 3 : 1);
			}
		if (sz == 1)	/* uint8 runs of 1 MiB+: make sure the sum wraps many times over */
			n = N;
		ue_set_threads(1);
		good &= ue_accumulate(kinds[k].op, t, t, n, sz, sz, 0, NULL, in, o1) == 0;
		ue_set_threads(4);
		jobs = ue_pool_jobs();
		good &= ue_accumulate(kinds[k].op, t, t, n, sz, sz, 0, NULL, in, o4) == 0;
		shared &= (double)n * (double)sz < (1 << 20) || ue_pool_jobs() == jobs + 2;
		good &= !memcmp(o1, o4, (size_t)(n * sz));
	}
	ok(good && shared, "threads: integer cumsum/cumprod of 1 MiB+ lanes in two passes equal the one sequence");
	ue_set_threads(old);
	free(in);
	free(o1);
	free(o4);
}

/*
 * Whole strided runs longer than a lane (a channel of a frame): argmin and
 * argmax find numpy's first extreme or first NaN across the lanes, ties
 * and NaN placed in later lanes, a last lane of under 16; min/max give the
 * first NaN, fmin/fmax skip it, gathered 4 KiB at a time.
 */
static void test_strided_runs(void)
{
	enum { S = 3, N = 3 * 4096 + 9 };
	float *x = malloc(sizeof(float) * N * S);
	uint8_t *u = malloc(N * S);
	const int ip = sizeof(intptr_t) == 8 ? UE_INT64 : UE_INT32;
	int good = x && u;

	for (int trial = 0; good && trial < 12; trial++) {
		for (intptr_t i = 0; i < N * S; i++) {
			x[i] = (float)(rnd() % 50);
			u[i] = (uint8_t)(rnd() % 9);
		}
		if (trial % 3 == 1)
			x[(4096 + rnd() % 8000) * S] = NAN;	/* in a later lane */
		if (trial % 3 == 2) {
			x[(2 * 4096 + 7) * S] = NAN;
			x[(4096 + 5) * S] = NAN;
		}
		for (int w = 0; w < 2; w++) {
			intptr_t got = -1, gu = -1, wu = 0;

			ue_argreduce(w, UE_FLOAT32, ip, N, S * 4, 0, NULL, (const char *)x, (char *)&got);
			good &= got == ref_argmax(x, N, S, w);
			ue_argreduce(w, UE_UINT8, ip, N, S, 0, NULL, (const char *)u, (char *)&gu);
			for (intptr_t i = 1; i < N; i++)
				if (w ? u[i * S] > u[wu * S] : u[i * S] < u[wu * S])
					wu = i;
			good &= gu == wu;
		}
	}
	ok(good, "argmin/argmax of a strided run past a lane: the first extreme or NaN across lanes");

	good = x != NULL;
	for (int trial = 0; good && trial < 6; trial++) {
		struct ue_rdim d = { N - 1, S * 4, 0 };
		static const int ops[4] = { UE_R_MIN, UE_R_MAX, UE_R_FMIN, UE_R_FMAX };

		for (intptr_t i = 0; i < N * S; i++)
			x[i] = rndf();
		x[1024 * S] = 1000;	/* the extremes last in their 4 KiB pieces */
		x[2048 * S] = -1000;
		if (trial & 1)
			x[(4096 + 3) * S] = NAN;
		if (trial & 2)
			x[(2 * 4096 + 3) * S] = -NAN;
		for (int k = 0; k < 4; k++) {
			float got = x[0], want = x[0];

			ue_reduce(ops[k], UE_FLOAT32, UE_FLOAT32, 1, &d, 0, (const char *)(x + S), (char *)&got);
			for (intptr_t i = 1; i < N; i++) {
				float v = x[i * S];

				if (k < 2)
					want = want != want ? want : v != v ? v : (k == 0 ? (v < want ? v : want) : (v > want ? v : want));
				else if (v == v)
					want = want != want ? v : (k == 2 ? (v < want ? v : want) : (v > want ? v : want));
			}
			good &= memcmp(&got, &want, 4) == 0;
		}
	}
	ok(good, "min/max of a strided run: the extreme or the first NaN (bit for bit); fmin/fmax skip NaN");
	free(x);
	free(u);
}

int main(void)
{
	printf("TAP version 13\n");
	test_arg();
	test_accumulate();
	test_select();
	test_mapped();
	test_exact_sums();
	test_exact_bound();
	test_float_rows();
	test_chunk_cores();
	test_sums_16();
	test_threads();
	test_arg_threads();
	test_arg_lanes();
	test_strided_runs();
	test_accumulate_threads();
	printf("1..%d\n", number);
	return failed ? 1 : 0;
}
