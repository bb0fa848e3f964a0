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

/* The reductions, in the order lib/np/reduce.ts numbers them. */
enum ue_reduce_op {
	UE_R_SUM, UE_R_PROD, UE_R_MIN, UE_R_MAX, UE_R_FMIN, UE_R_FMAX, UE_R_ANY, UE_R_ALL
};

/* One iteration dimension, innermost first; strides in bytes, os 0 where reduced. */
struct ue_rdim {
	intptr_t n, is, os;
};

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

#ifdef __cplusplus
}
#endif

#endif
