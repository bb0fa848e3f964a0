/* SPDX-License-Identifier: MIT */
/*
 * select.c - order statistics for median, percentile and quantile: the
 * values of given ranks of each slice, as numpy's np.partition would put
 * them in place (numpy then takes the mean of the middle one or two, or
 * interpolates; lib/np/stats.ts does that part). A slice holding a NaN
 * answers NaN, as numpy's median and percentile do.
 *
 * Long slices: two ranks of a sample of the slice give bounds lo <= hi
 * that enclose the wanted ranks with a wide margin; one vectorised pass
 * counts the elements below lo, equal to lo, between, equal to hi and
 * above hi (the NaNs are what is left). The ranks then fall on lo or hi
 * themselves (an array of one repeated value is answered by that one
 * pass), or among the elements between, which a second pass copies out
 * and which are selected from the same way (or by introselect once few).
 * Slices of up to SEL_SMALL elements (the channels of a pixel, the window
 * of a small filter) put each element at its rank, counted without
 * branches (random pixels defeat a branchy sort). Other short slices,
 * and long ones whose sample misleads (a rank outside the
 * bounds, or too little left out), are copied and their ranks selected by
 * introselect (a branch-free quickselect that sets runs of equal elements
 * apart, falling back to heapsort), so the answer never depends on the
 * sample.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reduce.h"
#include "sort.h"
#include "types.h"

#define SEL_SAMPLE 1024		/* elements in the sample */
#define SEL_MARGIN 48		/* sample ranks either side of the wanted ones (3 sigma) */
#define SEL_SPREAD 16		/* ranks farther apart than n / SEL_SPREAD are selected apart */
#define SEL_COUNT_BLOCK (1 << 24)	/* counted in 32 bits at a time */
#define SEL_SMALL 16		/* slices this short: each element put at its rank, without branches */

/* ---- introselect of NaN-free elements -------------------------------------- */

#define SELECT_ONE(L, T, TOP)						\
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
/*									\
 * Quickselect on the sample: the k-th smallest of a[0..n) to a[k], in	\
 * place (Hoare's partition splits runs of equal elements evenly).	\
 */									\
static void qselect_##L(T *a, intptr_t n, intptr_t k)			\
{									\
	intptr_t lo = 0, hi = n;					\
	int depth = 4;							\
	for (intptr_t m = n; m > 1; m >>= 1)				\
		depth += 2;						\
	while (hi - lo > 16) {						\
		if (depth-- == 0) {					\
			hsort_##L(a + lo, hi - lo);			\
			return;						\
		}							\
		T x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi - 1];	\
		T p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y)); \
		intptr_t i = lo - 1, j = hi;				\
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
		if (k <= j)						\
			hi = j + 1;					\
		else							\
			lo = j + 1;					\
	}								\
	isort_##L(a + lo, hi - lo);					\
}									\
/*									\
 * The k-th smallest of the n elements at x (not modified): each round	\
 * moves the elements below the pivot to the front of a buffer and those	\
 * above it to the back, without branches, and counts the equal ones (a	\
 * run of equal values ends the search); the rounds alternate between	\
 * b1 and b2 (n + 1 elements each: the last takes the equal ones). -1	\
 * when x holds a NaN.							\
 */									\
static int pick_##L(const T *x, intptr_t n, intptr_t k, T *b1, T *b2, T *out) \
{									\
	const T *src = x;						\
	T *dst = b1, *spare = b2;					\
	int depth = 8;							\
	for (intptr_t m = n; m > 1; m >>= 1)				\
		depth += 2;						\
	intptr_t nan = 0;						\
	for (;;) {							\
		if (n <= 16 || depth-- == 0) {				\
			memcpy(dst, src, (size_t)n * sizeof(T));	\
			for (intptr_t i = 0; i < n; i++)		\
				if (dst[i] != dst[i])			\
					return -1;			\
			if (n <= 16)					\
				isort_##L(dst, n);			\
			else						\
				hsort_##L(dst, n);			\
			*out = dst[k];					\
			return 0;					\
		}							\
		T a = src[0], b = src[n / 2], c = src[n - 1];		\
		T p = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b)); \
		/* counted first (vectorised): k among the equal ones needs no moves */ \
		intptr_t nlt = 0, ngt = 0;				\
		for (intptr_t i = 0; i < n; i++) {			\
			T v = src[i];					\
			nlt += v < p;					\
			ngt += v > p;					\
			nan += v != v;					\
		}							\
		if (nan)						\
			return -1;					\
		if (k >= nlt && k < n - ngt) {				\
			*out = p;					\
			return 0;					\
		}							\
		intptr_t l = 0, r = n - 1;				\
		for (intptr_t i = 0; i < n; i++) {			\
			T v = src[i];					\
			intptr_t lt = v < p, gt = v > p;		\
			dst[lt ? l : gt ? r : n] = v;			\
			l += lt;					\
			r -= gt;					\
		}							\
		if (k < l) {						\
			n = l;						\
			src = dst;					\
		} else if (k > r) {					\
			src = dst + r + 1;				\
			k -= r + 1;					\
			n -= r + 1;					\
		} else {						\
			*out = p;					\
			return 0;					\
		}							\
		T *t = spare;						\
		spare = dst;						\
		dst = t;						\
	}								\
}									\
/* the elements <= e and the smallest above e (vectorised), for the next rank */ \
static intptr_t above_##L(const T *x, intptr_t n, T e, T *next)		\
{									\
	intptr_t le = 0;						\
	T m = TOP;						\
	for (intptr_t i = 0; i < n; i++) {				\
		T v = x[i];						\
		le += v <= e;						\
		T c = v > e ? v : TOP;				\
		m = c < m ? c : m;					\
	}								\
	*next = m;							\
	return le;							\
}									\
/* ranks r[0..k) (ascending) of the n elements at x into v; -1 on a NaN */ \
static int ranks_##L(const T *x, intptr_t n, const intptr_t *r, int k, T *v, T *b1, T *b2) \
{									\
	for (int j = 0; j < k; j++) {					\
		if (j && r[j] == r[j - 1] + 1) {			\
			/* the next rank: the same value, or the smallest above it */ \
			T next;						\
			v[j] = above_##L(x, n, v[j - 1], &next) > r[j] ? v[j - 1] : next; \
			continue;					\
		}							\
		if (pick_##L(x, n, r[j], b1, b2, &v[j]) < 0)		\
			return -1;					\
	}								\
	return 0;							\
}

/* ---- selection ----------------------------------------------------------- */

/*
 * sel: the values of ranks r[0..k) (ascending) of the n NaN-free elements
 * at x (not modified), into v[]; b1, b2: scratch of n elements each.
 * Returns 0, or -1 when x holds a NaN (counted in the first pass).
 */
#define SELECT(CODE, L, T, LOWEST, HIGHEST)				\
SELECT_ONE(L, T, HIGHEST)						\
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
	intptr_t slo = (intptr_t)((double)r[0] * SEL_SAMPLE / n) - SEL_MARGIN; \
	intptr_t shi = (intptr_t)((double)r[k - 1] * SEL_SAMPLE / n) + SEL_MARGIN; \
	T lo = LOWEST, hi = HIGHEST;					\
	intptr_t from = 0;						\
	if (slo > 0) {		/* the sample's two ranks, selected too */ \
		qselect_##L(sample, SEL_SAMPLE, slo);			\
		lo = sample[slo];					\
		from = slo + 1;						\
	}								\
	if (shi < SEL_SAMPLE - 1) {					\
		qselect_##L(sample + from, SEL_SAMPLE - from, shi - from); \
		hi = sample[shi];					\
	}								\
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
		ranks_##L(b1, m, sub, ns, v + first, b2, b1 + m);	\
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
/* the ranks of one slice: introselect on a copy when short or when the sample misleads */ \
static int slice_##L(const T *x, intptr_t n, const intptr_t *r, int k, T *v, T *lane, T *b1, T *b2) \
{									\
	int res = 1;							\
	if (n <= SEL_SMALL) {	/* a few elements (channels, a 3x3 window) */ \
		T s[SEL_SMALL];						\
		for (intptr_t i = 0; i < n; i++)			\
			if (x[i] != x[i])				\
				return -1;				\
		/* each element to its rank: the elements below it, and the equal ones before it */ \
		for (intptr_t i = 0; i < n; i++) {			\
			intptr_t at = 0;				\
			for (intptr_t j = 0; j < n; j++)		\
				at += (x[j] < x[i]) | ((x[j] == x[i]) & (j < i)); \
			s[at] = x[i];					\
		}							\
		for (int j = 0; j < k; j++)				\
			v[j] = s[r[j]];					\
		return 0;						\
	}								\
	if (n > 4 * SEL_SAMPLE && k <= SEL_SPREAD)			\
		res = sel_##L(x, n, r, k, v, b1, b2);			\
	if (res < 0)							\
		return -1;						\
	if (res == 0)							\
		return 0;						\
	if (k > SEL_SPREAD) {	/* many ranks: one sort (numpy's order, NaN last) */ \
		if (lane != x)						\
			memcpy(lane, x, (size_t)n * sizeof(T));		\
		if (ue_sort(CODE, lane, (size_t)n) != 0)		\
			return ranks_##L(x, n, r, k, v, b1, b2);	\
		if (lane[n - 1] != lane[n - 1])				\
			return -1;					\
		for (int j = 0; j < k; j++)				\
			v[j] = lane[r[j]];				\
		return 0;						\
	}								\
	return ranks_##L(x, n, r, k, v, b1, b2);			\
}

SELECT(UE_BOOL, o, ue_bool, 0, 1)
SELECT(UE_INT8, b, int8_t, INT8_MIN, INT8_MAX)
SELECT(UE_UINT8, B, uint8_t, 0, UINT8_MAX)
SELECT(UE_INT16, h, int16_t, INT16_MIN, INT16_MAX)
SELECT(UE_UINT16, H, uint16_t, 0, UINT16_MAX)
SELECT(UE_INT32, i, int32_t, INT32_MIN, INT32_MAX)
SELECT(UE_UINT32, I, uint32_t, 0, UINT32_MAX)
SELECT(UE_INT64, q, int64_t, INT64_MIN, INT64_MAX)
SELECT(UE_UINT64, Q, uint64_t, 0, UINT64_MAX)
SELECT(UE_FLOAT32, f, float, -INFINITY, INFINITY)
SELECT(UE_FLOAT64, d, double, -HUGE_VAL, HUGE_VAL)

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

/*
 * Many short slices side by side (the median of a stack of shifted views,
 * a 3x3 median filter): element i of SEL_BLOCK neighbouring slices is one
 * contiguous run, so a block of slices is sorted together, one
 * compare-exchange across the whole block at a time (vectorised), by
 * insertion: an element moves below a neighbour only when strictly
 * smaller, so equal elements keep their order as in the single-slice path.
 * -1 when the block holds a NaN (the caller answers slice by slice).
 * An AVX-512 clone only (UE_WARM): the package's size budget.
 */
#define SEL_BLOCK 64

typedef int (*vertical_fn)(const char *x, intptr_t n, intptr_t kstep, intptr_t nl, const intptr_t *r, int k,
			   char *o, intptr_t rank_stride, intptr_t ostep);

#define VERTICAL(L, T)							\
UE_WARM static int vertical_##L(const char *x, intptr_t n, intptr_t kstep, intptr_t nl, const intptr_t *r, int k, \
			       char *o, intptr_t rank_stride, intptr_t ostep) \
{									\
	T s[SEL_SMALL][SEL_BLOCK];					\
	int nan = 0;							\
	for (intptr_t i = 0; i < n; i++) {				\
		memcpy(s[i], x + i * kstep, (size_t)nl * sizeof(T));	\
		for (intptr_t b = 0; b < nl; b++)			\
			nan |= s[i][b] != s[i][b];			\
	}								\
	if (nan)							\
		return -1;						\
	for (intptr_t i = 1; i < n; i++) {				\
		for (intptr_t j = i; j > 0; j--) {			\
			T *lo = s[j - 1], *hi = s[j];			\
			for (intptr_t b = 0; b < nl; b++) {		\
				T a = lo[b], c = hi[b];			\
				lo[b] = c < a ? c : a;			\
				hi[b] = c < a ? a : c;			\
			}						\
		}							\
	}								\
	for (int j = 0; j < k; j++)					\
		for (intptr_t b = 0; b < nl; b++)			\
			memcpy(o + j * rank_stride + b * ostep, &s[r[j]][b], sizeof(T)); \
	return 0;							\
}
VERTICAL(o, ue_bool)
VERTICAL(b, int8_t)
VERTICAL(B, uint8_t)
VERTICAL(h, int16_t)
VERTICAL(H, uint16_t)
VERTICAL(i, int32_t)
VERTICAL(I, uint32_t)
VERTICAL(q, int64_t)
VERTICAL(Q, uint64_t)
VERTICAL(f, float)
VERTICAL(d, double)

static const vertical_fn VERTICALS[UE_NTYPES] = {
	vertical_o, vertical_b, vertical_B, vertical_h, vertical_H, vertical_i, vertical_I, vertical_q, vertical_Q,
	vertical_f, vertical_d,
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

/*
 * ue_select for short slices side by side (dims[0] steps one element): by
 * blocks of SEL_BLOCK slices, a block holding a NaN slice by slice.
 */
static int select_side_by_side(int dtype, int ndim, const struct ue_rdim *dims, const struct ue_rdim *red,
			       const intptr_t *ranks, int nranks, intptr_t rank_stride, const char *in, char *out)
{
	intptr_t idx[UE_MAXDIMS] = { 0 }, n = red->n;
	size_t isz = ue_itemsize(dtype);
	uint64_t vals[SEL_MAXRANKS];
	uint64_t lane[SEL_SMALL], b1[SEL_SMALL + 1], b2[SEL_SMALL + 1];	/* aligned for any element type */
	const char *p = in;
	char *o = out;

	for (;;) {
		for (intptr_t l0 = 0; l0 < dims[0].n; l0 += SEL_BLOCK) {
			intptr_t nl = dims[0].n - l0 < SEL_BLOCK ? dims[0].n - l0 : SEL_BLOCK;
			const char *x = p + l0 * dims[0].is;
			char *ob = o + l0 * dims[0].os;

			if (VERTICALS[dtype](x, n, red->is, nl, ranks, nranks, ob, rank_stride, dims[0].os) == 0)
				continue;
			for (intptr_t l = 0; l < nl; l++) {
				for (intptr_t i = 0; i < n; i++)
					memcpy((char *)lane + (size_t)i * isz, x + l * dims[0].is + i * red->is, isz);
				if (SLICES[dtype](lane, n, ranks, nranks, vals, lane, b1, b2) < 0)
					nan_fill(dtype, ob + l * dims[0].os, nranks, rank_stride);
				else
					for (int j = 0; j < nranks; j++)
						memcpy(ob + l * dims[0].os + j * rank_stride, (const char *)vals + (size_t)j * isz, isz);
			}
		}
		if (!ue_rdim_next(idx, dims, 1, ndim, &p, &o))
			return 0;
	}
}

/* The ranks within the slice's element count and ascending, the counts in range. */
static int select_args_ok(int dtype, int ndim, int nred, const struct ue_rdim *red, const intptr_t *ranks, int nranks)
{
	intptr_t n = 1;

	if (dtype < 0 || dtype >= UE_NTYPES || ndim < 0 || ndim > UE_MAXDIMS || nred < 1 || nred > UE_MAXDIMS ||
	    nranks < 1 || nranks > SEL_MAXRANKS)
		return 0;
	for (int j = 0; j < nred; j++)
		n *= red[j].n;
	for (int j = 0; j < nranks; j++)
		if (ranks[j] < 0 || ranks[j] >= n || (j && ranks[j] < ranks[j - 1]))
			return 0;
	return 1;
}

static int select_serial(int dtype, int ndim, const struct ue_rdim *dims, int nred, const struct ue_rdim *red,
			 const intptr_t *ranks, int nranks, intptr_t rank_stride, const char *in, char *out)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	uint64_t vals[SEL_MAXRANKS];	/* aligned for any element type */

	if (!select_args_ok(dtype, ndim, nred, red, ranks, nranks))
		return UE_REDUCE_UNSUPPORTED;
	size_t isz = ue_itemsize(dtype);
	intptr_t n = 1;
	for (int j = 0; j < nred; j++)
		n *= red[j].n;
	if (nred == 1 && n <= SEL_SMALL && ndim >= 1 && dims[0].is == (intptr_t)isz && dims[0].n > 1)
		return select_side_by_side(dtype, ndim, dims, &red[0], ranks, nranks, rank_stride, in, out);
	int direct = nred == 1 && red[0].is == (intptr_t)isz;
	/* the gathered slice, and two scratch buffers of n + 1 (see pick_*) */
	char *mem = malloc(((size_t)n * 3 + 2) * isz);
	if (!mem)
		return UE_REDUCE_ENOMEM;
	char *lane = mem, *b1 = mem + (size_t)n * isz, *b2 = b1 + ((size_t)n + 1) * isz;
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
		if (!ue_rdim_next(idx, dims, 0, ndim, &p, &o))
			break;
	}
	free(mem);
	return 0;
}

/*
 * Selections over 1 MiB or more of input are shared among the worker
 * threads (pool.c) by ranges of the outermost kept dimension: each
 * position's values depend on its own slice alone, and the outputs are
 * written, not accumulated, so a range that could not get its scratch
 * memory is simply done again on the caller.
 */
#define SEL_PAR_MIN (1 << 20)

struct select_job {
	int dtype, ndim, nred, nranks, failed;
	const struct ue_rdim *dims, *red;
	const intptr_t *ranks;
	intptr_t rank_stride, step;
	const char *in;
	char *out;
};

static void select_piece(void *ctx, intptr_t c, int tid)
{
	struct select_job *j = ctx;
	struct ue_rdim dd[UE_MAXDIMS];
	intptr_t in_at, out_at;

	(void)tid;
	ue_rdim_outer_piece(dd, j->dims, j->ndim, c, j->step, &in_at, &out_at);
	if (select_serial(j->dtype, j->ndim, dd, j->nred, j->red, j->ranks, j->nranks, j->rank_stride,
			  j->in + in_at, j->out + out_at))
		__atomic_store_n(&j->failed, 1, __ATOMIC_RELAXED);
}

int ue_select(int dtype, int ndim, const struct ue_rdim *dims, int nred, const struct ue_rdim *red,
	      const intptr_t *ranks, int nranks, intptr_t rank_stride, const char *in, char *out)
{
	struct select_job j = { dtype, ndim, nred, nranks, 0, dims, red, ranks, rank_stride, 0, in, out };
	int threads = ue_threads();
	double bytes;
	intptr_t n;

	if (!select_args_ok(dtype, ndim, nred, red, ranks, nranks) || ndim < 1 || threads < 2)
		return select_serial(dtype, ndim, dims, nred, red, ranks, nranks, rank_stride, in, out);
	bytes = (double)ue_itemsize(dtype);
	for (int d = 0; d < ndim; d++)
		bytes *= (double)dims[d].n;
	for (int d = 0; d < nred; d++)
		bytes *= (double)red[d].n;
	n = dims[ndim - 1].n;
	if (bytes < SEL_PAR_MIN || n < 2)
		return select_serial(dtype, ndim, dims, nred, red, ranks, nranks, rank_stride, in, out);
	j.step = (n + 4 * threads - 1) / (4 * threads);
	ue_parallel((n + j.step - 1) / j.step, threads, select_piece, &j);
	if (j.failed)
		return select_serial(dtype, ndim, dims, nred, red, ranks, nranks, rank_stride, in, out);
	return 0;
}
