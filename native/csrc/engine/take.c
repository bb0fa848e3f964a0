/* SPDX-License-Identifier: MIT */
/*
 * take.c - np.take. A first pass finds the range of the indices (the
 * vectorised min/max of count.c); when they all lie in [0, n), which is
 * the common case (a lookup table indexed by pixels, a permutation), the
 * gather runs with no test per element: one loop per (index type, element
 * size) for single elements, a memcpy per index for longer runs. Negative,
 * wrapped or clipped indices go through a resolved int64 copy first.
 */
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "engine.h"
#include "take.h"
#include "types.h"

/* out[k] = src[idx[k]]: elements of type T, indices of type IT */
#define TAKE_ELEMENTS(IT, T)                                                   \
	do {                                                                   \
		const IT *ix = idx;                                            \
		const T *s = (const T *)src;                                   \
		T *o = (T *)out;                                               \
		for (intptr_t k = 0; k < m; k++)                               \
			o[k] = s[(intptr_t)ix[k]];                             \
	} while (0)

#define BY_SIZE(IT)                                                            \
	do {                                                                   \
		switch (itemsize) {                                            \
		case 1: TAKE_ELEMENTS(IT, uint8_t); return 0;                  \
		case 2: TAKE_ELEMENTS(IT, uint16_t); return 0;                 \
		case 4: TAKE_ELEMENTS(IT, uint32_t); return 0;                 \
		case 8: TAKE_ELEMENTS(IT, uint64_t); return 0;                 \
		default: return -1;                                            \
		}                                                              \
	} while (0)

/* single elements, every index in range */
UE_HOT static int take_elements(const char *src, size_t itemsize, int idx_dtype, const void *idx, intptr_t m,
				char *out)
{
	switch (idx_dtype) {
	case UE_BOOL:
	case UE_UINT8: BY_SIZE(uint8_t);
	case UE_INT8: BY_SIZE(int8_t);
	case UE_INT16: BY_SIZE(int16_t);
	case UE_UINT16: BY_SIZE(uint16_t);
	case UE_INT32: BY_SIZE(int32_t);
	case UE_UINT32: BY_SIZE(uint32_t);
	case UE_INT64:
	case UE_UINT64: BY_SIZE(int64_t);
	default: return -1;
	}
}

static int64_t index_at(int idx_dtype, const void *idx, intptr_t k)
{
	switch (idx_dtype) {
	case UE_BOOL:
	case UE_UINT8: return ((const uint8_t *)idx)[k];
	case UE_INT8: return ((const int8_t *)idx)[k];
	case UE_INT16: return ((const int16_t *)idx)[k];
	case UE_UINT16: return ((const uint16_t *)idx)[k];
	case UE_INT32: return ((const int32_t *)idx)[k];
	case UE_UINT32: return ((const uint32_t *)idx)[k];
	default: return ((const int64_t *)idx)[k];
	}
}

static size_t index_size(int idx_dtype)
{
	switch (idx_dtype) {
	case UE_BOOL:
	case UE_UINT8:
	case UE_INT8: return 1;
	case UE_INT16:
	case UE_UINT16: return 2;
	case UE_INT32:
	case UE_UINT32: return 4;
	default: return 8;
	}
}

/* o[k] = s[ix[k]] for runs of R bytes, R a constant the compiler copies inline */
#define TAKE_RUNS(R)                                                           \
	do {                                                                   \
		for (intptr_t k = 0; k < m; k++)                               \
			memcpy(o + k * (R), s + index_at(idx_dtype, ix, k) * (R), (R)); \
	} while (0)

/* @m runs of @run bytes, the indices at @ix all in range */
UE_HOT static void take_run_list(const char *s, size_t run, int idx_dtype, const void *ix, intptr_t m, char *o)
{
	switch (run) {
	case 3: TAKE_RUNS(3); return;
	case 6: TAKE_RUNS(6); return;
	case 12: TAKE_RUNS(12); return;
	case 16: TAKE_RUNS(16); return;
	case 24: TAKE_RUNS(24); return;
	case 32: TAKE_RUNS(32); return;
	default:
		for (intptr_t k = 0; k < m; k++)
			memcpy(o + (size_t)k * run, s + (size_t)index_at(idx_dtype, ix, k) * run, run);
	}
}

/* One gather: src (pre, n, post), the in-range indices ix (nidx), out (pre, nidx, post). */
struct take_job {
	const char *src;
	intptr_t pre, n, post, nidx, step;
	size_t itemsize;
	int idx_dtype;
	const void *ix;
	char *out;
};

/* Rows [lo, lo + len) of the (pre * nidx) output rows of post elements each. */
static void take_rows(const struct take_job *j, intptr_t lo, intptr_t len)
{
	size_t run = (size_t)j->post * j->itemsize, isz = index_size(j->idx_dtype);

	while (len > 0) {
		intptr_t p = lo / j->nidx, k = lo % j->nidx;
		intptr_t m = j->nidx - k < len ? j->nidx - k : len;
		const char *s = j->src + (size_t)p * (size_t)j->n * run;
		const char *ix = (const char *)j->ix + (size_t)k * isz;
		char *o = j->out + (size_t)lo * run;

		if (j->post != 1 || take_elements(s, j->itemsize, j->idx_dtype, ix, m, o) != 0)
			take_run_list(s, run, j->idx_dtype, ix, m, o);
		lo += m;
		len -= m;
	}
}

static void take_piece(void *ctx, intptr_t c, int tid)
{
	const struct take_job *j = ctx;
	intptr_t len, lo = ue_piece(c, j->step, j->pre * j->nidx, &len);

	(void)tid;
	take_rows(j, lo, len);
}

#define TAKE_PAR_MIN (1 << 20)	/* bytes of output from which the gather is shared among threads */
#define TAKE_PIECES 64

/*
 * The gather for in-range indices @ix, any run length; an output of
 * TAKE_PAR_MIN bytes or more is cut into pieces of whole runs for the
 * worker threads (each output byte written by one of them).
 */
static void take_runs(const char *src, intptr_t pre, intptr_t n, intptr_t post, size_t itemsize, int idx_dtype,
		      const void *ix, intptr_t nidx, char *out)
{
	struct take_job j = { .src = src, .pre = pre, .n = n, .post = post, .nidx = nidx,
			      .itemsize = itemsize, .idx_dtype = idx_dtype, .ix = ix, .out = out };
	intptr_t rows = pre * nidx, pieces;
	int threads = ue_threads();

	if (threads < 2 || (double)rows * (double)post * (double)itemsize < TAKE_PAR_MIN) {
		take_rows(&j, 0, rows);
		return;
	}
	pieces = ue_pieces(rows, TAKE_PIECES, &j.step);
	ue_parallel(pieces, threads, take_piece, &j);
}

int ue_take(const char *src, intptr_t pre, intptr_t n, intptr_t post, size_t itemsize,
	    int idx_dtype, const void *idx, intptr_t nidx, int mode, char *out, intptr_t *bad)
{
	int64_t lo, hi, *fixed;

	if (idx_dtype < 0 || idx_dtype >= UE_FLOAT32 || mode < UE_TAKE_RAISE ||
	    mode > UE_TAKE_CLIP || !itemsize)
		return -1;
	if (!nidx || !pre)
		return 0;
	if (n <= 0)
		return -1;
	/* a uint64 index is read as int64 (2**64 - 1 is -1), as numpy's cast to intp */
	if (ue_int_range(idx_dtype, idx, (size_t)nidx, &lo, &hi) != 0)
		return -1;
	if (lo >= 0 && hi < n) {
		take_runs(src, pre, n, post, itemsize, idx_dtype, idx, nidx, out);
		return 0;
	}
	fixed = malloc((size_t)nidx * sizeof(*fixed));
	if (!fixed)
		return -2;
	for (intptr_t k = 0; k < nidx; k++) {
		int64_t v = index_at(idx_dtype, idx, k);

		if (mode == UE_TAKE_RAISE) {
			if (v < -n || v >= n) {
				*bad = k;
				free(fixed);
				return 1;
			}
			v += v < 0 ? n : 0;
		} else if (mode == UE_TAKE_WRAP) {
			v %= n;
			v += v < 0 ? n : 0;
		} else {
			v = v < 0 ? 0 : v >= n ? n - 1 : v;
		}
		fixed[k] = v;
	}
	take_runs(src, pre, n, post, itemsize, UE_INT64, fixed, nidx, out);
	free(fixed);
	return 0;
}
