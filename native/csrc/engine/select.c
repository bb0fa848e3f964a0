/* SPDX-License-Identifier: MIT */
/*
 * select.c - order statistics for median, percentile and quantile: the
 * values of given ranks of each slice, as numpy's np.partition would put
 * them in place (numpy then takes the mean of the middle one or two, or
 * interpolates; lib/np/stats.ts does that part). A slice holding a NaN
 * answers NaN, as numpy's median and percentile do.
 *
 * The selection does not sort the slice. A sample of it, sorted, gives two
 * bounds lo <= hi that enclose the wanted ranks with a wide margin; one
 * vectorised pass counts the elements below lo, equal to lo, between,
 * equal to hi and above hi (the NaNs are what is left). The ranks then fall
 * on lo or hi themselves (an array of one repeated value is answered by
 * that one pass), or among the elements between, which a second pass
 * copies out and which are selected from the same way (or sorted once few). When the sample misleads
 * (a rank outside the bounds, or too little left out) the slice is sorted
 * (introsort), so the answer never depends on the sample.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reduce.h"
#include "types.h"

#define SEL_SAMPLE 1024		/* elements in the sample */
#define SEL_MARGIN 48		/* sample ranks either side of the wanted ones (3 sigma) */
#define SEL_SPREAD 16		/* ranks farther apart than n / SEL_SPREAD are selected apart */
#define SEL_COUNT_BLOCK (1 << 24)	/* counted in 32 bits at a time */

/* ---- introsort of NaN-free elements ---------------------------------------- */

#define SORT(L, T)							\
static void isort_##L(T *a, intptr_t n)					\
{									\
	for (intptr_t i = 1; i < n; i++) {				\
		T v = a[i];						\
		intptr_t j = i;						\
		while (j > 0 && v < a[j - 1]) {				\
			a[j] = a[j - 1];				\
			j--;						\
		}							\
		a[j] = v;						\
	}								\
}									\
static void sift_##L(T *a, intptr_t i, intptr_t n)			\
{									\
	T v = a[i];							\
	for (;;) {							\
		intptr_t c = 2 * i + 1;					\
		if (c >= n)						\
			break;						\
		if (c + 1 < n && a[c] < a[c + 1])			\
			c++;						\
		if (!(v < a[c]))					\
			break;						\
		a[i] = a[c];						\
		i = c;							\
	}								\
	a[i] = v;							\
}									\
static void hsort_##L(T *a, intptr_t n)					\
{									\
	for (intptr_t i = n / 2 - 1; i >= 0; i--)			\
		sift_##L(a, i, n);					\
	for (intptr_t i = n - 1; i > 0; i--) {				\
		T t = a[0];						\
		a[0] = a[i];						\
		a[i] = t;						\
		sift_##L(a, 0, i);					\
	}								\
}									\
static void qsort_##L(T *a, intptr_t n, int depth)			\
{									\
	while (n > 16) {						\
		if (depth-- == 0) {					\
			hsort_##L(a, n);				\
			return;						\
		}							\
		/* median of three as pivot; Hoare's partition splits runs of equal elements */ \
		T x = a[0], y = a[n / 2], z = a[n - 1];			\
		T p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y)); \
		intptr_t i = -1, j = n;					\
		for (;;) {						\
			do						\
				i++;					\
			while (a[i] < p);				\
			do						\
				j--;					\
			while (p < a[j]);				\
			if (i >= j)					\
				break;					\
			T t = a[i];					\
			a[i] = a[j];					\
			a[j] = t;					\
		}							\
		/* recurse into the smaller part, loop on the larger */	\
		if (j + 1 < n - j - 1) {				\
			qsort_##L(a, j + 1, depth);			\
			a += j + 1;					\
			n -= j + 1;					\
		} else {						\
			qsort_##L(a + j + 1, n - j - 1, depth);		\
			n = j + 1;					\
		}							\
	}								\
	isort_##L(a, n);						\
}									\
static void sort_##L(T *a, intptr_t n)					\
{									\
	int depth = 0;							\
	for (intptr_t m = n; m > 1; m >>= 1)				\
		depth += 2;						\
	qsort_##L(a, n, depth);						\
}

/* ---- selection ----------------------------------------------------------- */

/*
 * sel: the values of ranks r[0..k) (ascending) of the n NaN-free elements
 * at x (not modified), into v[]; b1, b2: scratch of n elements each.
 * Returns 0, or -1 when x holds a NaN (counted in the first pass).
 */
#define SELECT(L, T, LOWEST, HIGHEST)					\
SORT(L, T)								\
/* counts below lo, equal to lo, equal to hi, above hi, strictly between (vectorised) */ \
UE_HOT static void count_##L(const T *x, intptr_t n, T lo, T hi, intptr_t *lt, intptr_t *eqlo, \
			     intptr_t *eqhi, intptr_t *gt, intptr_t *mid)	\
{									\
	intptr_t c[5] = { 0 };						\
	for (intptr_t i = 0; i < n; i += SEL_COUNT_BLOCK) {		\
		intptr_t e = n - i < SEL_COUNT_BLOCK ? n - i : SEL_COUNT_BLOCK; \
		uint32_t a = 0, b = 0, d = 0, f = 0, g = 0;		\
		for (intptr_t j = i; j < i + e; j++) {			\
			T v = x[j];					\
			a += v < lo;					\
			b += v == lo;					\
			d += v == hi;					\
			f += v > hi;					\
			g += (v > lo) & (v < hi);			\
		}							\
		c[0] += a;						\
		c[1] += b;						\
		c[2] += d;						\
		c[3] += f;						\
		c[4] += g;						\
	}								\
	*lt = c[0];							\
	*eqlo = c[1];							\
	*eqhi = c[2];							\
	*gt = c[3];							\
	*mid = c[4];							\
}									\
/* the elements strictly between lo and hi, in order, to b */		\
UE_HOT static void between_##L(const T *x, intptr_t n, T lo, T hi, T *b) \
{									\
	intptr_t m = 0;							\
	for (intptr_t i = 0; i < n; i++) {				\
		T v = x[i];						\
		b[m] = v;						\
		m += (v > lo) & (v < hi);				\
	}								\
}									\
static int sel_##L(const T *x, intptr_t n, const intptr_t *r, int k, T *v, T *b1, T *b2); \
/* the ranks of one cluster, by bounds from the sample; 1 if the sample misled */ \
static int window_##L(const T *x, intptr_t n, const intptr_t *r, int k, T *v, T *b1, T *b2, int *nan) \
{									\
	T sample[SEL_SAMPLE];						\
	intptr_t step = n / SEL_SAMPLE;					\
	for (int i = 0; i < SEL_SAMPLE; i++) {				\
		sample[i] = x[i * step];				\
		if (sample[i] != sample[i]) {				\
			*nan = 1;					\
			return 0;					\
		}							\
	}								\
	sort_##L(sample, SEL_SAMPLE);					\
	intptr_t slo = (intptr_t)((double)r[0] * SEL_SAMPLE / n) - SEL_MARGIN; \
	intptr_t shi = (intptr_t)((double)r[k - 1] * SEL_SAMPLE / n) + SEL_MARGIN; \
	T lo = slo <= 0 ? LOWEST : sample[slo];				\
	T hi = shi >= SEL_SAMPLE - 1 ? HIGHEST : sample[shi];		\
	intptr_t lt, eqlo, eqhi, gt, m;					\
	count_##L(x, n, lo, hi, &lt, &eqlo, &eqhi, &gt, &m);		\
	if (lo == hi)							\
		eqhi = 0;						\
	if (lt + eqlo + m + eqhi + gt != n) {				\
		*nan = 1;						\
		return 0;						\
	}								\
	/* ranks below lo or above hi: the sample misled */		\
	if (r[0] < lt || r[k - 1] >= n - gt)				\
		return 1;						\
	int first = k, last = -1;					\
	for (int j = 0; j < k; j++) {					\
		if (r[j] < lt + eqlo) {					\
			v[j] = lo;					\
		} else if (r[j] >= lt + eqlo + m) {			\
			v[j] = hi;					\
		} else {						\
			first = j < first ? j : first;			\
			last = j;					\
		}							\
	}								\
	if (last < 0)							\
		return 0;						\
	if (m > n / 2)		/* too many between: no progress */	\
		return 1;						\
	between_##L(x, n, lo, hi, b1);					\
	intptr_t sub[SEL_SPREAD * 4];					\
	int ns = 0;							\
	for (int j = first; j <= last; j++)				\
		sub[ns++] = r[j] - lt - eqlo;				\
	if (m <= 4 * SEL_SAMPLE) {					\
		sort_##L(b1, m);					\
		for (int j = 0; j < ns; j++)				\
			v[first + j] = b1[sub[j]];			\
		return 0;						\
	}								\
	return sel_##L(b1, m, sub, ns, v + first, b2, b1 + m) ? 1 : 0;	\
}									\
static int sel_##L(const T *x, intptr_t n, const intptr_t *r, int k, T *v, T *b1, T *b2) \
{									\
	int j = 0;							\
	while (j < k) {							\
		/* a cluster of close ranks, at most SEL_SPREAD * 4 of them */ \
		int e = j + 1;						\
		while (e < k && e - j < SEL_SPREAD * 4 && r[e] - r[e - 1] < n / SEL_SPREAD) \
			e++;						\
		int nan = 0;						\
		if (window_##L(x, n, r + j, e - j, v + j, b1, b2, &nan)) \
			return 1;					\
		if (nan)						\
			return -1;					\
		j = e;							\
	}								\
	return 0;							\
}									\
/* the ranks of one slice: sorted when short or when the sample misleads */ \
static int slice_##L(const T *x, intptr_t n, const intptr_t *r, int k, T *v, T *lane, T *b1, T *b2) \
{									\
	int res = 1;							\
	if (n > 4 * SEL_SAMPLE && k <= SEL_SPREAD)			\
		res = sel_##L(x, n, r, k, v, b1, b2);			\
	if (res < 0)							\
		return -1;						\
	if (res == 0)							\
		return 0;						\
	if (lane != x)							\
		memcpy(lane, x, (size_t)n * sizeof(T));			\
	for (intptr_t i = 0; i < n; i++)				\
		if (lane[i] != lane[i])					\
			return -1;					\
	sort_##L(lane, n);						\
	for (int j = 0; j < k; j++)					\
		v[j] = lane[r[j]];					\
	return 0;							\
}

SELECT(o, ue_bool, 0, 1)
SELECT(b, int8_t, INT8_MIN, INT8_MAX)
SELECT(B, uint8_t, 0, UINT8_MAX)
SELECT(h, int16_t, INT16_MIN, INT16_MAX)
SELECT(H, uint16_t, 0, UINT16_MAX)
SELECT(i, int32_t, INT32_MIN, INT32_MAX)
SELECT(I, uint32_t, 0, UINT32_MAX)
SELECT(q, int64_t, INT64_MIN, INT64_MAX)
SELECT(Q, uint64_t, 0, UINT64_MAX)
SELECT(f, float, -INFINITY, INFINITY)
SELECT(d, double, -HUGE_VAL, HUGE_VAL)

typedef int (*slice_fn)(const void *x, intptr_t n, const intptr_t *r, int k, void *v, void *lane, void *b1, void *b2);

#define SLICE_ADAPT(L, T)						\
static int slicev_##L(const void *x, intptr_t n, const intptr_t *r, int k, void *v, void *lane, void *b1, void *b2) \
{									\
	return slice_##L((const T *)x, n, r, k, (T *)v, (T *)lane, (T *)b1, (T *)b2); \
}
SLICE_ADAPT(o, ue_bool)
SLICE_ADAPT(b, int8_t)
SLICE_ADAPT(B, uint8_t)
SLICE_ADAPT(h, int16_t)
SLICE_ADAPT(H, uint16_t)
SLICE_ADAPT(i, int32_t)
SLICE_ADAPT(I, uint32_t)
SLICE_ADAPT(q, int64_t)
SLICE_ADAPT(Q, uint64_t)
SLICE_ADAPT(f, float)
SLICE_ADAPT(d, double)

static const slice_fn SLICES[UE_NTYPES] = {
	slicev_o, slicev_b, slicev_B, slicev_h, slicev_H, slicev_i, slicev_I, slicev_q, slicev_Q, slicev_f, slicev_d,
};

/* Copy the elements of the reduced dimensions at p, in order, to dst. */
static void gather(char *dst, size_t isz, int nred, const struct ue_rdim *red, const char *p)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	const struct ue_rdim *d0 = &red[0];
	for (;;) {
		if (d0->is == (intptr_t)isz) {
			memcpy(dst, p, (size_t)d0->n * isz);
			dst += (size_t)d0->n * isz;
		} else {
			for (intptr_t i = 0; i < d0->n; i++, dst += isz)
				memcpy(dst, p + i * d0->is, isz);
		}
		int j = 1;
		for (; j < nred; j++) {
			p += red[j].is;
			if (++idx[j] < red[j].n)
				break;
			p -= red[j].is * red[j].n;
			idx[j] = 0;
		}
		if (j >= nred)
			break;
	}
}

static void nan_fill(int dtype, char *o, int k, intptr_t rank_stride)
{
	for (int j = 0; j < k; j++) {
		if (dtype == UE_FLOAT32)
			*(float *)(o + j * rank_stride) = NAN;
		else
			*(double *)(o + j * rank_stride) = NAN;
	}
}

#define SEL_MAXRANKS 256

int ue_select(int dtype, int ndim, const struct ue_rdim *dims, int nred, const struct ue_rdim *red,
	      const intptr_t *ranks, int nranks, intptr_t rank_stride, const char *in, char *out)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	uint64_t vals[SEL_MAXRANKS];	/* aligned for any element type */

	if (dtype < 0 || dtype >= UE_NTYPES || ndim < 0 || ndim > UE_MAXDIMS || nred < 1 || nred > UE_MAXDIMS ||
	    nranks < 1 || nranks > SEL_MAXRANKS)
		return UE_REDUCE_UNSUPPORTED;
	size_t isz = ue_itemsize(dtype);
	intptr_t n = 1;
	for (int j = 0; j < nred; j++)
		n *= red[j].n;
	for (int j = 0; j < nranks; j++)
		if (ranks[j] < 0 || ranks[j] >= n || (j && ranks[j] < ranks[j - 1]))
			return UE_REDUCE_UNSUPPORTED;
	int direct = nred == 1 && red[0].is == (intptr_t)isz;
	char *mem = malloc((size_t)n * isz * 3);
	if (!mem)
		return UE_REDUCE_ENOMEM;
	char *lane = mem, *b1 = mem + (size_t)n * isz, *b2 = mem + 2 * (size_t)n * isz;
	const char *p = in;
	char *o = out;
	for (;;) {
		const char *x = p;
		if (!direct) {
			gather(lane, isz, nred, red, p);
			x = lane;
		}
		if (SLICES[dtype](x, n, ranks, nranks, vals, lane, b1, b2) < 0) {
			nan_fill(dtype, o, nranks, rank_stride);
		} else {
			for (int j = 0; j < nranks; j++)
				memcpy(o + j * rank_stride, (const char *)vals + (size_t)j * isz, isz);
		}
		int j = 0;
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
	free(mem);
	return 0;
}
