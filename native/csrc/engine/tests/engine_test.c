/* SPDX-License-Identifier: MIT */
/*
 * engine_test.c - the engine on its own, without Node: the registry, the
 * iterator (axis order, coalescing, broadcasting, negative strides, cast
 * buffers across chunks, overlap copies, the where= mask), the casts and
 * the arithmetic loops' edge cases. Prints TAP lines; built and run by
 * native/csrc/tests/run.sh.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "types.h"

static int failed, number;

static void ok(int cond, const char *what)
{
	printf("%sok %d - engine: %s\n", cond ? "" : "not ", ++number, what);
	failed += !cond;
}

static const struct ue_loop *loop(const char *name, const char *sig)
{
	const struct ue_loop *l = ue_find_loop(name, sig);

	if (!l) {
		printf("# no loop %s %s\n", name, sig);
		exit(1);
	}
	return l;
}

static void set_op(struct ue_operand *op, void *data, int dtype, int ndim, const intptr_t *strides)
{
	op->data = data;
	op->dtype = dtype;
	op->flags = 0;
	memcpy(op->strides, strides, sizeof(intptr_t) * (size_t)ndim);
}

static void test_registry(void)
{
	ok(ue_find_loop("add", "bb->b") && ue_find_loop("_cast", "d->?") && ue_find_loop("where", "?dd->d") &&
	   ue_find_loop("less", "qQ->?") && !ue_find_loop("add", "xx->x") && !ue_find_loop("nosuch", "dd->d"),
	   "the registry finds loops by name and signature");
	ok(ue_dtype_of_char('?') == UE_BOOL && ue_dtype_of_char('d') == UE_FLOAT64 && ue_dtype_of_char('x') < 0 &&
	   ue_itemsize(UE_UINT16) == 2 && ue_itemsize(99) == 0, "dtype codes and item sizes");
}

/* a 3-d int32 add of a transposed, reversed view and a broadcast row */
static void test_views(void)
{
	int32_t a[4 * 5 * 6], b[6], o[5 * 4 * 6];
	intptr_t shape[3] = { 5, 4, 6 };
	/* a viewed as a[::-1, :, :].transpose(1, 0, 2): shape (5, 4, 6) */
	intptr_t sa[3] = { 6 * 4, -5 * 6 * 4, 4 };
	intptr_t sb[3] = { 0, 0, 4 };
	intptr_t so[3] = { 4 * 6 * 4, 6 * 4, 4 };
	struct ue_operand ops[3];
	int good = 1;

	for (int i = 0; i < 120; i++)
		a[i] = i * 7 - 300;
	for (int i = 0; i < 6; i++)
		b[i] = 1000 * i;
	set_op(&ops[0], (char *)a + 3 * 5 * 6 * 4, UE_INT32, 3, sa);
	set_op(&ops[1], b, UE_INT32, 3, sb);
	set_op(&ops[2], o, UE_INT32, 3, so);
	good &= ue_iterate(loop("add", "ii->i"), 2, 1, ops, 3, shape, NULL) == 0;
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 4; j++)
			for (int k = 0; k < 6; k++)
				good &= o[(i * 4 + j) * 6 + k] == a[((3 - j) * 5 + i) * 6 + k] + b[k];
	ok(good, "3-d add of a reversed, transposed view and a broadcast row");
}

/* a copy loop that records the longest run it was called with */
static intptr_t runs_longest, runs_calls;

static void count_runs(char **args, const intptr_t *dims, const intptr_t *steps, const void *data)
{
	const struct ue_loop *copy = data;

	runs_calls++;
	if (dims[0] > runs_longest)
		runs_longest = dims[0];
	copy->fn(args, dims, steps, copy->data);
}

/* which axis the iterator walks innermost when the last one is short */
static void test_short_inner(void)
{
	static uint8_t src[40 * 34 * 3], dst[40 * 30 * 3 * 2];
	struct ue_loop counting = { "_cast", "B->B", count_runs, NULL };
	struct ue_operand ops[2];
	/* a crop of a wider image with its channels reversed: shape (40, 30, 3) */
	intptr_t crop[3] = { 40, 30, 3 }, cs[3] = { 34 * 3, 3, -1 }, cd[3] = { 90, 3, 1 };
	/* pixels repeated twice along their rows: shape (4, 20, 2, 3) */
	intptr_t rep[4] = { 4, 20, 2, 3 }, rs[4] = { 60, 3, 0, 1 }, rd[4] = { 120, 6, 3, 1 };
	int good = 1;

	counting.data = loop("_cast", "B->B");
	for (int i = 0; i < (int)sizeof(src); i++)
		src[i] = (uint8_t)(i * 13);
	set_op(&ops[0], src + 2, UE_UINT8, 3, cs);
	set_op(&ops[1], dst, UE_UINT8, 3, cd);
	runs_longest = runs_calls = 0;
	good &= ue_iterate(&counting, 1, 1, ops, 3, crop, NULL) == 0 && runs_longest == 30;
	for (int y = 0; y < 40; y++)
		for (int x = 0; x < 30; x++)
			for (int c = 0; c < 3; c++)
				good &= dst[(y * 30 + x) * 3 + c] == src[2 + y * 102 + x * 3 - c];
	ok(good, "a crop with a short last axis walks its rows, not its columns (the nearest longer axis)");
	set_op(&ops[0], src, UE_UINT8, 4, rs);
	set_op(&ops[1], dst, UE_UINT8, 4, rd);
	runs_longest = runs_calls = 0;
	good = ue_iterate(&counting, 1, 1, ops, 4, rep, NULL) == 0 && runs_longest == 80 && runs_calls == 2 * 3;
	for (int i = 0; i < 4 * 20 * 2 * 3; i++)
		good &= dst[i] == src[(i / 120) * 60 + (i / 6 % 20) * 3 + i % 3];
	/* the 4 rows of 20 pixels coalesce into one axis of 80 */
	ok(good, "repeated pixels are walked along their rows, past the repeat axis of 2");
	{
		/* a stack of 40000 transposed 3x3 matrices: 9 passes of 360 KB would cost more than runs of 3 */
		static uint8_t m[40000 * 9], t[40000 * 9];
		intptr_t shape[3] = { 40000, 3, 3 }, ms[3] = { 9, 1, 3 }, ts[3] = { 9, 3, 1 };

		for (int i = 0; i < 40000 * 9; i++)
			m[i] = (uint8_t)(i * 7);
		set_op(&ops[0], m, UE_UINT8, 3, ms);
		set_op(&ops[1], t, UE_UINT8, 3, ts);
		runs_longest = runs_calls = 0;
		good = ue_iterate(&counting, 1, 1, ops, 3, shape, NULL) == 0 && runs_longest == 3;
		for (int i = 0; i < 40000 * 9; i++)
			good &= t[i] == m[i / 9 * 9 + i % 3 * 3 + i / 3 % 3];
		ok(good, "transposed 3x3 matrices keep their short runs (more than 8 passes over a long axis)");
	}
}

/* uint8 + int16 through the int16 loop: the uint8 operand is cast in buffers across several chunks */
static void test_cast_buffers(void)
{
	enum { N = 20011 };
	uint8_t *a = malloc(N);
	int16_t *b = malloc(N * 2);
	float *o = malloc(N * 4);
	intptr_t shape[1] = { N }, s1[1] = { 1 }, s2[1] = { 2 }, s4[1] = { 4 };
	struct ue_operand ops[3];
	int good = 1;

	for (int i = 0; i < N; i++) {
		a[i] = (uint8_t)(i * 13);
		b[i] = (int16_t)(i * 31 - 30000);
	}
	set_op(&ops[0], a, UE_UINT8, 1, s1);
	set_op(&ops[1], b, UE_INT16, 1, s2);
	set_op(&ops[2], o, UE_FLOAT32, 1, s4);
	good &= ue_iterate(loop("add", "hh->h"), 2, 1, ops, 1, shape, NULL) == 0;
	for (int i = 0; i < N; i++)
		good &= o[i] == (float)(int16_t)(a[i] + b[i]);
	ok(good, "operands of other dtypes go through cast buffers (in and out), across chunks");
	free(a);
	free(b);
	free(o);
}

/* add(c[:-1], c[1:], out=c[1:]): numpy reads all inputs first */
static void test_overlap(void)
{
	int64_t c[1000], ref[1000];
	intptr_t shape[1] = { 999 }, s[1] = { 8 };
	struct ue_operand ops[3];
	int good = 1;

	for (int i = 0; i < 1000; i++)
		c[i] = ref[i] = i * i;
	for (int i = 999; i >= 1; i--)
		ref[i] = ref[i - 1] + ref[i];
	for (int i = 1; i < 1000; i++)
		ref[i] = (int64_t)(i - 1) * (i - 1) + (int64_t)i * i;
	set_op(&ops[0], c, UE_INT64, 1, s);
	set_op(&ops[1], c + 1, UE_INT64, 1, s);
	set_op(&ops[2], c + 1, UE_INT64, 1, s);
	good &= ue_iterate(loop("add", "qq->q"), 2, 1, ops, 1, shape, NULL) == 0;
	for (int i = 0; i < 1000; i++)
		good &= c[i] == ref[i];
	ok(good, "an input overlapping the output is read before anything is written");
}

static void test_where(void)
{
	double a[50], o[50];
	uint8_t m[50];
	intptr_t shape[1] = { 50 }, s8[1] = { 8 }, s1[1] = { 1 };
	struct ue_operand ops[2], w;
	int good = 1;

	for (int i = 0; i < 50; i++) {
		a[i] = i;
		o[i] = -1;
		m[i] = i % 3 == 0;
	}
	set_op(&ops[0], a, UE_FLOAT64, 1, s8);
	set_op(&ops[1], o, UE_FLOAT64, 1, s8);
	set_op(&w, m, UE_BOOL, 1, s1);
	good &= ue_iterate(loop("_cast", "d->d"), 1, 1, ops, 1, shape, &w) == 0;
	for (int i = 0; i < 50; i++)
		good &= o[i] == (i % 3 == 0 ? i : -1);
	ok(good, "where= writes only the masked elements");

	/* np.where's loop: an array and a scalar either way round, against the strided path */
	{
		const struct ue_loop *l = loop("where", "?BB->B");
		uint8_t x[40], y = 7, z[40], want[40], cond[40];
		intptr_t n = 40, fast[4] = { 1, 1, 0, 1 }, swapped[4] = { 1, 0, 1, 1 };
		char *args[4] = { (char *)cond, (char *)x, (char *)&y, (char *)z };
		char *args2[4] = { (char *)cond, (char *)&y, (char *)x, (char *)z };

		for (int i = 0; i < 40; i++) {
			x[i] = (uint8_t)(100 + i);
			cond[i] = (uint8_t)(i % 5 == 1 || i > 30);
			want[i] = cond[i] ? x[i] : y;
		}
		l->fn(args, &n, fast, l->data);
		good = !memcmp(z, want, sizeof(z));
		for (int i = 0; i < 40; i++)
			want[i] = cond[i] ? y : x[i];
		l->fn(args2, &n, swapped, l->data);
		ok(good && !memcmp(z, want, sizeof(z)), "where(mask, array, scalar) and where(mask, scalar, array)");
	}
}

static void cast1(const char *sig, const void *src, void *dst, intptr_t n)
{
	const struct ue_loop *l = loop("_cast", sig);
	char *args[2] = { (char *)src, (char *)dst };
	intptr_t steps[2] = { (intptr_t)ue_itemsize(ue_dtype_of_char(sig[0])), (intptr_t)ue_itemsize(ue_dtype_of_char(sig[3])) };

	l->fn(args, &n, steps, l->data);
}

static void test_casts(void)
{
	double d[6] = { 300.7, -1.5, NAN, INFINITY, 1e20, -0.0 };
	uint8_t u8[6], b[6], raw[3] = { 0, 2, 255 };
	int32_t i32[6];
	uint64_t u64[1];
	int64_t big = -1;
	float f;

	cast1("d->B", d, u8, 6);
	cast1("d->?", d, b, 6);
	cast1("d->i", d, i32, 6);
	ok(u8[0] == 44 && u8[1] == 255 && b[0] && b[2] && b[3] && !b[5] && i32[0] == 300 && i32[1] == -1,
	   "float to integer truncates and wraps; NaN is true");
#if defined(__x86_64__) || defined(__i386__)
	ok(i32[2] == INT32_MIN && i32[3] == INT32_MIN && u8[2] == 0 && u8[4] == 0,
	   "x86: NaN and out-of-range floats give the SSE 'integer indefinite', as numpy");
#else
	ok(i32[2] == 0 && i32[3] == INT32_MAX && i32[4] == INT32_MAX, "ARM: float to int saturates, NaN is 0");
#endif
	cast1("?->B", raw, u8, 3);
	ok(u8[0] == 0 && u8[1] == 1 && u8[2] == 1, "bool casts normalise to 0/1");
	cast1("q->Q", &big, u64, 1);
	cast1("Q->f", u64, &f, 1);
	ok(u64[0] == UINT64_MAX && f == 18446744073709551616.0f, "int64 -1 to uint64 wraps; uint64 to float32 rounds");
	{
		/* same-type casts copy bits (a signalling NaN's payload too); bool to bool normalises */
		uint64_t snan = 0x7ff0000000000123ull, got = 0;
		uint8_t two[2] = { 2, 0 }, norm[2];

		cast1("d->d", &snan, &got, 1);
		cast1("?->?", two, norm, 2);
		ok(got == snan && norm[0] == 1 && norm[1] == 0, "a same-type cast copies the bits; bool to bool makes 1s");
	}
}

static void test_loops(void)
{
	double x[4] = { NAN, 1, 0.0, -0.0 }, y[4] = { 1, NAN, -0.0, 0.0 }, mn[4], fm[4];
	int8_t s[4] = { -128, 64, -1, 5 }, sh[4] = { 1, 9, 100, -1 }, ls[4], rs[4];
	int64_t q[2] = { -1, 5 };
	uint64_t Q[2] = { UINT64_MAX, 5 };
	uint8_t lt[2], eq[2];
	char *a2[3];
	intptr_t n = 4, st8[3] = { 8, 8, 8 }, st1[3] = { 1, 1, 1 }, stq[3] = { 8, 8, 1 };

	a2[0] = (char *)x, a2[1] = (char *)y, a2[2] = (char *)mn;
	loop("minimum", "dd->d")->fn(a2, &n, st8, NULL);
	a2[2] = (char *)fm;
	loop("fmin", "dd->d")->fn(a2, &n, st8, NULL);
	ok(isnan(mn[0]) && isnan(mn[1]) && signbit(mn[2]) && !signbit(mn[3]) && fm[0] == 1 && fm[1] == 1 &&
	   !signbit(fm[2]) && signbit(fm[3]), "minimum propagates NaN, fmin ignores it; equal zeros as numpy");
	a2[0] = (char *)s, a2[1] = (char *)sh, a2[2] = (char *)ls;
	loop("left_shift", "bb->b")->fn(a2, &n, st1, NULL);
	a2[2] = (char *)rs;
	loop("right_shift", "bb->b")->fn(a2, &n, st1, NULL);
	ok(ls[0] == 0 && ls[1] == 0 && ls[2] == 0 && ls[3] == 0 && rs[0] == -64 && rs[1] == 0 && rs[2] == -1 && rs[3] == 0,
	   "shifts by the width or more (or negative counts) give 0, or -1 for negative values shifted right");
	n = 2;
	a2[0] = (char *)q, a2[1] = (char *)Q, a2[2] = (char *)lt;
	loop("less", "qQ->?")->fn(a2, &n, stq, NULL);
	a2[2] = (char *)eq;
	loop("equal", "qQ->?")->fn(a2, &n, stq, NULL);
	ok(lt[0] == 1 && lt[1] == 0 && eq[0] == 0 && eq[1] == 1, "int64 against uint64 compares exactly");
}

/*
 * New results written past the caches (UE_OP_FRESH): the same values as
 * plain stores, for outputs starting at every byte offset 0..17 (the
 * stream's aligned body and its plain head and tail), lengths that end
 * mid-line, a 2-d result whose rows are streamed one by one, and a cast.
 */
static void test_stream(void)
{
	enum { N = 3 * 4096 + 37 };
	uint8_t *a = malloc(N), *b = malloc(N), *o1 = malloc(N + 64), *o2 = malloc(N + 64);
	int16_t *w1 = malloc(2 * N + 64), *w2 = malloc(2 * N + 64);
	size_t old = ue_set_stream_min(1);
	int good = 1;

	for (int i = 0; i < N; i++) {
		a[i] = (uint8_t)(i * 31 + 7);
		b[i] = (uint8_t)(i * 17 + 3);
	}
	for (int off = 0; off < 18; off++) {
		for (int fresh = 0; fresh < 2; fresh++) {
			uint8_t *o = (fresh ? o2 : o1) + off;
			intptr_t shape[1] = { N - off }, st[1] = { 1 };
			struct ue_operand ops[3];

			set_op(&ops[0], a, UE_UINT8, 1, st);
			set_op(&ops[1], b, UE_UINT8, 1, st);
			set_op(&ops[2], o, UE_UINT8, 1, st);
			ops[2].flags = fresh ? UE_OP_FRESH : 0;
			good &= ue_iterate(loop("add", "BB->B"), 2, 1, ops, 1, shape, NULL) == 0;
		}
		good &= !memcmp(o1 + off, o2 + off, (size_t)(N - off));
	}
	{	/* 2-d: 3 rows of 4097 elements from a strided source */
		intptr_t shape[2] = { 3, 4097 }, sa[2] = { 4099, 1 }, so[2] = { 4097, 1 };
		struct ue_operand ops[3];

		for (int fresh = 0; fresh < 2; fresh++) {
			set_op(&ops[0], a, UE_UINT8, 2, sa);
			set_op(&ops[1], b, UE_UINT8, 2, sa);
			set_op(&ops[2], fresh ? o2 + 5 : o1 + 5, UE_UINT8, 2, so);
			ops[2].flags = fresh ? UE_OP_FRESH : 0;
			good &= ue_iterate(loop("add", "BB->B"), 2, 1, ops, 2, shape, NULL) == 0;
		}
		good &= !memcmp(o1 + 5, o2 + 5, 3 * 4097);
	}
	{	/* a cast into a new int16 array (astype) */
		intptr_t shape[1] = { N }, s1[1] = { 1 }, s2[1] = { 2 };
		struct ue_operand ops[2];

		for (int fresh = 0; fresh < 2; fresh++) {
			set_op(&ops[0], a, UE_UINT8, 1, s1);
			set_op(&ops[1], (char *)(fresh ? w2 : w1) + 6, UE_INT16, 1, s2);
			ops[1].flags = fresh ? UE_OP_FRESH : 0;
			good &= ue_iterate(loop("_cast", "B->h"), 1, 1, ops, 1, shape, NULL) == 0;
		}
		good &= !memcmp((char *)w1 + 6, (char *)w2 + 6, 2 * N);
		good &= ((int16_t *)((char *)w2 + 6))[N - 1] == a[N - 1];
	}
	for (int off = 0; off < 66; off += 13) {	/* copies of a flipped source go straight to the stream */
		enum { R = 7, C = 4100 };
		intptr_t shape[2] = { R, C }, si[2] = { -C, 1 }, so[2] = { C, 1 };
		uint8_t *src = malloc(R * C), *dst = malloc(R * C + 160);
		struct ue_operand ops[2];
		int same = 1;

		for (int i = 0; i < R * C; i++)
			src[i] = (uint8_t)(i * 7 + i / C);
		memset(dst, 0xAA, R * C + 160);
		set_op(&ops[0], src + (R - 1) * C, UE_UINT8, 2, si);
		set_op(&ops[1], dst + 64 + off, UE_UINT8, 2, so);
		ops[1].flags = UE_OP_FRESH;
		good &= ue_iterate(loop("_cast", "B->B"), 1, 1, ops, 2, shape, NULL) == 0;
		for (int r = 0; r < R; r++)
			same &= !memcmp(dst + 64 + off + r * C, src + (R - 1 - r) * C, C);
		for (int i = 0; i < 64 + off; i++)
			same &= dst[i] == 0xAA;
		for (int i = 64 + off + R * C; i < R * C + 160; i++)
			same &= dst[i] == 0xAA;
		good &= same;
		free(src);
		free(dst);
	}
	ue_set_stream_min(old);
	ok(good, "new results streamed past the caches equal plain stores (every alignment, 2-d rows, a cast, "
	   "flipped copies with rows ending mid-line, nothing written around them)");
	free(a);
	free(b);
	free(o1);
	free(o2);
	free(w1);
	free(w2);
}

/*
 * A scalar shift count is checked once (the loop left is a vector shift):
 * every integer type, counts inside and outside [0, bits), negative ones
 * (bytes shifted right by each count 0-7 go eight to a 64-bit word),
 * against the loop that checks each count of an array.
 */
static void test_scalar_shifts(void)
{
	static const struct { char sig; int size; } types[] = {
		{ 'b', 1 }, { 'B', 1 }, { 'h', 2 }, { 'H', 2 }, { 'i', 4 }, { 'I', 4 }, { 'q', 8 }, { 'Q', 8 },
	};
	static const int64_t counts[] = { -1, -100, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127 };
	enum { N = 203 };
	unsigned char x[N * 8], c[N * 8], o1[N * 8], o2[N * 8];
	int good = 1;

	for (int i = 0; i < N * 8; i++)
		x[i] = (unsigned char)(i * 73 + (i >> 3) * 29 + 11);
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		char sig[6] = { types[t].sig, types[t].sig, '-', '>', types[t].sig, 0 };
		intptr_t n = N, sz = types[t].size, vec[3] = { sz, sz, sz }, sca[3] = { sz, 0, sz };

		for (int dir = 0; dir < 2; dir++) {
			const struct ue_loop *l = loop(dir ? "right_shift" : "left_shift", sig);

			for (size_t k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
				char *a1[3] = { (char *)x, (char *)c, (char *)o1 }, *a2[3] = { (char *)x, (char *)c, (char *)o2 };

				for (int i = 0; i < N; i++)
					memcpy(c + i * sz, &counts[k], (size_t)sz); /* little-endian: the low bytes */
				l->fn(a1, &n, vec, NULL);
				l->fn(a2, &n, sca, NULL);
				if (memcmp(o1, o2, (size_t)(N * sz))) {
					printf("# %s %s by %lld differs\n", dir ? "right_shift" : "left_shift", sig, (long long)counts[k]);
					good = 0;
				}
			}
		}
	}
	ok(good, "shifts by a scalar count (checked once) equal the per-element loop, counts in and out of range");
}

/*
 * ue_scatter() runs themselves (AVX-512 where the CPU has it): every length
 * 0-300 from every start offset 0-3 items, every item size, steps 2-4 and
 * backwards: the run's items land on every step-th item and nothing else
 * around or between them changes (the other channels of a pixel).
 */
static void test_scatter_runs(void)
{
	enum { MAXN = 300, GUARD = 64 };
	static const intptr_t steps[] = { 2, 3, 4, -1 };
	static const size_t sizes[] = { 1, 2, 4, 8 };
	size_t span = (size_t)(MAXN + 8) * 4 * 8 + 2 * GUARD;
	unsigned char *src = malloc(MAXN * 8 + 64), *got = malloc(span), *want = malloc(span);
	int good = 1;

	for (int i = 0; i < MAXN * 8 + 64; i++)
		src[i] = (unsigned char)(i * 37 + 11);
	for (size_t si = 0; si < 4 && good; si++) {
		size_t sz = sizes[si];

		for (size_t k = 0; k < 4 && good; k++) {
			intptr_t step = steps[k];
			ue_gather_fn f = ue_scatter(sz, step * (intptr_t)sz);

			if (!f) {
				printf("# scatter: no function for %zu-byte items, step %ld\n", sz, (long)step);
				good = 0;
				break;
			}
			for (intptr_t n = 0; n <= MAXN && good; n++) {
				for (intptr_t off = 0; off < 4 && good; off++) {
					/* the run's first item at GUARD + off items; backwards runs start at their end */
					char *at = (char *)got + GUARD + (size_t)off * sz + (step < 0 ? (size_t)(n > 0 ? n - 1 : 0) * sz : 0);

					memset(got, 0x5a, span);
					memset(want, 0x5a, span);
					for (intptr_t i = 0; i < n; i++)
						memcpy(want + (at - (char *)got) + i * step * (intptr_t)sz, src + 3 + i * (intptr_t)sz, sz);
					f(at, (const char *)src + 3, n);
					if (memcmp(got, want, span)) {
						printf("# scatter: %zu-byte items, step %ld, %ld items from offset %ld differ\n",
						       sz, (long)step, (long)n, (long)off);
						good = 0;
					}
				}
			}
		}
	}
	ok(good, "scatter runs put each item on every step-th item (2-4, backwards) and write nothing else: every length 0-300, offset and item size");
	free(src);
	free(got);
	free(want);
}

/*
 * Inputs walked in steps of 2, 3 or 4 elements or backwards are gathered
 * into a buffer first, outputs scattered from one (nothing between their
 * elements written): every item size, rows longer than a buffer, a
 * gathered input that is also cast (uint8 channel into the uint16 loop),
 * one updated in place (a[::3] += 1) and a 2-d view of RGB channels.
 */
static void test_gather(void)
{
	enum { N = 5000 };
	static const intptr_t ratios[] = { 2, 3, 4, -1, 5 };
	static const struct { int dtype; const char *sig; } types[] = {
		{ UE_UINT8, "BB->B" }, { UE_INT16, "hh->h" }, { UE_INT32, "ii->i" }, { UE_INT64, "qq->q" },
	};
	unsigned char *x = malloc(N * 8 * 5), *o = malloc(N * 8);
	uint16_t *w = malloc(N * 2);
	int good = 1;

	for (int i = 0; i < N * 8 * 5; i++)
		x[i] = (unsigned char)(i * 29 + (i >> 5));
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		size_t sz = ue_itemsize(types[t].dtype);

		for (size_t r = 0; r < sizeof(ratios) / sizeof(ratios[0]); r++) {
			intptr_t shape[1] = { N }, sa[1] = { ratios[r] * (intptr_t)sz }, s0[1] = { 0 }, so[1] = { (intptr_t)sz };
			char *a = (char *)x + (ratios[r] < 0 ? (N - 1) * sz : 0);
			uint64_t one = 1;
			struct ue_operand ops[3];

			set_op(&ops[0], a, types[t].dtype, 1, sa);
			set_op(&ops[1], &one, types[t].dtype, 1, s0);
			set_op(&ops[2], o, types[t].dtype, 1, so);
			good &= ue_iterate(loop("add", types[t].sig), 2, 1, ops, 1, shape, NULL) == 0;
			for (int i = 0; i < N; i++) {
				uint64_t u = 0, v = 0;

				memcpy(&u, a + i * sa[0], sz);
				memcpy(&v, o + i * (intptr_t)sz, sz);
				if (((u + 1) ^ v) & (sz == 8 ? ~0ull : (1ull << (8 * sz)) - 1)) {
					printf("# gather: %zu-byte items, step %ld: element %d\n", sz, (long)ratios[r], i);
					good = 0;
					break;
				}
			}
		}
	}
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {	/* outputs: scattered */
		size_t sz = ue_itemsize(types[t].dtype);

		for (size_t r = 0; r < sizeof(ratios) / sizeof(ratios[0]); r++) {
			intptr_t ratio = ratios[r], shape[1] = { N }, sa[1] = { (intptr_t)sz }, s0[1] = { 0 },
				 so[1] = { ratio * (intptr_t)sz };
			unsigned char *big = malloc(N * 8 * 5);
			char *z = (char *)big + (ratio < 0 ? (N - 1) * sz : 0);
			uint64_t one = 1;
			struct ue_operand ops[3];

			memset(big, 0xa5, N * 8 * 5);
			set_op(&ops[0], x, types[t].dtype, 1, sa);
			set_op(&ops[1], &one, types[t].dtype, 1, s0);
			set_op(&ops[2], z, types[t].dtype, 1, so);
			good &= ue_iterate(loop("add", types[t].sig), 2, 1, ops, 1, shape, NULL) == 0;
			for (intptr_t i = 0; i < N * 8 * 5 / (intptr_t)sz; i++) {
				intptr_t rel = (intptr_t)(i * (intptr_t)sz) - (z - (char *)big);
				int hit = rel % (ratio * (intptr_t)sz) == 0 && rel / (ratio * (intptr_t)sz) >= 0 &&
					  rel / (ratio * (intptr_t)sz) < N;
				uint64_t u = 0, v = 0, w = 0;

				memcpy(&v, big + i * (intptr_t)sz, sz);
				if (hit)
					memcpy(&u, x + rel / ratio, sz), w = u + 1;
				else
					memset(&w, 0xa5, sz);
				if ((v ^ w) & (sz == 8 ? ~0ull : (1ull << (8 * sz)) - 1)) {
					printf("# scatter: %zu-byte items, step %ld: item %ld\n", sz, (long)ratio, (long)i);
					good = 0;
					break;
				}
			}
			free(big);
		}
	}
	{	/* a uint8 channel (step 3) added to a uint16 row: gathered, then cast */
		intptr_t shape[1] = { N }, s3[1] = { 3 }, s2[1] = { 2 };
		struct ue_operand ops[3];

		for (int i = 0; i < N; i++)
			w[i] = (uint16_t)(i * 7);
		set_op(&ops[0], x + 1, UE_UINT8, 1, s3);
		set_op(&ops[1], w, UE_UINT16, 1, s2);
		set_op(&ops[2], w, UE_UINT16, 1, s2);
		good &= ue_iterate(loop("add", "HH->H"), 2, 1, ops, 1, shape, NULL) == 0;
		for (int i = 0; i < N; i++)
			good &= w[i] == (uint16_t)(i * 7 + x[1 + 3 * i]);
	}
	{	/* in place: a[::3] += 1 (the input is the output's elements) */
		intptr_t shape[1] = { N }, s3[1] = { 3 }, s0[1] = { 0 };
		uint8_t one = 1, *c = malloc(3 * N);
		struct ue_operand ops[3];

		memcpy(c, x, 3 * N);
		set_op(&ops[0], c, UE_UINT8, 1, s3);
		set_op(&ops[1], &one, UE_UINT8, 1, s0);
		set_op(&ops[2], c, UE_UINT8, 1, s3);
		good &= ue_iterate(loop("add", "BB->B"), 2, 1, ops, 1, shape, NULL) == 0;
		for (int i = 0; i < 3 * N; i++)
			good &= c[i] == (uint8_t)(x[i] + (i % 3 == 0));
		free(c);
	}
	{	/* img[:, :, 0] + img[:, :, 2] of a 40x70 RGB image: 2-d, step 3 */
		intptr_t shape[2] = { 40, 70 }, sa[2] = { 210, 3 }, so[2] = { 70, 1 };
		struct ue_operand ops[3];

		set_op(&ops[0], x, UE_UINT8, 2, sa);
		set_op(&ops[1], x + 2, UE_UINT8, 2, sa);
		set_op(&ops[2], o, UE_UINT8, 2, so);
		good &= ue_iterate(loop("add", "BB->B"), 2, 1, ops, 2, shape, NULL) == 0;
		for (int i = 0; i < 40 * 70; i++)
			good &= o[i] == (uint8_t)(x[3 * i] + x[3 * i + 2]);
	}
	ok(good, "inputs (and outputs) in steps of 2, 3, 4 elements or backwards are gathered (scattered): every item size, cast, in place, 2-d");
	free(x);
	free(o);
	free(w);
}

/* a loop that records the steps it is called with, then runs @data's loop */
static intptr_t seen_steps[4];

static void record_steps(char **args, const intptr_t *dims, const intptr_t *steps, const void *data)
{
	const struct ue_loop *l = data;

	memcpy(seen_steps, steps, sizeof(seen_steps));
	l->fn(args, dims, steps, l->data);
}

/*
 * Axes walked backwards by every operand are walked forwards (numpy's
 * nditer flips them): a[::-1, ::-1] * 2 into o[::-1, ::-1] reaches the loop
 * as one contiguous run. An output with step 0 keeps the order (which write
 * lands last would change), and so does an axis an operand walks forwards.
 */
static void test_flip(void)
{
	enum { R = 7, C = 9, N = R * C };
	const struct ue_loop *mul = loop("multiply", "ii->i"), *copy = loop("_cast", "i->i");
	struct ue_loop rec_mul = { "multiply", "ii->i", record_steps, mul };
	int32_t a[N], o[N], two = 2, last;
	intptr_t shape[2] = { R, C }, back[2] = { -C * 4, -4 }, zero[2] = { 0, 0 }, fwd[2] = { C * 4, 4 };
	struct ue_operand ops[3];
	int good = 1;

	for (int i = 0; i < N; i++)
		a[i] = i * 3 - 50;
	memset(o, 0, sizeof(o));
	set_op(&ops[0], a + N - 1, UE_INT32, 2, back);
	set_op(&ops[1], &two, UE_INT32, 2, zero);
	set_op(&ops[2], o + N - 1, UE_INT32, 2, back);
	good &= ue_iterate(&rec_mul, 2, 1, ops, 2, shape, NULL) == 0;
	for (int i = 0; i < N; i++)
		good &= o[i] == a[i] * 2;
	ok(good && seen_steps[0] == 4 && seen_steps[2] == 4,
	   "flip: a[::-1, ::-1] * 2 into o[::-1, ::-1] is walked forwards, contiguous");

	good = 1;
	memset(o, 0, sizeof(o));
	set_op(&ops[0], a + N - 1, UE_INT32, 2, back);
	set_op(&ops[1], o, UE_INT32, 2, fwd);
	good &= ue_iterate(copy, 1, 1, ops, 2, shape, NULL) == 0;
	for (int i = 0; i < N; i++)
		good &= o[i] == a[N - 1 - i];
	ok(good, "flip: a[::-1, ::-1] into a forward output keeps the pairing (no flip)");

	set_op(&ops[0], a + N - 1, UE_INT32, 2, back);
	set_op(&ops[1], &last, UE_INT32, 2, zero);
	good = ue_iterate(copy, 1, 1, ops, 2, shape, NULL) == 0;
	ok(good && last == a[0], "flip: an output with step 0 keeps the order (the last write is a[::-1]'s last element)");
}

/* ---- worker threads ---- */

struct pool_probe {
	int other;	/* a chunk ran on a worker */
	int twice;	/* a chunk ran more than once */
	unsigned char seen[64];
};

static void probe_chunk(void *ctx, intptr_t c, int tid)
{
	struct pool_probe *p = ctx;

	if (__atomic_fetch_add(&p->seen[c], 1, __ATOMIC_RELAXED))
		__atomic_store_n(&p->twice, 1, __ATOMIC_RELAXED);
	if (tid) {
		__atomic_store_n(&p->other, 1, __ATOMIC_RELEASE);
		return;
	}
	/* the caller waits (at most 2 s) for a worker to take a chunk */
	for (int i = 0; i < 2000 && !__atomic_load_n(&p->other, __ATOMIC_ACQUIRE); i++)
		nanosleep(&(struct timespec){ .tv_nsec = 1000000 }, NULL);
}

/* Run @l over @ops one thread at a time, then shared; the outputs' bytes before and after. */
static int both_ways(const struct ue_loop *l, int nin, int nout, struct ue_operand *ops, int ndim,
		     const intptr_t *shape, const struct ue_operand *where, void *out, size_t bytes,
		     const void *before)
{
	void *one = malloc(bytes);
	unsigned long jobs = ue_pool_jobs();
	int good;

	ue_set_threads(1);
	good = ue_iterate(l, nin, nout, ops, ndim, shape, where) == 0;
	memcpy(one, out, bytes);
	memcpy(out, before, bytes);
	ue_set_threads(4);
	good &= ue_iterate(l, nin, nout, ops, ndim, shape, where) == 0;
	good &= !memcmp(one, out, bytes) && ue_pool_jobs() == jobs + 1;
	free(one);
	return good;
}

static void test_threads(void)
{
	enum { R = 1200, C = 1001, N = R * C };
	uint8_t *a = malloc(N), *b = malloc(N), *m = malloc(N), *o = malloc(N + 64), *z = calloc(N + 64, 1);
	int16_t *w = malloc(2 * N);
	float *f = malloc(4 * (size_t)N), *g = malloc(4 * (size_t)N), *fz = calloc(N, 4);
	struct pool_probe probe = { 0 };
	int old = ue_set_threads(2), good = 1;

	ue_parallel(64, 2, probe_chunk, &probe);
	for (int c = 0; c < 64; c++)
		good &= probe.seen[c] == 1;
	ok(good && !probe.twice && probe.other, "the pool runs every chunk once, and a worker takes chunks while the caller is busy");

	for (int i = 0; i < N; i++) {
		a[i] = (uint8_t)(i * 31 + i / 977);
		b[i] = (uint8_t)(i * 17 + 3);
		m[i] = (uint8_t)((i * 7) % 5 == 0);
		f[i] = (float)(i % 1000) * 0.37f - 90.0f;
	}
	{	/* a new contiguous result (streamed), starting mid-line */
		intptr_t shape[1] = { N }, st[1] = { 1 };
		struct ue_operand ops[3];
		int right = 1;

		set_op(&ops[0], a, UE_UINT8, 1, st);
		set_op(&ops[1], b, UE_UINT8, 1, st);
		set_op(&ops[2], o + 5, UE_UINT8, 1, st);
		ops[2].flags = UE_OP_FRESH;
		good = both_ways(loop("add", "BB->B"), 2, 1, ops, 1, shape, NULL, o + 5, N, z);
		for (int i = 0; i < N; i++)
			right &= o[5 + i] == (uint8_t)(a[i] + b[i]);
		ok(good && right, "threads: a new 1.2 MB result, chunks meeting mid-line, equals one thread's");
	}
	{	/* a transposed float32 view into rows: strided input, cast to float64 nowhere, 2-d chunks */
		intptr_t shape[2] = { C, R }, sa[2] = { 4, 4 * C }, so[2] = { 4 * R, 4 };
		struct ue_operand ops[3];
		int right = 1;

		set_op(&ops[0], f, UE_FLOAT32, 2, sa);
		set_op(&ops[1], f, UE_FLOAT32, 2, sa);
		set_op(&ops[2], g, UE_FLOAT32, 2, so);
		good = both_ways(loop("multiply", "ff->f"), 2, 1, ops, 2, shape, NULL, g, 4 * (size_t)N, fz);
		for (int i = 0; i < C && right; i++)
			for (int j = 0; j < R; j++)
				right &= g[i * R + j] == f[j * C + i] * f[j * C + i];
		ok(good && right, "threads: a transposed float32 view squared into rows equals one thread's");
	}
	{	/* a channel of pixels (step 3, gathered) cast to int16 */
		intptr_t shape[1] = { N / 3 }, si[1] = { 3 }, so[1] = { 2 };
		struct ue_operand ops[2];
		int right = 1;

		set_op(&ops[0], a + 1, UE_UINT8, 1, si);
		set_op(&ops[1], w, UE_INT16, 1, so);
		good = both_ways(loop("_cast", "B->h"), 1, 1, ops, 1, shape, NULL, w, 2 * (size_t)(N / 3), z);
		for (int i = 0; i < N / 3; i++)
			right &= w[i] == a[1 + 3 * i];
		ok(good && right, "threads: a channel view cast to int16 (gathered) equals one thread's");
	}
	{	/* where= mask: only the masked elements are written */
		intptr_t shape[1] = { N }, st[1] = { 1 };
		struct ue_operand ops[3], wh;
		int right = 1;

		memset(o, 0xEE, N);
		memcpy(z + 64, o, 0);
		set_op(&ops[0], a, UE_UINT8, 1, st);
		set_op(&ops[1], b, UE_UINT8, 1, st);
		set_op(&ops[2], o, UE_UINT8, 1, st);
		set_op(&wh, m, UE_BOOL, 1, st);
		{
			uint8_t *ee = malloc(N);

			memset(ee, 0xEE, N);
			good = both_ways(loop("subtract", "BB->B"), 2, 1, ops, 1, shape, &wh, o, N, ee);
			free(ee);
		}
		for (int i = 0; i < N; i++)
			right &= o[i] == (m[i] ? (uint8_t)(a[i] - b[i]) : 0xEE);
		ok(good && right, "threads: where= writes the masked elements only, as one thread does");
	}
	{	/* in place (a += b, the same elements) and overlapping (a[1:] += a[:-1]: copied first) */
		intptr_t shape[1] = { N - 1 }, st[1] = { 1 };
		struct ue_operand ops[3];
		uint8_t *x = malloc(N), *x0 = malloc(N);
		int right = 1;

		memcpy(x, a, N);
		memcpy(x0, a, N);
		set_op(&ops[0], x, UE_UINT8, 1, st);
		set_op(&ops[1], x + 1, UE_UINT8, 1, st);
		set_op(&ops[2], x + 1, UE_UINT8, 1, st);
		good = both_ways(loop("add", "BB->B"), 2, 1, ops, 1, shape, NULL, x, N, x0);
		for (int i = 1; i < N; i++)
			right &= x[i] == (uint8_t)(a[i - 1] + a[i]);
		ok(good && right && x[0] == a[0], "threads: add(a[:-1], a[1:], out=a[1:]) reads a copy, as one thread does");
		free(x);
		free(x0);
	}
	{	/* an output walked in place along an axis (step 0): never shared, the last write wins */
		intptr_t shape[2] = { R, C }, sa[2] = { C, 1 }, so[2] = { 0, 1 };
		struct ue_operand ops[3];
		unsigned long jobs = ue_pool_jobs();
		int right = 1;

		ue_set_threads(4);
		set_op(&ops[0], a, UE_UINT8, 2, sa);
		set_op(&ops[1], b, UE_UINT8, 2, sa);
		set_op(&ops[2], o, UE_UINT8, 2, so);
		good = ue_iterate(loop("add", "BB->B"), 2, 1, ops, 2, shape, NULL) == 0;
		for (int j = 0; j < C; j++)
			right &= o[j] == (uint8_t)(a[(R - 1) * C + j] + b[(R - 1) * C + j]);
		ok(good && right && ue_pool_jobs() == jobs, "threads: an output with a step-0 axis runs on one thread, last row last");
	}
	ue_set_threads(old);
	free(a);
	free(b);
	free(m);
	free(o);
	free(z);
	free(w);
	free(f);
	free(g);
	free(fz);
}

/* an arctan2 loop that records whether it was handed strided runs */
static intptr_t atan2_strided_calls;

static void atan2_recording(char **args, const intptr_t *dims, const intptr_t *steps, const void *data)
{
	(void)data;
	if (steps[0] != 4 || steps[1] != 4)
		atan2_strided_calls++;
	for (intptr_t i = 0; i < dims[0]; i++)
		*(float *)(args[2] + i * steps[2]) = atan2f(*(const float *)(args[0] + i * steps[0]),
							    *(const float *)(args[1] + i * steps[1]));
}

/*
 * libm's loops (data ue_costly_mark) get their strided operands gathered
 * into runs even when two operands walk in steps, where a cheap loop's
 * strided path is faster: two float32 channels of RGB pixels
 */
static void test_costly_gather(void)
{
	enum { N = 3000 };
	static float rgb[3 * N], o[N];
	intptr_t shape[1] = { N }, s3[1] = { 12 }, s1[1] = { 4 };
	struct ue_operand ops[3];
	int good = 1;

	for (int i = 0; i < 3 * N; i++)
		rgb[i] = (float)(i % 97) - 40.5f;
	for (int costly = 0; costly < 2; costly++) {
		struct ue_loop l = { "arctan2", "ff->f", atan2_recording, costly ? &ue_costly_mark : NULL };

		set_op(&ops[0], (char *)rgb, UE_FLOAT32, 1, s3);
		set_op(&ops[1], (char *)(rgb + 1), UE_FLOAT32, 1, s3);
		set_op(&ops[2], (char *)o, UE_FLOAT32, 1, s1);
		atan2_strided_calls = 0;
		good &= ue_iterate(&l, 2, 1, ops, 1, shape, NULL) == 0;
		good &= costly ? atan2_strided_calls == 0 : atan2_strided_calls > 0;
		for (int i = 0; i < N; i++)
			good &= o[i] == atan2f(rgb[3 * i], rgb[3 * i + 1]);
	}
	good &= loop("arctan2", "ff->f")->data == &ue_costly_mark && loop("add", "ff->f")->data != &ue_costly_mark;
	ok(good, "libm's loops get two strided float32 channels gathered into runs; cheap loops keep the strided path");
}

int main(void)
{
	test_registry();
	test_views();
	test_short_inner();
	test_cast_buffers();
	test_overlap();
	test_where();
	test_casts();
	test_loops();
	test_stream();
	test_scalar_shifts();
	test_gather();
	test_scatter_runs();
	test_flip();
	test_threads();
	test_costly_gather();
	printf("# engine features: %s\n", ue_cpu_features());
	return failed ? 1 : 0;
}
