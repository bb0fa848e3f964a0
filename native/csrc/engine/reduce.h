/* SPDX-License-Identifier: MIT */
/*
 * reduce.h - reductions over a planned iteration (see reduce.c).
 */
#ifndef UE_REDUCE_H
#define UE_REDUCE_H

#include <stdint.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The reductions, in the order lib/np/reduce.ts numbers them: numpy's
 * reduce-like ufuncs, then the reductions numpy runs over a temporary
 * (see reduce.c): count_nonzero, the count of elements that are not NaN,
 * nansum, and var's sum of squared deviations from a mean operand.
 */
enum ue_reduce_op {
	UE_R_SUM, UE_R_PROD, UE_R_MIN, UE_R_MAX, UE_R_FMIN, UE_R_FMAX, UE_R_ANY, UE_R_ALL,
	UE_R_COUNT, UE_R_NOTNAN, UE_R_NANSUM, UE_R_SSD, UE_R_NOPS
};

/*
 * Or'ed into the op: the outputs start at zero. Integer and bool sums into a
 * float accumulator are then exact whenever no partial sum can pass the
 * float's integer range, and run in integers in any order (see reduce.c).
 */
#define UE_R_ZEROED 0x100

/*
 * Or'ed into the op with a chunked sum: UE_R_CORE(c) says that the first @c
 * dimensions are the core of numpy's buffer (NumPy >= 2.3), so that a chunk
 * never runs past the end of the next one (dims[c]): its last chunk is
 * folded short, and the next one starts afresh. 0 (none): chunks run on
 * across every leading reduced dimension.
 */
#define UE_R_CORE_SHIFT 12
#define UE_R_CORE(c) ((c) << UE_R_CORE_SHIFT)
#define UE_R_CORE_MASK (0xf << UE_R_CORE_SHIFT)

/* One iteration dimension, innermost first; strides in bytes, os 0 where reduced. */
struct ue_rdim {
	intptr_t n, is, os;
};

/*
 * The next position of the outer dimensions dims[first..ndim) (an odometer,
 * dims[first] turning fastest), moving *p and *o by their steps. 0 when
 * every position has been visited.
 */
static inline int ue_rdim_next(intptr_t *idx, const struct ue_rdim *dims, int first, int ndim, const char **p,
			       char **o)
{
	for (int j = first; j < ndim; j++) {
		*p += dims[j].is;
		*o += dims[j].os;
		if (++idx[j] < dims[j].n)
			return 1;
		*p -= dims[j].is * dims[j].n;
		*o -= dims[j].os * dims[j].n;
		idx[j] = 0;
	}
	return 0;
}

/*
 * Piece @c of dimension @d cut into pieces of @step (the last one shorter):
 * @dims copied to @piece with that dimension's count cut down; returns the
 * piece's first index along it (the caller moves its pointers by that many
 * steps). For the threads' share of a reduction or selection.
 */
static inline intptr_t ue_rdim_piece(struct ue_rdim *piece, const struct ue_rdim *dims, int ndim, int d, intptr_t c,
				     intptr_t step)
{
	for (int j = 0; j < ndim; j++)
		piece[j] = dims[j];
	return ue_piece(c, step, dims[d].n, &piece[d].n);
}

/*
 * Piece @c (of @step) of the outermost dimension, dims[@ndim - 1], as
 * ue_rdim_piece(); @in_at and @out_at get the byte offsets of its first
 * input and output.
 */
static inline void ue_rdim_outer_piece(struct ue_rdim *piece, const struct ue_rdim *dims, int ndim, intptr_t c,
				       intptr_t step, intptr_t *in_at, intptr_t *out_at)
{
	intptr_t lo = ue_rdim_piece(piece, dims, ndim, ndim - 1, c, step);

	*in_at = lo * dims[ndim - 1].is;
	*out_at = lo * dims[ndim - 1].os;
}

/*
 * The fold reduce.c uses for @op over a run of @type: *o = *o op p[0] op
 * ... op p[n - 1] (@s bytes apart; integers wrap), or NULL when it has none.
 */
typedef void (*ue_run_fn)(const char *p, intptr_t n, intptr_t s, char *o);
ue_run_fn ue_reduce_run(int op, int type);

#define UE_REDUCE_UNSUPPORTED 1
#define UE_REDUCE_ENOMEM (-1)

/*
 * out op= in over @dims. @in_type is the input's dtype code, @acc_type the
 * output's (the accumulator). @chunk > 0: the leading reduced dimensions
 * are folded in chunks of that many elements (numpy's buffering). Returns
 * 0, UE_REDUCE_UNSUPPORTED (no loop: the caller computes it), or
 * UE_REDUCE_ENOMEM.
 */
int ue_reduce(int op, int in_type, int acc_type, int ndim, const struct ue_rdim *dims, intptr_t chunk,
	      const char *in, char *out);

/*
 * ue_reduce with an auxiliary operand laid out like the output (same
 * strides, @aux at @out's first element): UE_R_SSD's mean. The counts take
 * an intp accumulator (the size of a pointer).
 */
int ue_reduce_aux(int op, int in_type, int acc_type, int ndim, const struct ue_rdim *dims, intptr_t chunk,
		  const char *in, char *out, const char *aux);

/*
 * argmin (@which 0) or argmax (1) of dtype @dtype along the axis of @n
 * elements @s bytes apart, for each position of the kept dimensions @dims
 * (output strides in bytes), into intp results at @out (@out_type: the
 * intp dtype code, the size of a pointer). Returns 0 or UE_REDUCE_UNSUPPORTED.
 */
int ue_argreduce(int which, int dtype, int out_type, intptr_t n, intptr_t s, int ndim,
		 const struct ue_rdim *dims, const char *in, char *out);

/*
 * cumsum (@op UE_R_SUM) or cumprod (UE_R_PROD) along the axis of @n
 * elements (input stride @is, output stride @os, bytes) for each position
 * of the other dimensions @dims, from @in_type into @acc_type (the output's
 * dtype). Returns 0, UE_REDUCE_UNSUPPORTED or UE_REDUCE_ENOMEM.
 */
int ue_accumulate(int op, int in_type, int acc_type, intptr_t n, intptr_t is, intptr_t os, int ndim,
		  const struct ue_rdim *dims, const char *in, char *out);

/*
 * Order statistics for median/percentile/quantile: for each position of
 * the kept dimensions @dims (input strides; output strides step through
 * one output per position), the elements of the reduced dimensions @red
 * (@nred of them, input strides) ranked, and the values of ranks
 * @ranks[0..@nranks) (ascending, < the element count) written to
 * out + k * @rank_stride (bytes) + the position's offset, in the input's
 * dtype. A slice with a NaN gives NaN for every rank (numpy's median and
 * percentile are NaN there). Returns 0, UE_REDUCE_UNSUPPORTED or UE_REDUCE_ENOMEM.
 */
int ue_select(int dtype, int ndim, const struct ue_rdim *dims, int nred, const struct ue_rdim *red,
	      const intptr_t *ranks, int nranks, intptr_t rank_stride, const char *in, char *out);

#ifdef __cplusplus
}
#endif

#endif
