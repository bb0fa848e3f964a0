/* SPDX-License-Identifier: MIT */
/*
 * hist.c - np.histogram's equal bins for floats (hist.h): numpy computes
 * them in blocks of whole-array steps (keep, subtract, divide, multiply,
 * truncate, two corrections against the edges, bincount); the same steps
 * per value here cost one pass over the data.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "hist.h"
#include "types.h"

/*
 * Count values [lo, lo + len) into @c: T the values' type, Q the type the
 * division and product are done in. The job's fields are read into locals
 * first: a count's store could alias them, and reloading them after each
 * one would cost more than the rest of the loop.
 */
#define COUNT_RANGE(T, Q)                                                      \
	do {                                                                   \
		const T *v = (const T *)j->x + lo * j->step;                   \
		const T *e = (const T *)j->edges, first = (T)j->first, last = (T)j->last; \
		const Q denom = (Q)j->denom, nb = (Q)j->bins;                  \
		const intptr_t step = j->step, bins = j->bins;                 \
		for (intptr_t i = 0; i < len; i++, v += step) {                \
			T x = *v;                                              \
			intptr_t k;                                            \
			if (!(x >= first && x <= last))                        \
				continue;                                      \
			k = (intptr_t)((Q)((Q)(T)(x - first) / denom) * nb);  \
			k = k < 0 ? 0 : k >= bins ? bins - 1 : k;              \
			if (x < e[k])                                          \
				k--;                                           \
			else if (x >= e[k + 1] && k != bins - 1)              \
				k++;                                           \
			c[k]++;                                                \
		}                                                              \
	} while (0)

struct hist_job {
	int dtype, denom_single;
	const char *x;
	intptr_t n, step, bins, piece;
	double first, last, denom;
	const void *edges;
	int64_t *counts;	/* one row of @bins per piece */
};

static void count_range(const struct hist_job *j, intptr_t lo, intptr_t len, int64_t *c)
{
	if (j->dtype == UE_FLOAT64)
		COUNT_RANGE(double, double);
	else if (j->denom_single)
		COUNT_RANGE(float, float);
	else
		COUNT_RANGE(float, double);
}

static void hist_piece(void *ctx, intptr_t c, int tid)
{
	const struct hist_job *j = ctx;
	intptr_t len, lo = ue_piece(c, j->piece, j->n, &len);

	(void)tid;
	count_range(j, lo, len, j->counts + c * j->bins);
}

#define HIST_PAR_MIN (1 << 18)	/* values from which the count is shared among threads */
#define HIST_PIECES 16
#define HIST_PAR_BINS 65536	/* at most this many bins per piece */

int ue_hist_uniform(int dtype, const void *x, intptr_t n, intptr_t step, double first, double last, double denom,
		    int denom_single, const void *edges, intptr_t bins, int64_t *counts)
{
	struct hist_job j = { .dtype = dtype, .denom_single = denom_single, .x = x, .n = n, .step = step,
			      .bins = bins, .first = first, .last = last, .denom = denom, .edges = edges };
	int threads = ue_threads();
	intptr_t pieces;

	if ((dtype != UE_FLOAT32 && dtype != UE_FLOAT64) || bins < 1 || (dtype == UE_FLOAT64 && denom_single))
		return -1;
	if (threads < 2 || n < HIST_PAR_MIN || bins > HIST_PAR_BINS) {
		count_range(&j, 0, n, counts);
		return 0;
	}
	pieces = ue_pieces(n, HIST_PIECES, &j.piece);
	j.counts = calloc((size_t)pieces * (size_t)bins, sizeof(*j.counts));
	if (!j.counts)
		return -2;
	ue_parallel(pieces, threads, hist_piece, &j);
	for (intptr_t c = 0; c < pieces; c++)
		for (intptr_t b = 0; b < bins; b++)
			counts[b] += j.counts[c * bins + b];
	free(j.counts);
	return 0;
}
