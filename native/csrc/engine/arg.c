/* SPDX-License-Identifier: MIT */
/*
 * arg.c - argmin/argmax along one axis, with numpy's answer: the index of
 * the first smallest (largest) element; for floats a NaN counts as the
 * extreme, so the first NaN wins; -0 and 0 are equal.
 *
 * The reduced axis is (n, s); the kept axes come as ue_rdim dimensions,
 * innermost first, whose output strides step through the intp results.
 * When the reduced axis is the innermost in memory, each output scans its
 * run: a contiguous run in blocks whose extreme is found with vectors and
 * compared with the best so far, then the first block that holds the best
 * is searched for its first occurrence. When it is not (argmax(axis=0) of
 * a C-ordered matrix), the rows are combined element-wise into running
 * bests for a block of outputs at a time, which is where numpy copies the
 * array into the reduced axis' order first.
 */
#include <string.h>

#include "reduce.h"
#include "types.h"

#define ARG_BLOCK_BYTES 4096	/* a block of a contiguous run */
#define ARG_ROWS 256		/* outputs combined row by row at a time */

#define IS_NAN_F(x) ((x) != (x))
#define IS_NAN_I(x) 0

#if defined(__GNUC__)
#define VEC_BLOCK(NAME, T, I, CMP, ISNAN)					\
typedef T v_##NAME __attribute__((vector_size(32)));			\
typedef I iv_##NAME __attribute__((vector_size(32)));			\
/* the extreme of a block (NaN skipped; *nan set if one was seen) */	\
static inline __attribute__((always_inline)) T blk_##NAME(const T *x, intptr_t m, int *nan) \
{									\
	enum { NV = 32 / sizeof(T) };					\
	v_##NAME a0, a1, a2, a3;					\
	iv_##NAME bad = { 0 };						\
	memcpy(&a0, x, 32);						\
	memcpy(&a1, x + NV, 32);					\
	memcpy(&a2, x + 2 * NV, 32);					\
	memcpy(&a3, x + 3 * NV, 32);					\
	bad |= (a0 != a0) | (a1 != a1) | (a2 != a2) | (a3 != a3);	\
	for (intptr_t i = 4 * NV; i < m; i += 4 * NV) {			\
		v_##NAME v0, v1, v2, v3;				\
		memcpy(&v0, x + i, 32);					\
		memcpy(&v1, x + i + NV, 32);				\
		memcpy(&v2, x + i + 2 * NV, 32);			\
		memcpy(&v3, x + i + 3 * NV, 32);			\
		bad |= (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3); \
		iv_##NAME k0 = v0 CMP a0, k1 = v1 CMP a1, k2 = v2 CMP a2, k3 = v3 CMP a3; \
		a0 = (v_##NAME)(((iv_##NAME)v0 & k0) | ((iv_##NAME)a0 & ~k0)); \
		a1 = (v_##NAME)(((iv_##NAME)v1 & k1) | ((iv_##NAME)a1 & ~k1)); \
		a2 = (v_##NAME)(((iv_##NAME)v2 & k2) | ((iv_##NAME)a2 & ~k2)); \
		a3 = (v_##NAME)(((iv_##NAME)v3 & k3) | ((iv_##NAME)a3 & ~k3)); \
	}								\
	iv_##NAME k = a1 CMP a0;					\
	a0 = (v_##NAME)(((iv_##NAME)a1 & k) | ((iv_##NAME)a0 & ~k));	\
	k = a3 CMP a2;							\
	a2 = (v_##NAME)(((iv_##NAME)a3 & k) | ((iv_##NAME)a2 & ~k));	\
	k = a2 CMP a0;							\
	a0 = (v_##NAME)(((iv_##NAME)a2 & k) | ((iv_##NAME)a0 & ~k));	\
	I any = 0;							\
	for (int j = 0; j < NV; j++)					\
		any |= bad[j];						\
	*nan = any != 0;						\
	T r = a0[0];							\
	for (int j = 1; j < NV; j++)					\
		if (a0[j] CMP r)					\
			r = a0[j];					\
	return r;							\
}
#else
#define VEC_BLOCK(NAME, T, I, CMP, ISNAN)					\
static inline T blk_##NAME(const T *x, intptr_t m, int *nan)		\
{									\
	T r = x[0];							\
	int bad = 0;							\
	for (intptr_t i = 0; i < m; i++) {				\
		bad |= ISNAN(x[i]);					\
		if (x[i] CMP r)						\
			r = x[i];					\
	}								\
	*nan = bad;							\
	return r;							\
}
#endif

/*
 * One direction (NAME: min or max, CMP: < or >) for one type:
 * arg_c (contiguous run), arg_s (strided run), arg_rows (element-wise).
 */
#define ARG_DIR(NAME, T, I, CMP, ISNAN)					\
VEC_BLOCK(NAME, T, I, CMP, ISNAN)					\
UE_HOT static intptr_t argc_##NAME(const char *p, intptr_t n)		\
{									\
	enum { B = ARG_BLOCK_BYTES / sizeof(T) };			\
	const T *x = (const T *)p;					\
	T best = x[0];							\
	intptr_t at = 0, i = 0;						\
	if (ISNAN(best))						\
		return 0;						\
	for (; i + B <= n; i += B) {					\
		int nan;						\
		T m = blk_##NAME(x + i, B, &nan);			\
		if (nan) {						\
			while (!ISNAN(x[i]))				\
				i++;					\
			return i;					\
		}							\
		if (m CMP best) {					\
			best = m;					\
			at = i;						\
		}							\
	}								\
	for (; i < n; i++) {						\
		T v = x[i];						\
		if (ISNAN(v))						\
			return i;					\
		if (v CMP best) {					\
			best = v;					\
			at = i;						\
		}							\
	}								\
	while (!(x[at] == best))					\
		at++;							\
	return at;							\
}									\
static intptr_t args_##NAME(const char *p, intptr_t n, intptr_t s)	\
{									\
	T best = *(const T *)p;						\
	intptr_t at = 0;						\
	if (ISNAN(best))						\
		return 0;						\
	for (intptr_t i = 1; i < n; i++) {				\
		T v = *(const T *)(p + i * s);				\
		if (ISNAN(v))						\
			return i;					\
		if (v CMP best) {					\
			best = v;					\
			at = i;						\
		}							\
	}								\
	return at;							\
}									\
static void argrows_##NAME(const char *p, intptr_t n, intptr_t s, intptr_t m, intptr_t is, char *o, intptr_t os) \
{									\
	T val[ARG_ROWS];						\
	intptr_t idx[ARG_ROWS];						\
	for (intptr_t i = 0; i < m; i++) {				\
		val[i] = *(const T *)(p + i * is);			\
		idx[i] = 0;						\
	}								\
	for (intptr_t j = 1; j < n; j++) {				\
		const char *row = p + j * s;				\
		if (is == sizeof(T)) {					\
			const T *x = (const T *)row;			\
			for (intptr_t i = 0; i < m; i++) {		\
				T v = x[i];				\
				int u = (ISNAN(val[i]) == 0) & ((v CMP val[i]) | ISNAN(v)); \
				val[i] = u ? v : val[i];		\
				idx[i] = u ? j : idx[i];		\
			}						\
		} else {						\
			for (intptr_t i = 0; i < m; i++) {		\
				T v = *(const T *)(row + i * is);	\
				int u = (ISNAN(val[i]) == 0) & ((v CMP val[i]) | ISNAN(v)); \
				val[i] = u ? v : val[i];		\
				idx[i] = u ? j : idx[i];		\
			}						\
		}							\
	}								\
	for (intptr_t i = 0; i < m; i++)				\
		*(intptr_t *)(o + i * os) = idx[i];			\
}

#define ARG_TYPE(L, T, I, ISNAN)					\
	ARG_DIR(min_##L, T, I, <, ISNAN)				\
	ARG_DIR(max_##L, T, I, >, ISNAN)

ARG_TYPE(o, ue_bool, int8_t, IS_NAN_I)
ARG_TYPE(b, int8_t, int8_t, IS_NAN_I)
ARG_TYPE(B, uint8_t, int8_t, IS_NAN_I)
ARG_TYPE(h, int16_t, int16_t, IS_NAN_I)
ARG_TYPE(H, uint16_t, int16_t, IS_NAN_I)
ARG_TYPE(i, int32_t, int32_t, IS_NAN_I)
ARG_TYPE(I, uint32_t, int32_t, IS_NAN_I)
ARG_TYPE(q, int64_t, int64_t, IS_NAN_I)
ARG_TYPE(Q, uint64_t, int64_t, IS_NAN_I)
ARG_TYPE(f, float, int32_t, IS_NAN_F)
ARG_TYPE(d, double, int64_t, IS_NAN_F)

typedef intptr_t (*argc_fn)(const char *x, intptr_t n);
typedef intptr_t (*args_fn)(const char *p, intptr_t n, intptr_t s);
typedef void (*argrows_fn)(const char *p, intptr_t n, intptr_t s, intptr_t m, intptr_t is, char *o, intptr_t os);

/* the table: [dtype][0 argmin, 1 argmax] */
#define ARG_ENTRY(L) { { argc_min_##L, args_min_##L, argrows_min_##L }, \
		       { argc_max_##L, args_max_##L, argrows_max_##L } }
static const struct {
	argc_fn contig;
	args_fn strided;
	argrows_fn rows;
} ARGS[UE_NTYPES][2] = {
	ARG_ENTRY(o), ARG_ENTRY(b), ARG_ENTRY(B), ARG_ENTRY(h), ARG_ENTRY(H), ARG_ENTRY(i),
	ARG_ENTRY(I), ARG_ENTRY(q), ARG_ENTRY(Q), ARG_ENTRY(f), ARG_ENTRY(d),
};

static intptr_t mag(intptr_t x)
{
	return x < 0 ? -x : x;
}

int ue_argreduce(int which, int dtype, int out_type, intptr_t n, intptr_t s, int ndim,
		 const struct ue_rdim *dims, const char *in, char *out)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };

	if ((which != 0 && which != 1) || dtype < 0 || dtype >= UE_NTYPES || n < 1 || ndim < 0 ||
	    ndim > UE_MAXDIMS || ue_itemsize(out_type) != sizeof(intptr_t))
		return UE_REDUCE_UNSUPPORTED;
	size_t isz = ue_itemsize(dtype);
	argc_fn contig = ARGS[dtype][which].contig;
	args_fn strided = ARGS[dtype][which].strided;
	argrows_fn rows = ARGS[dtype][which].rows;
	/* rows of the reduced axis when it is outside the innermost kept one */
	int by_rows = ndim > 0 && n > 1 && mag(s) > mag(dims[0].is);
	int first = by_rows ? 1 : 0;
	const char *p = in;
	char *o = out;
	for (;;) {
		if (by_rows) {
			const struct ue_rdim *d = &dims[0];
			for (intptr_t k = 0; k < d->n; k += ARG_ROWS) {
				intptr_t m = d->n - k < ARG_ROWS ? d->n - k : ARG_ROWS;
				rows(p + k * d->is, n, s, m, d->is, o + k * d->os, d->os);
			}
		} else {
			*(intptr_t *)o = s == (intptr_t)isz ? contig(p, n) : strided(p, n, s);
		}
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
	return 0;
}
