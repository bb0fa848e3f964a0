/* SPDX-License-Identifier: MIT */
/*
 * reduce.c - reductions (sum, prod, min, max, fmin, fmax, any, all) over an
 * iteration planned as numpy's iterator plans it (lib/np/reduce.ts plan()):
 * dimensions innermost first, each with a length, an input stride and an
 * output stride that is 0 along reduced dimensions. The inner dimension is
 * either reduced (one run folded into one output element: floats by
 * numpy's pairwise summation) or kept (a run combined element-wise into a
 * run of outputs). When numpy buffers (@chunk > 0: several reduced
 * dimensions that do not coalesce, or a cast into the accumulator) the
 * leading reduced block is gathered into chunks of @chunk elements, each
 * folded pairwise and added in turn, as numpy's 8192-element buffer does.
 *
 * The output holds the starting value (identity, or the first element).
 *
 * Besides numpy's reduce-like ufuncs, three reductions that numpy computes
 * over a temporary copy run here over the input itself, with the copy's
 * element order and summation order, so they are bit-equal to numpy:
 * nansum (the sum of a copy with NaN replaced by 0), var's sum of squared
 * deviations (x - mean)**2 (the mean comes in an operand laid out like the
 * output), and the counts count_nonzero and "not NaN" (nanmean's divisor).
 * The caller makes sure that the input iterates in the copy's order.
 *
 * Floating-point contraction must stay off (C's default under -std=c11):
 * numpy computes (x - m) * (x - m) and then the sum, never a fused multiply-add.
 */
#include <stdlib.h>
#include <string.h>

#include "reduce.h"
#include "types.h"

/* ---- pairwise summation (numpy's order of additions) ------------------- */

#define PAIRWISE(L, T)							\
static T pairwise_##L(const char *a, intptr_t n, intptr_t s)		\
{									\
	T r[8], res;							\
	intptr_t i;							\
	if (n < 8) {							\
		res = 0;						\
		for (i = 0; i < n; i++)					\
			res += *(const T *)(a + i * s);			\
		return res;						\
	}								\
	if (n <= 128) {							\
		for (int j = 0; j < 8; j++)				\
			r[j] = *(const T *)(a + j * s);			\
		for (i = 8; i < n - (n % 8); i += 8)			\
			for (int j = 0; j < 8; j++)			\
				r[j] += *(const T *)(a + (i + j) * s);	\
		res = ((r[0] + r[1]) + (r[2] + r[3])) +			\
		      ((r[4] + r[5]) + (r[6] + r[7]));			\
		for (; i < n; i++)					\
			res += *(const T *)(a + i * s);			\
		return res;						\
	}								\
	intptr_t n2 = n / 2;						\
	n2 -= n2 % 8;							\
	return pairwise_##L(a, n2, s) + pairwise_##L(a + n2 * s, n - n2, s); \
}									\
/* the contiguous case, which the compiler vectorises */		\
UE_HOT static T pairwise_c_##L(const T *a, intptr_t n)			\
{									\
	T r[8], res;							\
	intptr_t i;							\
	if (n < 8) {							\
		res = 0;						\
		for (i = 0; i < n; i++)					\
			res += a[i];					\
		return res;						\
	}								\
	if (n <= 128) {							\
		for (int j = 0; j < 8; j++)				\
			r[j] = a[j];					\
		for (i = 8; i < n - (n % 8); i += 8)			\
			for (int j = 0; j < 8; j++)			\
				r[j] += a[i + j];			\
		res = ((r[0] + r[1]) + (r[2] + r[3])) +			\
		      ((r[4] + r[5]) + (r[6] + r[7]));			\
		for (; i < n; i++)					\
			res += a[i];					\
		return res;						\
	}								\
	intptr_t n2 = n / 2;						\
	n2 -= n2 % 8;							\
	return pairwise_c_##L(a, n2) + pairwise_c_##L(a + n2, n - n2);	\
}

PAIRWISE(f, float)
PAIRWISE(d, double)

/*
 * The same order of additions over a mapped input: element x of dtype TI
 * becomes MAP(x converted to T, m). nz: NaN as 0 (nansum's copy); sq: the
 * squared deviation from the mean m (var's x = a - mean; x * x).
 */
#define MAP_ID(x, m) (x)
#define MAP_NZ(x, m) ((x) != (x) ? 0 : (x))
#define MAP_SQ(x, m) (((x) - (m)) * ((x) - (m)))

#define PAIRWISE_MAP(NAME, TI, T, MAP, ATTR)				\
static T pwm_##NAME(const char *a, intptr_t n, intptr_t s, T m)	\
{									\
	T r[8], res;							\
	intptr_t i;							\
	(void)m;							\
	if (n < 8) {							\
		res = 0;						\
		for (i = 0; i < n; i++) {				\
			T x = (T)*(const TI *)(a + i * s);		\
			res += MAP(x, m);				\
		}							\
		return res;						\
	}								\
	if (n <= 128) {							\
		for (int j = 0; j < 8; j++) {				\
			T x = (T)*(const TI *)(a + j * s);		\
			r[j] = MAP(x, m);				\
		}							\
		for (i = 8; i < n - (n % 8); i += 8)			\
			for (int j = 0; j < 8; j++) {			\
				T x = (T)*(const TI *)(a + (i + j) * s); \
				r[j] += MAP(x, m);			\
			}						\
		res = ((r[0] + r[1]) + (r[2] + r[3])) +			\
		      ((r[4] + r[5]) + (r[6] + r[7]));			\
		for (; i < n; i++) {					\
			T x = (T)*(const TI *)(a + i * s);		\
			res += MAP(x, m);				\
		}							\
		return res;						\
	}								\
	intptr_t n2 = n / 2;						\
	n2 -= n2 % 8;							\
	return pwm_##NAME(a, n2, s, m) + pwm_##NAME(a + n2 * s, n - n2, s, m); \
}									\
ATTR static T pwmc_##NAME(const TI *a, intptr_t n, T m)		\
{									\
	T r[8], res;							\
	intptr_t i;							\
	(void)m;							\
	if (n < 8) {							\
		res = 0;						\
		for (i = 0; i < n; i++) {				\
			T x = (T)a[i];					\
			res += MAP(x, m);				\
		}							\
		return res;						\
	}								\
	if (n <= 128) {							\
		for (int j = 0; j < 8; j++) {				\
			T x = (T)a[j];					\
			r[j] = MAP(x, m);				\
		}							\
		for (i = 8; i < n - (n % 8); i += 8)			\
			for (int j = 0; j < 8; j++) {			\
				T x = (T)a[i + j];			\
				r[j] += MAP(x, m);			\
			}						\
		res = ((r[0] + r[1]) + (r[2] + r[3])) +			\
		      ((r[4] + r[5]) + (r[6] + r[7]));			\
		for (; i < n; i++) {					\
			T x = (T)a[i];					\
			res += MAP(x, m);				\
		}							\
		return res;						\
	}								\
	intptr_t n2 = n / 2;						\
	n2 -= n2 % 8;							\
	return pwmc_##NAME(a, n2, m) + pwmc_##NAME(a + n2, n - n2, m);	\
}									\
/* fold a run into *o (m: the mean at @mp, when MAP uses one) */	\
static void runm_##NAME(const char *p, intptr_t n, intptr_t s, char *o, const char *mp) \
{									\
	T m = mp ? *(const T *)mp : 0;					\
	T v = s == sizeof(TI) ? pwmc_##NAME((const TI *)p, n, m) : pwm_##NAME(p, n, s, m); \
	*(T *)o += v;							\
}									\
/* o[i] += MAP(p[i], mp[i]): the mean is laid out like the output */	\
ATTR static void ewm_##NAME(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os, const char *mp) \
{									\
	if (s == sizeof(TI) && os == sizeof(T)) {			\
		const TI *x = (const TI *)p;				\
		const T *mm = (const T *)mp;				\
		T *y = (T *)o;						\
		if (mm) {						\
			for (intptr_t i = 0; i < n; i++) {		\
				T v = (T)x[i], m = mm[i];		\
				(void)m;				\
				y[i] += MAP(v, m);			\
			}						\
		} else {						\
			for (intptr_t i = 0; i < n; i++) {		\
				T v = (T)x[i], m = 0;			\
				(void)m;				\
				y[i] += MAP(v, m);			\
			}						\
		}							\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++) {				\
		T x = (T)*(const TI *)(p + i * s);			\
		T m = mp ? *(const T *)(mp + i * os) : 0;		\
		(void)m;						\
		*(T *)(o + i * os) += MAP(x, m);			\
	}								\
}									\
/* the mapped elements into a buffer (numpy's buffered chunks) */	\
static void gm_##NAME(const char *p, intptr_t n, intptr_t s, char *dst, const char *mp) \
{									\
	T m = mp ? *(const T *)mp : 0;					\
	(void)m;							\
	for (intptr_t i = 0; i < n; i++) {				\
		T x = (T)*(const TI *)(p + i * s);			\
		((T *)dst)[i] = MAP(x, m);				\
	}								\
}

PAIRWISE_MAP(nz_f, float, float, MAP_NZ, UE_HOT)
PAIRWISE_MAP(nz_d, double, double, MAP_NZ, UE_HOT)
PAIRWISE_MAP(sq_f, float, float, MAP_SQ, UE_HOT)
PAIRWISE_MAP(sq_d, double, double, MAP_SQ, UE_HOT)
PAIRWISE_MAP(sq_fd, float, double, MAP_SQ, UE_WARM)
#define SQ_INT(C, T, L, S, U) PAIRWISE_MAP(sq_##L##d, T, double, MAP_SQ, UE_WARM)
UE_INT_TYPES(SQ_INT)
SQ_INT(UE_BOOL, ue_bool, o, "?", uint32_t)

/* ---- per-type loops ------------------------------------------------------ */

/*
 * run: fold n elements (stride s bytes) into *o.
 * ew: o[i * os] = o[i * os] OP p[i * s] for n elements.
 */
typedef void (*run_fn)(const char *p, intptr_t n, intptr_t s, char *o);
typedef void (*ew_fn)(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os);

#define ADD(T, U, a, x) ((T)((U)(a) + (U)(x)))
#define MUL(T, U, a, x) ((T)((U)(a) * (U)(x)))
/*
 * NaN propagates (fmin/fmax: NaN is skipped); on ties the later element
 * wins, as numpy 2's SIMD loops. Written in two steps, (a < x ? a : x)
 * and then the NaN test, which vectorise to vminps/vmaxps, one compare
 * and one blend (as one expression GCC merges them into mask chains).
 */
#define MIN(T, U, a, x) __extension__({ T a_ = (a), x_ = (x); T r_ = a_ < x_ ? a_ : x_; a_ != a_ ? a_ : r_; })
#define MAX(T, U, a, x) __extension__({ T a_ = (a), x_ = (x); T r_ = a_ > x_ ? a_ : x_; a_ != a_ ? a_ : r_; })
#define FMIN(T, U, a, x) __extension__({ T a_ = (a), x_ = (x); T r_ = a_ < x_ ? a_ : x_; x_ != x_ ? a_ : r_; })
#define FMAX(T, U, a, x) __extension__({ T a_ = (a), x_ = (x); T r_ = a_ > x_ ? a_ : x_; x_ != x_ ? a_ : r_; })

#define EW(NAME, L, T, U, OP)						\
UE_HOT static void ew_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == sizeof(T)) {			\
		const T *x = (const T *)p;				\
		T *y = (T *)o;						\
		for (intptr_t i = 0; i < n; i++) {			\
			T a = y[i], v = x[i];	/* both loaded: no masked loads */ \
			y[i] = OP(T, U, a, v);				\
		}							\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++) {				\
		T *y = (T *)(o + i * os);				\
		*y = OP(T, U, *y, *(const T *)(p + i * s));		\
	}								\
}

#define RUN_SEQ(NAME, L, T, U, OP)					\
static void run_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	T a = *(T *)o;							\
	for (intptr_t i = 0; i < n; i++)				\
		a = OP(T, U, a, *(const T *)(p + i * s));		\
	*(T *)o = a;							\
}

/*
 * integer products: wrap-around multiplication is associative and
 * commutative, so a contiguous run multiplies in independent lanes
 * (vpmulld/vpmullq under the clones), folded at the end.
 */
#define RUN_IPROD(L, T, U)						\
UE_HOT static void run_prod_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	enum { NL = 256 / sizeof(U) };					\
	U a = (U)*(T *)o;						\
	intptr_t i = 0;							\
	if (s == sizeof(T) && n >= 2 * NL) {				\
		const T *x = (const T *)p;				\
		U r[NL];						\
		for (int j = 0; j < NL; j++)				\
			r[j] = (U)x[j];					\
		for (i = NL; i + NL <= n; i += NL)			\
			for (int j = 0; j < NL; j++)			\
				r[j] *= (U)x[i + j];			\
		for (int j = 0; j < NL; j++)				\
			a *= r[j];					\
		for (; i < n; i++)					\
			a *= (U)x[i];					\
	} else {							\
		for (; i < n; i++)					\
			a *= (U)*(const T *)(p + i * s);		\
	}								\
	*(T *)o = (T)a;							\
}

/* integer sums: unsigned wrap-around, 8 lanes so the compiler vectorises */
#define RUN_ISUM(L, T, U)						\
UE_HOT static void run_sum_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	U a = (U)*(T *)o;						\
	if (s == sizeof(T)) {						\
		const T *x = (const T *)p;				\
		U r = 0;						\
		for (intptr_t i = 0; i < n; i++)			\
			r += (U)x[i];					\
		a += r;							\
	} else {							\
		for (intptr_t i = 0; i < n; i++)			\
			a += (U)*(const T *)(p + i * s);		\
	}								\
	*(T *)o = (T)a;							\
}

/*
 * min/max of a contiguous run: 256 bytes of independent lanes (four
 * 64-byte vectors, which the compiler turns into vmaxps/vpmaxub... under
 * the clones), folded at the end (the order does not change an extreme;
 * ties between -0 and 0 may pick either, as numpy's SIMD loops). A NaN is
 * tracked apart in lanes of the same width so the loop has no branches;
 * when one was seen, min/max answer the first NaN and fmin/fmax run in
 * sequence (they skip it). A strided run is gathered into a buffer 4 KiB
 * at a time and each piece folded so, into the same result: the extreme
 * and the first NaN are those of the whole run.
 */
#define RUN_EXT(NAME, L, T, I, OP, BETTER, NANWINS)			\
UE_HOT static void run_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	enum { NL = 256 / sizeof(T), NB = 4096 / sizeof(T) };		\
	T m = *(T *)o;							\
	intptr_t i;							\
	if (s != sizeof(T) && n >= 4 * NL) {				\
		/* strided (a channel): gathered 4 KiB at a time into the lanes */ \
		T buf[NB];						\
		for (intptr_t b = 0; b < n; b += NB) {			\
			intptr_t len = n - b < NB ? n - b : NB;		\
			for (intptr_t k = 0; k < len; k++)		\
				buf[k] = *(const T *)(p + (b + k) * s);	\
			run_##NAME##_##L((const char *)buf, len, sizeof(T), o); \
		}							\
		return;							\
	}								\
	if (s != sizeof(T) || n < 2 * NL) {				\
		for (i = 0; i < n; i++)					\
			m = OP(T, T, m, *(const T *)(p + i * s));	\
		*(T *)o = m;						\
		return;							\
	}								\
	const T *x = (const T *)p;					\
	T r[NL];							\
	I nn[NL];							\
	for (int j = 0; j < NL; j++) {					\
		r[j] = x[j];						\
		nn[j] = x[j] != x[j];					\
	}								\
	for (i = NL; i + NL <= n; i += NL) {				\
		__builtin_prefetch(x + i + 8 * NL, 0, 3);		\
		for (int j = 0; j < NL; j++) {				\
			T v = x[i + j];					\
			nn[j] |= v != v;				\
			r[j] = r[j] BETTER v ? r[j] : v;		\
		}							\
	}								\
	I nan = 0;							\
	for (int j = 0; j < NL; j++)					\
		nan |= nn[j];						\
	if (nan && NANWINS) {						\
		for (i = 0; i < n; i++)					\
			if (x[i] != x[i]) {				\
				*(T *)o = m != m ? m : x[i];		\
				return;					\
			}						\
	}								\
	if (nan) {	/* fmin/fmax: sequential, NaN skipped */	\
		for (i = 0; i < n; i++)					\
			m = OP(T, T, m, x[i]);				\
		*(T *)o = m;						\
		return;							\
	}								\
	for (int j = 0; j < NL; j++)					\
		m = OP(T, T, m, r[j]);					\
	for (; i < n; i++)						\
		m = OP(T, T, m, x[i]);					\
	*(T *)o = m;							\
}

#define RUN_FSUM(L, T)							\
static void run_sum_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	T v = s == sizeof(T) ? pairwise_c_##L((const T *)p, n) : pairwise_##L(p, n, s); \
	*(T *)o += v;							\
}

#define INT_LOOPS(C, T, L, S, U)					\
	RUN_ISUM(L, T, U) EW(sum, L, T, U, ADD)				\
	RUN_IPROD(L, T, U) EW(prod, L, T, U, MUL)			\
	RUN_EXT(min, L, T, T, MIN, <, 0) EW(min, L, T, U, MIN)		\
	RUN_EXT(max, L, T, T, MAX, >, 0) EW(max, L, T, U, MAX)

#define FLOAT_LOOPS(C, T, L, I)						\
	RUN_FSUM(L, T) EW(sum, L, T, T, ADD)				\
	RUN_SEQ(prod, L, T, T, MUL) EW(prod, L, T, T, MUL)		\
	RUN_EXT(min, L, T, I, MIN, <, 1) EW(min, L, T, T, MIN)		\
	RUN_EXT(max, L, T, I, MAX, >, 1) EW(max, L, T, T, MAX)		\
	RUN_EXT(fmin, L, T, I, FMIN, <, 0) EW(fmin, L, T, T, FMIN)	\
	RUN_EXT(fmax, L, T, I, FMAX, >, 0) EW(fmax, L, T, T, FMAX)

UE_INT_TYPES(INT_LOOPS)
FLOAT_LOOPS(UE_FLOAT32, float, f, int32_t)
FLOAT_LOOPS(UE_FLOAT64, double, d, int64_t)

/*
 * any/all of any input type into a bool output; contiguous runs are tested
 * in blocks that vectorise, returning at the first block that decides.
 */
#define LOGIC_BLOCK 256
#define LOGIC_LOOPS(L, T, F)					\
UE_HOT static void run_any_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	if (*o)								\
		return;							\
	if (s == sizeof(T)) {						\
		const T *x = (const T *)p;				\
		for (intptr_t i = 0; i < n; i += LOGIC_BLOCK) {		\
			intptr_t m = n - i < LOGIC_BLOCK ? n - i : LOGIC_BLOCK; \
			F f = 0;					\
			for (intptr_t k = 0; k < m; k++)		\
				f |= (F)(x[i + k] != 0);			\
			if (f) {					\
				*o = 1;					\
				return;					\
			}						\
		}							\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		if (*(const T *)(p + i * s) != 0) {			\
			*o = 1;						\
			return;						\
		}							\
}									\
UE_HOT static void run_all_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	if (!*o)							\
		return;							\
	if (s == 1 && sizeof(T) == 1) {	/* a 0 byte: memchr finds it fastest */ \
		*o = memchr(p, 0, (size_t)n) == NULL;			\
		return;							\
	}								\
	if (s == sizeof(T)) {						\
		const T *x = (const T *)p;				\
		for (intptr_t i = 0; i < n; i += LOGIC_BLOCK) {		\
			intptr_t m = n - i < LOGIC_BLOCK ? n - i : LOGIC_BLOCK; \
			F f = 0;					\
			for (intptr_t k = 0; k < m; k++)		\
				f |= (F)(x[i + k] == 0);			\
			if (f) {					\
				*o = 0;					\
				return;					\
			}						\
		}							\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		if (*(const T *)(p + i * s) == 0) {			\
			*o = 0;						\
			return;						\
		}							\
}									\
UE_HOT static void ew_any_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == 1) {				\
		const T *x = (const T *)p;				\
		for (intptr_t i = 0; i < n; i++)			\
			o[i] = o[i] | (x[i] != 0);			\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		o[i * os] = o[i * os] || *(const T *)(p + i * s) != 0;	\
}									\
UE_HOT static void ew_all_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == 1) {				\
		const T *x = (const T *)p;				\
		for (intptr_t i = 0; i < n; i++)			\
			o[i] = o[i] & (x[i] != 0);			\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		o[i * os] = o[i * os] && *(const T *)(p + i * s) != 0;	\
}

/* the flag as wide as the element, so the test vectorises lane for lane */
LOGIC_LOOPS(o, ue_bool, uint8_t)
LOGIC_LOOPS(b, int8_t, uint8_t)
LOGIC_LOOPS(B, uint8_t, uint8_t)
LOGIC_LOOPS(h, int16_t, uint16_t)
LOGIC_LOOPS(H, uint16_t, uint16_t)
LOGIC_LOOPS(i, int32_t, uint32_t)
LOGIC_LOOPS(I, uint32_t, uint32_t)
LOGIC_LOOPS(q, int64_t, uint64_t)
LOGIC_LOOPS(Q, uint64_t, uint64_t)
LOGIC_LOOPS(f, float, uint32_t)
LOGIC_LOOPS(d, double, uint64_t)

/*
 * Counts into an intp accumulator: count_nonzero (x != 0, NaN counts) and
 * nanmean's divisor (x == x, the elements that are not NaN).
 */
#define PRED_NZ(x) ((x) != 0)
#define PRED_NN(x) ((x) == (x))
#define COUNT_LOOPS(NAME, L, T, PRED, CT)				\
UE_HOT static void run_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o) \
{									\
	uintptr_t c = 0;						\
	if (s == sizeof(T)) {						\
		const T *x = (const T *)p;				\
		/* a counter no wider than the element, emptied before it can wrap */ \
		const intptr_t block = sizeof(CT) >= sizeof(intptr_t) ? INTPTR_MAX : (intptr_t)(CT)-1; \
		for (intptr_t i = 0; i < n; i += block) {		\
			intptr_t m = n - i < block ? n - i : block;	\
			CT k = 0;					\
			for (intptr_t j = 0; j < m; j++)		\
				k += (CT)PRED(x[i + j]);		\
			c += k;						\
		}							\
	} else {							\
		for (intptr_t i = 0; i < n; i++)			\
			c += PRED(*(const T *)(p + i * s));		\
	}								\
	*(uintptr_t *)o += c;						\
}									\
UE_WARM static void ew_##NAME##_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == sizeof(uintptr_t)) {		\
		const T *x = (const T *)p;				\
		uintptr_t *y = (uintptr_t *)o;				\
		for (intptr_t i = 0; i < n; i++)			\
			y[i] += PRED(x[i]);				\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		*(uintptr_t *)(o + i * os) += PRED(*(const T *)(p + i * s)); \
}
COUNT_LOOPS(nz, o, ue_bool, PRED_NZ, uint16_t)
COUNT_LOOPS(nz, b, int8_t, PRED_NZ, uint16_t)
COUNT_LOOPS(nz, B, uint8_t, PRED_NZ, uint16_t)
COUNT_LOOPS(nz, h, int16_t, PRED_NZ, uint16_t)
COUNT_LOOPS(nz, H, uint16_t, PRED_NZ, uint16_t)
COUNT_LOOPS(nz, i, int32_t, PRED_NZ, uint32_t)
COUNT_LOOPS(nz, I, uint32_t, PRED_NZ, uint32_t)
COUNT_LOOPS(nz, q, int64_t, PRED_NZ, uint64_t)
COUNT_LOOPS(nz, Q, uint64_t, PRED_NZ, uint64_t)
COUNT_LOOPS(nz, f, float, PRED_NZ, uint32_t)
COUNT_LOOPS(nz, d, double, PRED_NZ, uint64_t)
COUNT_LOOPS(nn, f, float, PRED_NN, uint32_t)
COUNT_LOOPS(nn, d, double, PRED_NN, uint64_t)

/*
 * integer and bool inputs widened into a 64- or 32-bit accumulator (wraps),
 * or added exactly into a float one; a bool is 1 for any nonzero byte (a
 * view of other bytes as bool, as numpy's cast from bool reads it)
 */
#define WV_o(x) ((x) != 0)
#define WV_b(x) (x)
#define WV_B(x) (x)
#define WV_h(x) (x)
#define WV_H(x) (x)
#define WV_i(x) (x)
#define WV_I(x) (x)
#define WIDE_LOOPS(C, T, L, S, U)					\
UE_HOT static uint64_t wsum_##L(const char *p, intptr_t n, intptr_t s)	\
{									\
	uint64_t r = 0;							\
	if (s == sizeof(T)) {						\
		const T *x = (const T *)p;				\
		for (intptr_t i = 0; i < n; i++)			\
			r += (uint64_t)(int64_t)WV_##L(x[i]);			\
		return r;						\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		r += (uint64_t)(int64_t)WV_##L(*(const T *)(p + i * s));	\
	return r;							\
}									\
UE_HOT static void wew64_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == 8) {				\
		const T *x = (const T *)p;				\
		uint64_t *y = (uint64_t *)o;				\
		for (intptr_t i = 0; i < n; i++)			\
			y[i] += (uint64_t)(int64_t)WV_##L(x[i]);		\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		*(uint64_t *)(o + i * os) += (uint64_t)(int64_t)WV_##L(*(const T *)(p + i * s)); \
}									\
static void wew32_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	for (intptr_t i = 0; i < n; i++)				\
		*(uint32_t *)(o + i * os) += (uint32_t)(int64_t)WV_##L(*(const T *)(p + i * s)); \
}									\
static void wew16_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == 2) {				\
		const T *x = (const T *)p;				\
		uint16_t *y = (uint16_t *)o;				\
		for (intptr_t i = 0; i < n; i++)			\
			y[i] += (uint16_t)(int64_t)WV_##L(x[i]);		\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		*(uint16_t *)(o + i * os) += (uint16_t)(int64_t)WV_##L(*(const T *)(p + i * s)); \
}									\
UE_HOT static void wewd_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	if (s == sizeof(T) && os == 8) {				\
		const T *x = (const T *)p;				\
		double *y = (double *)o;				\
		for (intptr_t i = 0; i < n; i++)			\
			y[i] += (double)WV_##L(x[i]);				\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++)				\
		*(double *)(o + i * os) += (double)WV_##L(*(const T *)(p + i * s)); \
}									\
static void wewf_##L(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os) \
{									\
	for (intptr_t i = 0; i < n; i++)				\
		*(float *)(o + i * os) += (float)WV_##L(*(const T *)(p + i * s)); \
}

UE_BOOL_TYPE(WIDE_LOOPS)
WIDE_LOOPS(UE_INT8, int8_t, b, "b", uint32_t)
WIDE_LOOPS(UE_UINT8, uint8_t, B, "B", uint32_t)
WIDE_LOOPS(UE_INT16, int16_t, h, "h", uint32_t)
WIDE_LOOPS(UE_UINT16, uint16_t, H, "H", uint32_t)
WIDE_LOOPS(UE_INT32, int32_t, i, "i", uint32_t)
WIDE_LOOPS(UE_UINT32, uint32_t, I, "I", uint32_t)

/* ---- tables --------------------------------------------------------------- */

#define NOPS 8	/* numpy's reduce-like ufuncs; the others below have their own tables */
#define ROW_I(L) { run_sum_##L, run_prod_##L, run_min_##L, run_max_##L, run_min_##L, run_max_##L, run_any_##L, run_all_##L }
#define ROW_F(L) { run_sum_##L, run_prod_##L, run_min_##L, run_max_##L, run_fmin_##L, run_fmax_##L, run_any_##L, run_all_##L }
#define EROW_I(L) { ew_sum_##L, ew_prod_##L, ew_min_##L, ew_max_##L, ew_min_##L, ew_max_##L, ew_any_##L, ew_all_##L }
#define EROW_F(L) { ew_sum_##L, ew_prod_##L, ew_min_##L, ew_max_##L, ew_fmin_##L, ew_fmax_##L, ew_any_##L, ew_all_##L }
/* bool: min is all, max is any (numpy's '??->?' loops); sum/prod take an integer accumulator */
#define BOOLROW { NULL, NULL, run_all_o, run_any_o, run_all_o, run_any_o, run_any_o, run_all_o }
#define EBOOLROW { NULL, NULL, ew_all_o, ew_any_o, ew_all_o, ew_any_o, ew_any_o, ew_all_o }

static const run_fn RUNS[UE_NTYPES][NOPS] = {
	BOOLROW, ROW_I(b), ROW_I(B), ROW_I(h), ROW_I(H), ROW_I(i), ROW_I(I), ROW_I(q), ROW_I(Q), ROW_F(f), ROW_F(d),
};

ue_run_fn ue_reduce_run(int op, int type)
{
	return op >= 0 && op < NOPS && type >= 0 && type < UE_NTYPES ? RUNS[type][op] : NULL;
}
static const ew_fn EWS[UE_NTYPES][NOPS] = {
	EBOOLROW, EROW_I(b), EROW_I(B), EROW_I(h), EROW_I(H), EROW_I(i), EROW_I(I), EROW_I(q), EROW_I(Q), EROW_F(f), EROW_F(d),
};
typedef uint64_t (*wsum_fn)(const char *, intptr_t, intptr_t);
static const wsum_fn WSUM[UE_INT32 + 2] = { wsum_o, wsum_b, wsum_B, wsum_h, wsum_H, wsum_i, wsum_I };
static const ew_fn WEW64[UE_INT32 + 2] = { wew64_o, wew64_b, wew64_B, wew64_h, wew64_H, wew64_i, wew64_I };
static const ew_fn WEW32[UE_INT32 + 2] = { wew32_o, wew32_b, wew32_B, wew32_h, wew32_H, wew32_i, wew32_I };
static const ew_fn WEW16[UE_INT32 + 2] = { wew16_o, wew16_b, wew16_B, wew16_h, wew16_H, wew16_i, wew16_I };
static const ew_fn WEWD[UE_INT32 + 2] = { wewd_o, wewd_b, wewd_B, wewd_h, wewd_H, wewd_i, wewd_I };
static const ew_fn WEWF[UE_INT32 + 2] = { wewf_o, wewf_b, wewf_B, wewf_h, wewf_H, wewf_i, wewf_I };
/* the largest magnitude of an element, for the exact float sums */
static const double MAXABS[UE_INT32 + 2] = { 1, 128, 255, 32768, 65535, 2147483648.0, 4294967295.0 };

#define NZ_ENTRY(C, T, L, S, U) [C] = { run_nz_##L, ew_nz_##L },
static const struct {
	run_fn run;
	ew_fn ew;
} COUNTS[UE_NTYPES] = { UE_ALL_TYPES(NZ_ENTRY) }, NOTNAN[UE_NTYPES] = {
	[UE_FLOAT32] = { run_nn_f, ew_nn_f }, [UE_FLOAT64] = { run_nn_d, ew_nn_d },
};

/* the mapped sums: (op, input, accumulator) -> fold, element-wise, gather */
typedef void (*runm_fn)(const char *p, intptr_t n, intptr_t s, char *o, const char *mp);
typedef void (*ewm_fn)(const char *p, intptr_t n, intptr_t s, char *o, intptr_t os, const char *mp);
typedef void (*gm_fn)(const char *p, intptr_t n, intptr_t s, char *dst, const char *mp);
#define MAPPED(OP, IN, ACC, NAME) { OP, IN, ACC, runm_##NAME, ewm_##NAME, gm_##NAME },
#define SQ_ENTRY(C, T, L, S, U) MAPPED(UE_R_SSD, C, UE_FLOAT64, sq_##L##d)
static const struct mapped {
	int op, in, acc;
	runm_fn run;
	ewm_fn ew;
	gm_fn gather;
} MAPS[] = {
	MAPPED(UE_R_NANSUM, UE_FLOAT32, UE_FLOAT32, nz_f)
	MAPPED(UE_R_NANSUM, UE_FLOAT64, UE_FLOAT64, nz_d)
	MAPPED(UE_R_SSD, UE_FLOAT32, UE_FLOAT32, sq_f)
	MAPPED(UE_R_SSD, UE_FLOAT64, UE_FLOAT64, sq_d)
	MAPPED(UE_R_SSD, UE_FLOAT32, UE_FLOAT64, sq_fd)
	UE_INT_TYPES(SQ_ENTRY)
	SQ_ENTRY(UE_BOOL, ue_bool, o, "?", uint32_t)
};

static const struct mapped *find_mapped(int op, int in, int acc)
{
	for (size_t i = 0; i < sizeof(MAPS) / sizeof(MAPS[0]); i++)
		if (MAPS[i].op == op && MAPS[i].in == in && MAPS[i].acc == acc)
			return &MAPS[i];
	return NULL;
}

/* NaN to 0 in a buffer of converted elements (nansum with a wider dtype=) */
static void zero_nan_f(char *b, intptr_t n)
{
	for (intptr_t i = 0; i < n; i++)
		if (((float *)b)[i] != ((float *)b)[i])
			((float *)b)[i] = 0;
}

static void zero_nan_d(char *b, intptr_t n)
{
	for (intptr_t i = 0; i < n; i++)
		if (((double *)b)[i] != ((double *)b)[i])
			((double *)b)[i] = 0;
}

/* ---- the walk ------------------------------------------------------------ */

struct walk {
	int op, in_type, acc_type;
	size_t isz, asz;
	run_fn run;		/* same-dtype fold (also on converted buffers) */
	ew_fn ew;
	wsum_fn wsum;		/* widening integer sum, or NULL */
	ew_fn wew;
	int exact;		/* wsum's total goes to a float accumulator */
	ue_loop_fn cast;	/* input -> accumulator, when they differ */
	void (*post)(char *b, intptr_t n);	/* applied to converted elements */
	const struct mapped *map;	/* a mapped sum (nansum, var's deviations) */
	const char *aux;	/* the mean, laid out like the output at @out */
	const char *out;
	char *buf;		/* cast buffer, UE_REDUCE_BUF elements */
};

/* The mean of the output element at @o, or NULL. */
static const char *aux_at(const struct walk *w, const char *o)
{
	return w->aux ? w->aux + (o - w->out) : NULL;
}

#define UE_REDUCE_BUF 8192

/* Convert n elements (stride s) into w->buf. */
static void convert(const struct walk *w, const char *p, intptr_t n, intptr_t s)
{
	char *args[2] = { (char *)p, w->buf };
	intptr_t dims[1] = { n };
	intptr_t steps[2] = { s, (intptr_t)w->asz };
	w->cast(args, dims, steps, NULL);
	if (w->post)
		w->post(w->buf, n);
}

static void inner(const struct walk *w, const struct ue_rdim *d, const char *p, char *o)
{
	if (w->map) {
		if (d->os == 0)
			w->map->run(p, d->n, d->is, o, aux_at(w, o));
		else
			w->map->ew(p, d->n, d->is, o, d->os, aux_at(w, o));
		return;
	}
	if (d->os == 0) {		/* reduce the run into *o */
		if (w->wsum) {
			uint64_t v = w->wsum(p, d->n, d->is);
			if (w->exact && w->acc_type == UE_FLOAT64)
				*(double *)o += (double)(int64_t)v;
			else if (w->exact)
				*(float *)o += (float)(int64_t)v;
			else if (w->asz == 8)
				*(uint64_t *)o += v;
			else if (w->asz == 4)
				*(uint32_t *)o += (uint32_t)v;
			else
				*(uint16_t *)o += (uint16_t)v;
		} else if (!w->cast) {
			w->run(p, d->n, d->is, o);
		} else {
			for (intptr_t k = 0; k < d->n; k += UE_REDUCE_BUF) {
				intptr_t m = d->n - k < UE_REDUCE_BUF ? d->n - k : UE_REDUCE_BUF;
				convert(w, p + k * d->is, m, d->is);
				w->run(w->buf, m, (intptr_t)w->asz, o);
			}
		}
		return;
	}
	if (w->wew) {
		w->wew(p, d->n, d->is, o, d->os);
	} else if (!w->cast) {
		w->ew(p, d->n, d->is, o, d->os);
	} else {
		for (intptr_t k = 0; k < d->n; k += UE_REDUCE_BUF) {
			intptr_t m = d->n - k < UE_REDUCE_BUF ? d->n - k : UE_REDUCE_BUF;
			convert(w, p + k * d->is, m, d->is);
			w->ew(w->buf, m, (intptr_t)w->asz, o + k * d->os, d->os);
		}
	}
}

/*
 * The leading @r reduced dimensions as one block: elements gathered in
 * iteration order into chunks of @chunk, each folded into *o. With @core
 * (0 < core < r - 1), a chunk also ends where dims[core] wraps around.
 */
static void block(const struct walk *w, const struct ue_rdim *dims, int r, intptr_t chunk, int core, const char *p,
		  char *o)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	intptr_t fill = 0;
	char *b = w->buf;
	const struct ue_rdim *d0 = &dims[0];
	for (;;) {
		/* one inner run at a time, split where a chunk fills */
		intptr_t k = 0;
		while (k < d0->n) {
			intptr_t m = d0->n - k;
			if (m > chunk - fill)
				m = chunk - fill;
			if (w->map) {
				w->map->gather(p + k * d0->is, m, d0->is, b + fill * w->asz, aux_at(w, o));
			} else if (w->cast) {
				char *args[2] = { (char *)(p + k * d0->is), b + fill * w->asz };
				intptr_t dm[1] = { m };
				intptr_t steps[2] = { d0->is, (intptr_t)w->asz };
				w->cast(args, dm, steps, NULL);
				if (w->post)
					w->post(b + fill * w->asz, m);
			} else {
				for (intptr_t i = 0; i < m; i++)
					memcpy(b + (fill + i) * w->asz, p + (k + i) * d0->is, w->asz);
			}
			fill += m;
			k += m;
			if (fill == chunk) {
				w->run(b, fill, (intptr_t)w->asz, o);
				fill = 0;
			}
		}
		int j = 1;
		for (; j < r; j++) {
			p += dims[j].is;
			if (++idx[j] < dims[j].n)
				break;
			p -= dims[j].is * dims[j].n;
			idx[j] = 0;
		}
		if (j == r)
			break;
		if (core && j > core && fill) {
			/* dims[core] wrapped: numpy's buffer ends with it */
			w->run(b, fill, (intptr_t)w->asz, o);
			fill = 0;
		}
	}
	if (fill)
		w->run(b, fill, (intptr_t)w->asz, o);
}

/*
 * Whether a sum of @in_type elements into a zeroed float @acc_type is exact:
 * every partial sum, in whatever order, is an integer of at most 2^53 in
 * magnitude (2^24 for float32), which the float holds. numpy's pairwise
 * float sum then gives the same bits as the integer total converted once,
 * so it runs in integers (image means: 2-3x faster, and in any order).
 */
static int exact_sum(int in_type, int acc_type, int ndim, const struct ue_rdim *dims)
{
	double n = 1;

	if (in_type < UE_BOOL || in_type > UE_UINT32 || (acc_type != UE_FLOAT64 && acc_type != UE_FLOAT32))
		return 0;
	for (int d = 0; d < ndim; d++)
		if (dims[d].os == 0)
			n *= (double)dims[d].n;
	return n * MAXABS[in_type] <= (acc_type == UE_FLOAT64 ? 9007199254740992.0 : 16777216.0);
}

/*
 * A reduction whose innermost dimension is a few elements (a colour axis)
 * and whose result does not depend on the order: the next dimension goes
 * inside instead, so that each call of a loop covers a long run (a
 * 1080x1920x3 image's sum over axis 2: 2M calls of 3 elements become 3
 * calls per tile). A run of kept elements is walked in tiles that stay in
 * the cache while the few reduced elements are added in.
 */
#define UE_TINY 8
#define UE_TILE 2048

static void tiled(const struct walk *w, const struct ue_rdim *dims, const char *p, char *o)
{
	for (intptr_t t = 0; t < dims[0].n; t += UE_TILE) {
		struct ue_rdim d = { dims[0].n - t < UE_TILE ? dims[0].n - t : UE_TILE, dims[0].is, dims[0].os };

		for (intptr_t j = 0; j < dims[1].n; j++)
			inner(w, &d, p + t * dims[0].is + j * dims[1].is, o + t * dims[0].os + j * dims[1].os);
	}
}

/*
 * A float sum whose only reduced dimension is innermost and shorter than 8,
 * into outputs starting at +0: numpy adds each output's few elements one
 * after the other from +0 (its pairwise sum below 8 elements), then adds
 * that to the output. Adding them into the output in the same order gives
 * the same bits, so the kept dimension can go inside (the mean of a float
 * image over its channels).
 */
static int float_rows(int op, int zeroed, const struct walk *w, int ndim, const struct ue_rdim *dims)
{
	if (op != UE_R_SUM || !zeroed || w->in_type != w->acc_type ||
	    (w->acc_type != UE_FLOAT32 && w->acc_type != UE_FLOAT64) || dims[0].os != 0 || dims[0].n >= 8)
		return 0;
	for (int d = 1; d < ndim; d++)
		if (dims[d].os == 0)
			return 0;
	return 1;
}

/* Every position of @dims from @in into @out, with @w's loops (its buffer, if any, given). */
static void walk(const struct walk *w, int ndim, const struct ue_rdim *dims, intptr_t chunk, int core, int zeroed,
		 const char *in, char *out)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	struct ue_rdim dd[UE_MAXDIMS];
	int r = 0, first, tile = 0;

	if (ndim == 0) {
		struct ue_rdim one = { 1, 0, 0 };

		inner(w, &one, in, out);
		return;
	}
	if (chunk)
		while (r < ndim && dims[r].os == 0)
			r++;
	if (r == 1)	/* one reduced run: inner() cuts it at the same places */
		r = 0;
	first = r ? r : 1;
	/* any order: integer (or bool) accumulators, the exact float sums; or float rows kept in order */
	if (!r && !w->cast && !w->map &&
	    (w->exact || w->acc_type <= UE_UINT64 || float_rows(w->op, zeroed, w, ndim, dims)) &&
	    ndim >= 2 && dims[0].n <= UE_TINY && dims[1].n > dims[0].n) {
		memcpy(dd, dims, (size_t)ndim * sizeof(*dd));
		dd[0] = dims[1];
		dd[1] = dims[0];
		dims = dd;
		tile = dims[0].os != 0;
		first = tile ? 2 : 1;
	}
	const char *p = in;
	char *o = out;
	for (;;) {
		if (r)
			block(w, dims, r, chunk, core < r - 1 ? core : 0, p, o);
		else if (tile)
			tiled(w, dims, p, o);
		else
			inner(w, &dims[0], p, o);
		if (!ue_rdim_next(idx, dims, first, ndim, &p, &o))
			break;
	}
}

/*
 * A reduction over 1 MiB or more of input is shared among the worker
 * threads (pool.c) along a kept dimension: the outermost one, or the
 * innermost when the reduced ones are all outside it (a sum over axis 0).
 * Each thread walks its own range of that dimension's outputs exactly as
 * one thread would, so every output sees the same additions in the same
 * order and the bytes do not depend on the count.
 */
#define UE_RPAR_MIN (1 << 20)

struct reduce_job {
	const struct walk *w;
	char *bufs[UE_MAXTHREADS];
	int ndim, d, core, zeroed;
	const struct ue_rdim *dims;
	intptr_t chunk, step;
	const char *in;
	char *out;
};

static void reduce_piece(void *ctx, intptr_t c, int tid)
{
	struct reduce_job *j = ctx;
	struct walk w = *j->w;
	struct ue_rdim dd[UE_MAXDIMS];
	const struct ue_rdim *d = &j->dims[j->d];
	intptr_t lo = ue_rdim_piece(dd, j->dims, j->ndim, j->d, c, j->step);

	w.buf = j->bufs[tid];
	walk(&w, j->ndim, dd, j->chunk, j->core, j->zeroed, j->in + lo * d->is, j->out + lo * d->os);
}

/* The kept dimension to share out, or -1: see above. */
static int split_dim(int ndim, const struct ue_rdim *dims, size_t isz)
{
	double bytes = (double)isz;
	int d;

	for (d = 0; d < ndim; d++)
		bytes *= (double)dims[d].n;
	if (ndim < 2 || bytes < UE_RPAR_MIN)
		return -1;
	if (dims[ndim - 1].os != 0 && dims[ndim - 1].n >= 2)
		return ndim - 1;
	for (d = 1; d < ndim; d++)
		if (dims[d].os != 0)
			return -1;
	return dims[0].os != 0 && dims[0].n >= 4 * 64 ? 0 : -1;
}

/*
 * A reduction of everything into one output whose result does not depend
 * on the order (integer and bool accumulators: modular sums, min, max,
 * any, all, counts; and the exact float sums, see exact_sum()) is shared
 * among the threads by ranges of its outermost dimension: each range is
 * folded into its own accumulator, and those into the output, with the
 * same operation. Float sums and products never are: numpy's order is
 * part of their result.
 */
#define UE_WHOLE_PIECES (4 * UE_MAXTHREADS)

struct whole_job {
	const struct walk *w;
	int ndim, zeroed;
	const struct ue_rdim *dims;
	intptr_t step;
	const char *in;
	uint64_t acc[UE_WHOLE_PIECES];	/* one accumulator a piece (any dtype's item) */
};

static void whole_piece(void *ctx, intptr_t c, int tid)
{
	struct whole_job *j = ctx;
	struct ue_rdim dd[UE_MAXDIMS];
	intptr_t in_at, out_at;

	(void)tid;
	ue_rdim_outer_piece(dd, j->dims, j->ndim, c, j->step, &in_at, &out_at);
	walk(j->w, j->ndim, dd, 0, 0, j->zeroed, j->in + in_at, (char *)&j->acc[c]);
}

/* The same-dtype fold that combines the pieces' accumulators, or NULL when the whole is not to be shared. */
static run_fn whole_fold(const struct walk *w, int ndim, const struct ue_rdim *dims)
{
	double bytes = (double)w->isz;

	for (int d = 0; d < ndim; d++) {
		if (dims[d].os != 0)
			return NULL;
		bytes *= (double)dims[d].n;
	}
	if (ndim < 1 || bytes < UE_RPAR_MIN || dims[ndim - 1].n < 2 || w->cast || w->map ||
	    !(w->exact || w->acc_type <= UE_UINT64))
		return NULL;
	switch (w->op) {
	case UE_R_SUM: case UE_R_COUNT: case UE_R_NOTNAN:
		return RUNS[w->acc_type][UE_R_SUM];
	case UE_R_MIN: case UE_R_MAX: case UE_R_FMIN: case UE_R_FMAX: case UE_R_ANY: case UE_R_ALL:
		return RUNS[w->acc_type][w->op];
	default:
		return NULL;	/* products: not worth an identity per dtype */
	}
}

/* Share a whole reduction (see above); 0 when it was done, 1 when it is not to be shared. */
static int walk_whole(const struct walk *w, int ndim, const struct ue_rdim *dims, int zeroed, const char *in,
		      char *out, int threads)
{
	struct whole_job j = { .w = w, .ndim = ndim, .zeroed = zeroed, .dims = dims, .in = in };
	run_fn fold = whole_fold(w, ndim, dims);
	intptr_t n = dims[ndim - 1].n, pieces;
	int op = w->op;

	if (!fold)
		return 1;
	/* small pieces: a worker the system has stopped holds up the caller for one piece at most */
	pieces = ue_pieces(n, UE_WHOLE_PIECES, &j.step);
	for (intptr_t c = 0; c < pieces; c++) {
		/* sums and counts start from 0; min, max, any and all from the output, which they keep */
		j.acc[c] = 0;
		if (op != UE_R_SUM && op != UE_R_COUNT && op != UE_R_NOTNAN)
			memcpy(&j.acc[c], out, w->asz);
	}
	ue_parallel(pieces, threads, whole_piece, &j);
	fold((const char *)j.acc, pieces, 8, out);
	return 0;
}

static int walk_all(struct walk *w, int ndim, const struct ue_rdim *dims, intptr_t chunk, int core, int zeroed,
		    const char *in, char *out)
{
	struct reduce_job j = { .w = w, .ndim = ndim, .core = core, .zeroed = zeroed, .dims = dims, .chunk = chunk,
				.in = in, .out = out };
	int threads = ue_threads(), t, d = threads > 1 ? split_dim(ndim, dims, w->isz) : -1;
	int need = w->cast || chunk;
	intptr_t n;

	if (d < 0 && threads > 1 && !need && !walk_whole(w, ndim, dims, zeroed, in, out, threads))
		return 0;
	if (d < 0)
		threads = 1;
	for (t = 0; t < threads; t++) {
		if (!need)
			continue;
		j.bufs[t] = malloc(UE_REDUCE_BUF * 8);
		if (!j.bufs[t]) {
			while (t-- > 0)
				free(j.bufs[t]);
			return UE_REDUCE_ENOMEM;
		}
	}
	if (d < 0) {
		w->buf = j.bufs[0];
		walk(w, ndim, dims, chunk, core, zeroed, in, out);
	} else {
		n = dims[d].n;
		j.d = d;
		/*
		 * about 4 pieces a thread; the innermost dimension in one piece a
		 * thread, each a whole multiple of 64 outputs: every thread then
		 * reads the longest runs of each row it can
		 */
		j.step = (n + 4 * threads - 1) / (4 * threads);
		if (d == 0)
			j.step = ((n + threads - 1) / threads + 63) & ~(intptr_t)63;
		ue_parallel((n + j.step - 1) / j.step, threads, reduce_piece, &j);
	}
	for (t = 0; t < threads; t++)
		free(j.bufs[t]);
	return 0;
}

int ue_reduce(int op, int in_type, int acc_type, int ndim, const struct ue_rdim *dims, intptr_t chunk,
	      const char *in, char *out)
{
	return ue_reduce_aux(op, in_type, acc_type, ndim, dims, chunk, in, out, NULL);
}

int ue_reduce_aux(int op, int in_type, int acc_type, int ndim, const struct ue_rdim *dims, intptr_t chunk,
		  const char *in, char *out, const char *aux)
{
	struct walk w = { 0 };
	int zeroed = (op & UE_R_ZEROED) != 0;
	int core = (op & UE_R_CORE_MASK) >> UE_R_CORE_SHIFT;

	op &= ~(UE_R_ZEROED | UE_R_CORE_MASK);
	if (op < 0 || op >= UE_R_NOPS || in_type < 0 || in_type >= UE_NTYPES || acc_type < 0 ||
	    acc_type >= UE_NTYPES || ndim < 0 || ndim > UE_MAXDIMS || chunk < 0 || chunk > UE_REDUCE_BUF)
		return UE_REDUCE_UNSUPPORTED;
	w.op = op;
	w.in_type = in_type;
	w.acc_type = acc_type;
	w.isz = ue_itemsize(in_type);
	w.asz = ue_itemsize(acc_type);
	w.out = out;
	if (op == UE_R_SSD && !aux)
		return UE_REDUCE_UNSUPPORTED;
	w.aux = op == UE_R_SSD ? aux : NULL;
	if (op == UE_R_COUNT || op == UE_R_NOTNAN) {
		if ((acc_type != UE_INT64 && acc_type != UE_INT32) || w.asz != sizeof(uintptr_t))
			return UE_REDUCE_UNSUPPORTED;
		w.run = op == UE_R_COUNT ? COUNTS[in_type].run : NOTNAN[in_type].run;
		w.ew = op == UE_R_COUNT ? COUNTS[in_type].ew : NOTNAN[in_type].ew;
		chunk = 0;
	} else if (op == UE_R_NANSUM || op == UE_R_SSD) {
		w.map = find_mapped(op, in_type, acc_type);
		if (!w.map && op == UE_R_NANSUM && (in_type == UE_FLOAT32 || in_type == UE_FLOAT64) &&
		    (acc_type == UE_FLOAT32 || acc_type == UE_FLOAT64)) {
			/* numpy casts the NaN-free copy: chunks of the buffer */
			w.cast = ue_cast_loop(in_type, acc_type);
			w.post = acc_type == UE_FLOAT32 ? zero_nan_f : zero_nan_d;
		} else if (!w.map) {
			return UE_REDUCE_UNSUPPORTED;
		}
		w.run = RUNS[acc_type][UE_R_SUM];
		w.ew = EWS[acc_type][UE_R_SUM];
	} else if (op == UE_R_ANY || op == UE_R_ALL) {
		if (acc_type != UE_BOOL)
			return UE_REDUCE_UNSUPPORTED;
		w.run = RUNS[in_type][op];
		w.ew = EWS[in_type][op];
		chunk = 0;
	} else if (in_type == acc_type) {
		w.run = RUNS[in_type][op];
		w.ew = EWS[in_type][op];
	} else if (op == UE_R_SUM && in_type <= UE_UINT32 &&
		   (acc_type == UE_INT64 || acc_type == UE_UINT64 || acc_type == UE_INT32 || acc_type == UE_UINT32 ||
		    acc_type == UE_INT16 || acc_type == UE_UINT16) &&
		   w.asz > w.isz) {
		w.wsum = WSUM[in_type];
		w.wew = w.asz == 8 ? WEW64[in_type] : w.asz == 4 ? WEW32[in_type] : WEW16[in_type];
		chunk = 0;	/* integer sums: the order does not matter */
	} else if (op == UE_R_SUM && zeroed && exact_sum(in_type, acc_type, ndim, dims)) {
		w.wsum = WSUM[in_type];
		w.wew = acc_type == UE_FLOAT64 ? WEWD[in_type] : WEWF[in_type];
		w.exact = 1;
		chunk = 0;
	} else if (op == UE_R_SUM || op == UE_R_PROD) {
		w.run = RUNS[acc_type][op];
		w.ew = EWS[acc_type][op];
		w.cast = ue_cast_loop(in_type, acc_type);
		if (!w.cast)
			return UE_REDUCE_UNSUPPORTED;
	} else {
		return UE_REDUCE_UNSUPPORTED;
	}
	if (!w.wsum && (!w.run || !w.ew))
		return UE_REDUCE_UNSUPPORTED;
	if (acc_type != UE_FLOAT32 && acc_type != UE_FLOAT64)
		chunk = 0;	/* only float sums see the buffer's chunks */
	if (op != UE_R_SUM && op != UE_R_NANSUM && op != UE_R_SSD)
		chunk = 0;
	return walk_all(&w, ndim, dims, chunk, core, zeroed, in, out);
}
