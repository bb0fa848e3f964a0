/* SPDX-License-Identifier: MIT */
/*
 * accumulate.c - cumsum and cumprod (numpy's add.accumulate and
 * multiply.accumulate) along one axis: out[0] = in[0], then
 * out[i] = out[i - 1] op in[i] in sequence, in the accumulator's dtype.
 * An input of another dtype is cast element by element first (numpy's
 * buffered loop casts before it adds); integers wrap.
 *
 * The accumulated axis is (n, is, os); the other axes come as ue_rdim
 * dimensions, innermost first. When the accumulated axis is the innermost
 * in memory each lane runs in sequence; when it is not (cumsum(axis=0) of
 * a C-ordered matrix) whole rows are combined, out[j] = out[j - 1] op
 * in[j], which gives every lane the same sequence of operations.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "reduce.h"
#include "types.h"

#define ACC_BUF 4096	/* elements converted at a time */

/*
 * lane: n elements in sequence, starting from *prev (the output before
 * them) or, when prev is NULL, from the first element.
 * rows: o[i] = prev[i] op x[i] for n elements (x contiguous when cast).
 */
typedef void (*lane_fn)(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os, const char *prev);
typedef void (*rows_fn)(const char *prev, intptr_t ps, const char *x, intptr_t xs, intptr_t n, char *o, intptr_t os);

#define OP_ADD(a, b) ((a) + (b))
#define OP_MUL(a, b) ((a) * (b))

#define ACC_LOOPS(NAME, L, T, U, OP)					\
static void lane_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os, const char *prev) \
{									\
	U a;								\
	intptr_t i = 0;							\
	if (prev) {							\
		a = (U)*(const T *)prev;				\
	} else {							\
		a = (U)*(const T *)p;					\
		*(T *)o = (T)a;						\
		i = 1;							\
	}								\
	if (s == sizeof(T) && os == sizeof(T)) {			\
		const T *x = (const T *)p;				\
		T *y = (T *)o;						\
		for (; i < n; i++) {					\
			a = (U)(T)OP(a, (U)x[i]);			\
			y[i] = (T)a;					\
		}							\
		return;							\
	}								\
	for (; i < n; i++) {						\
		a = (U)(T)OP(a, (U)*(const T *)(p + i * s));		\
		*(T *)(o + i * os) = (T)a;				\
	}								\
}									\
UE_WARM static void rows_##NAME##_##L(const char *prev, intptr_t ps, const char *x, intptr_t xs, intptr_t n, \
				      char *o, intptr_t os)		\
{									\
	if (ps == sizeof(T) && xs == sizeof(T) && os == sizeof(T)) {	\
		const T *a = (const T *)prev, *b = (const T *)x;	\
		T *y = (T *)o;						\
		for (intptr_t i = 0; i < n; i++)			\
			y[i] = (T)OP((U)a[i], (U)b[i]);			\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		*(T *)(o + i * os) = (T)OP((U)*(const T *)(prev + i * ps), (U)*(const T *)(x + i * xs)); \
}

/*
 * Integers wrap, so their sums and products are associative: a contiguous
 * lane goes four elements at a time, the running value meeting only one
 * operation per four (the same results, a quarter of the dependency chain).
 */
#define ACC_LOOPS_INT(NAME, L, T, U, OP)				\
static void lane_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os, const char *prev) \
{									\
	U a;								\
	intptr_t i = 0;							\
	if (prev) {							\
		a = (U)*(const T *)prev;				\
	} else {							\
		a = (U)*(const T *)p;					\
		*(T *)o = (T)a;						\
		i = 1;							\
	}								\
	if (s == sizeof(T) && os == sizeof(T)) {			\
		const T *x = (const T *)p;				\
		T *y = (T *)o;						\
		for (; i + 4 <= n; i += 4) {				\
			U q0 = (U)x[i];					\
			U q1 = OP(q0, (U)x[i + 1]);			\
			U q2 = OP(q1, (U)x[i + 2]);			\
			U q3 = OP(q2, (U)x[i + 3]);			\
			y[i] = (T)OP(a, q0);				\
			y[i + 1] = (T)OP(a, q1);			\
			y[i + 2] = (T)OP(a, q2);			\
			y[i + 3] = (T)OP(a, q3);			\
			a = OP(a, q3);					\
		}							\
		for (; i < n; i++) {					\
			a = OP(a, (U)x[i]);				\
			y[i] = (T)a;					\
		}							\
		return;							\
	}								\
	for (; i < n; i++) {						\
		a = OP(a, (U)*(const T *)(p + i * s));			\
		*(T *)(o + i * os) = (T)a;				\
	}								\
}									\
UE_WARM static void rows_##NAME##_##L(const char *prev, intptr_t ps, const char *x, intptr_t xs, intptr_t n, \
				      char *o, intptr_t os)		\
{									\
	if (ps == sizeof(T) && xs == sizeof(T) && os == sizeof(T)) {	\
		const T *a = (const T *)prev, *b = (const T *)x;	\
		T *y = (T *)o;						\
		for (intptr_t i = 0; i < n; i++)			\
			y[i] = (T)OP((U)a[i], (U)b[i]);			\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		*(T *)(o + i * os) = (T)OP((U)*(const T *)(prev + i * ps), (U)*(const T *)(x + i * xs)); \
}

#define INT_ACC(C, T, L, S, U) ACC_LOOPS_INT(sum, L, T, U, OP_ADD) ACC_LOOPS_INT(prod, L, T, U, OP_MUL)
#define FLOAT_ACC(C, T, L, S, U) ACC_LOOPS(sum, L, T, T, OP_ADD) ACC_LOOPS(prod, L, T, T, OP_MUL)
UE_INT_TYPES(INT_ACC)
UE_FLOAT_TYPES(FLOAT_ACC)

#define ACC_ENTRY(C, T, L, S, U) [C] = { { lane_sum_##L, rows_sum_##L }, { lane_prod_##L, rows_prod_##L } },
static const struct {
	lane_fn lane;
	rows_fn rows;
} ACCS[UE_NTYPES][2] = { UE_NUM_TYPES(ACC_ENTRY) };

static intptr_t mag(intptr_t x)
{
	return x < 0 ? -x : x;
}

struct acc {
	lane_fn lane;
	rows_fn rows;
	ue_loop_fn cast;	/* input -> accumulator (a copy when they agree) */
	int same;		/* no cast needed */
	size_t asz;
	char *buf;
};

static void convert(const struct acc *a, const char *p, intptr_t n, intptr_t s, char *dst, intptr_t ds)
{
	char *args[2] = { (char *)p, dst };
	intptr_t dims[1] = { n };
	intptr_t steps[2] = { s, ds };
	a->cast(args, dims, steps, NULL);
}

/* One lane of n elements along the axis. */
static void lane(const struct acc *a, intptr_t n, intptr_t is, intptr_t os, const char *p, char *o)
{
	if (a->same) {
		a->lane(p, n, is, o, os, NULL);
		return;
	}
	for (intptr_t k = 0; k < n; k += ACC_BUF) {
		intptr_t m = n - k < ACC_BUF ? n - k : ACC_BUF;
		convert(a, p + k * is, m, is, a->buf, (intptr_t)a->asz);
		a->lane(a->buf, m, (intptr_t)a->asz, o + k * os, os, k ? o + (k - 1) * os : NULL);
	}
}

/* Rows along the axis, combined element-wise over the innermost kept dimension. */
static void rows(const struct acc *a, intptr_t n, intptr_t is, intptr_t os, const struct ue_rdim *d,
		 const char *p, char *o)
{
	for (intptr_t k = 0; k < d->n; k += ACC_BUF) {
		intptr_t m = d->n - k < ACC_BUF ? d->n - k : ACC_BUF;
		const char *q = p + k * d->is;
		char *r = o + k * d->os;
		convert(a, q, m, d->is, r, d->os);	/* row 0 */
		for (intptr_t j = 1; j < n; j++) {
			const char *x = q + j * is;
			intptr_t xs = d->is;
			if (!a->same) {
				convert(a, x, m, d->is, a->buf, (intptr_t)a->asz);
				x = a->buf;
				xs = (intptr_t)a->asz;
			}
			a->rows(r + (j - 1) * os, d->os, x, xs, m, r + j * os, d->os);
		}
	}
}

/*
 * An integer lane of 1 MiB or more, contiguous in and out, is shared among
 * the worker threads (pool.c) in up to ACC_PIECES pieces, in two passes:
 * each piece's total (reduce.c's fold of the same operation), then each
 * piece's running values starting from the fold of the totals before it. Integers wrap, so the grouping cannot
 * change a single value. Floats stay in numpy's one sequence.
 */
#define ACC_PAR_MIN (1 << 20)
#define ACC_PIECES (4 * UE_MAXTHREADS)

struct acc_job {
	lane_fn lane;
	ue_run_fn total;
	const char *in;
	char *out;
	size_t asz;
	intptr_t n, step;
	uint64_t tot[ACC_PIECES];	/* each piece's total (one item of the dtype) */
	uint64_t off[ACC_PIECES];	/* the fold of the totals of the pieces before */
};

/* a piece's total: its first item, then the rest folded into it */
static void acc_total(void *ctx, intptr_t c, int tid)
{
	struct acc_job *j = ctx;
	intptr_t len, at = ue_piece(c, j->step, j->n, &len) * (intptr_t)j->asz;

	(void)tid;
	memcpy(&j->tot[c], j->in + at, j->asz);
	j->total(j->in + at + (intptr_t)j->asz, len - 1, (intptr_t)j->asz, (char *)&j->tot[c]);
}

static void acc_lane(void *ctx, intptr_t c, int tid)
{
	struct acc_job *j = ctx;
	intptr_t len, at = ue_piece(c, j->step, j->n, &len) * (intptr_t)j->asz;

	(void)tid;
	j->lane(j->in + at, len, (intptr_t)j->asz, j->out + at, (intptr_t)j->asz, c ? (const char *)&j->off[c] : NULL);
}

/* Share a contiguous integer lane (see above); 0 when it was done, 1 when it is not to be shared. */
static int lane_shared(const struct acc *a, int op, int acc_type, intptr_t n, intptr_t is, intptr_t os,
		       const char *in, char *out)
{
	struct acc_job j = { .lane = a->lane, .in = in, .out = out, .asz = a->asz, .n = n };
	int threads = ue_threads();
	intptr_t pieces;

	if (threads < 2 || !a->same || acc_type > UE_UINT64 || is != (intptr_t)a->asz || os != (intptr_t)a->asz ||
	    (double)n * (double)a->asz < ACC_PAR_MIN)
		return 1;
	j.total = ue_reduce_run(op, acc_type);
	if (!j.total)
		return 1;
	pieces = ue_pieces(n, ACC_PIECES, &j.step);
	ue_parallel(pieces - 1, threads, acc_total, &j);
	/* off[c] = tot[0] op ... op tot[c - 1], by the lane loop itself */
	if (pieces > 1)
		memcpy(&j.off[1], &j.tot[0], a->asz);
	for (intptr_t c = 2; c < pieces; c++)
		a->lane((const char *)&j.tot[c - 1], 1, (intptr_t)a->asz, (char *)&j.off[c], (intptr_t)a->asz,
			(const char *)&j.off[c - 1]);
	ue_parallel(pieces, threads, acc_lane, &j);
	return 0;
}

int ue_accumulate(int op, int in_type, int acc_type, intptr_t n, intptr_t is, intptr_t os, int ndim,
		  const struct ue_rdim *dims, const char *in, char *out)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	struct acc a = { 0 };

	if ((op != UE_R_SUM && op != UE_R_PROD) || in_type < 0 || in_type >= UE_NTYPES || acc_type <= UE_BOOL ||
	    acc_type >= UE_NTYPES || n < 1 || ndim < 0 || ndim > UE_MAXDIMS)
		return UE_REDUCE_UNSUPPORTED;
	a.lane = ACCS[acc_type][op].lane;
	a.rows = ACCS[acc_type][op].rows;
	a.cast = ue_cast_loop(in_type, acc_type);
	a.same = in_type == acc_type;
	a.asz = ue_itemsize(acc_type);
	if (!a.cast)
		return UE_REDUCE_UNSUPPORTED;
	int by_rows = ndim > 0 && n > 1 && mag(is) > mag(dims[0].is);
	if (!a.same || by_rows) {
		a.buf = malloc(ACC_BUF * 8);
		if (!a.buf)
			return UE_REDUCE_ENOMEM;
	}
	int first = by_rows ? 1 : 0;
	const char *p = in;
	char *o = out;
	for (;;) {
		if (by_rows)
			rows(&a, n, is, os, &dims[0], p, o);
		else if (ndim > 0 || lane_shared(&a, op, acc_type, n, is, os, p, o))
			lane(&a, n, is, os, p, o);
		int j = first;
		for (; j < ndim; j++) {
			p += dims[j].is;
			o += dims[j].os;
			if (++idx[j] < dims[j].n)
				break;
			p -= dims[j].is * dims[j].n;
			o -= dims[j].os * dims[j].n;
			idx[j] = 0;
		}
		if (j >= ndim)
			break;
	}
	free(a.buf);
	return 0;
}
