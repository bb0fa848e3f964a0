/* SPDX-License-Identifier: MIT */
/*
 * loops_math.c - the inner loops of np's mathematical ufuncs: floor_divide,
 * remainder, power, negative, positive, absolute, sign, reciprocal, square,
 * the libm functions (sqrt ... arctanh), deg2rad/rad2deg, arctan2, hypot,
 * copysign, heaviside, floor/ceil/trunc/rint, isnan/isinf/isfinite, signbit,
 * clip and nan_to_num.
 *
 * Signatures are numpy's (np.<name>.types on x86_64 Linux, without float16,
 * long double, complex and object; 'l'/'L' are 'q'/'Q' here). Integer
 * results follow numpy's rules: they wrap (two's complement), a division or
 * remainder by zero gives 0, INT_MIN // -1 gives INT_MIN. Float floor_divide
 * and remainder follow numpy's npy_divmod definition (fmod, then the quotient
 * and remainder adjusted to the divisor's sign, the quotient snapped to the
 * nearest integer), so they are bit-equal to numpy.
 *
 * Each loop has a contiguous path, a path per scalar (stride 0) operand and a
 * strided path, written so that the compiler vectorises the first ones. On
 * x86_64 every loop is also compiled for AVX2 and AVX-512 and picked at load
 * time (target_clones).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "engine.h"
#include "hyp_vec.h"
#include "loops_math_vec.h"
#include "pow_vec.h"

/* Nothing here reads errno: let libm calls (sqrt) become instructions. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-math-errno")
#endif

/*
 * no-trapping-math: nothing here reads the floating-point exception flags,
 * and without it GCC keeps floor/ceil/trunc and the compares scalar.
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define MATH_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default"), optimize("no-trapping-math")))
/* integer power by blocks: an AVX-512 clone only (numpy's integer power is a scalar loop) */
#define MATH_WARM __attribute__((target_clones("arch=x86-64-v4", "default"), optimize("no-trapping-math")))
#define MATH_PLAIN __attribute__((optimize("no-trapping-math")))
#elif defined(__GNUC__) && !defined(__clang__)
#define MATH_CLONES __attribute__((optimize("no-trapping-math")))
#define MATH_WARM MATH_CLONES
#define MATH_PLAIN MATH_CLONES
#else
#define MATH_CLONES
#define MATH_WARM
#define MATH_PLAIN
#endif

/* pi to double precision; strict C11 has no M_PI */
#define MATH_PI 3.141592653589793238462643383279502884

typedef uint8_t ubool;

/* ---- loop shapes -------------------------------------------------------- */

/*
 * UNARY(NAME, TI, TO, EXPR): out = EXPR of `x` (a TI), stored as TO.
 */
#define UNARY(NAME, TI, TO, EXPR) UNARY_(MATH_CLONES, NAME, TI, TO, EXPR)
/* the same without per-CPU clones: loops that call libm or divide, which no vector unit speeds up */
#define UNARY_NC(NAME, TI, TO, EXPR) UNARY_(MATH_PLAIN, NAME, TI, TO, EXPR)
#define UNARY_(ATTR, NAME, TI, TO, EXPR)				\
ATTR static void NAME(char **args, const intptr_t *dims,		\
			     const intptr_t *steps, const void *data)	\
{									\
	intptr_t n = dims[0], is = steps[0], os = steps[1];		\
	char *ip = args[0], *op = args[1];				\
	(void)data;							\
	if (is == (intptr_t)sizeof(TI) && os == (intptr_t)sizeof(TO)) { \
		const TI *in = (const TI *)ip;				\
		TO *out = (TO *)op;					\
		for (intptr_t i = 0; i < n; i++) {			\
			const TI x = in[i];				\
			out[i] = (TO)(EXPR);				\
		}							\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++, ip += is, op += os) {		\
		const TI x = *(const TI *)ip;				\
		*(TO *)op = (TO)(EXPR);					\
	}								\
}

/*
 * BINARY(NAME, TI, TO, EXPR): out = EXPR of `x` and `y` (TIs). Paths:
 * both contiguous, x a scalar, y a scalar, any strides.
 */
#define BINARY(NAME, TI, TO, EXPR) BINARY_(MATH_CLONES, NAME, TI, TO, EXPR)
#define BINARY_NC(NAME, TI, TO, EXPR) BINARY_(MATH_PLAIN, NAME, TI, TO, EXPR)
#define BINARY_(ATTR, NAME, TI, TO, EXPR)				\
ATTR static void NAME(char **args, const intptr_t *dims,		\
			     const intptr_t *steps, const void *data)	\
{									\
	intptr_t n = dims[0];						\
	intptr_t s0 = steps[0], s1 = steps[1], s2 = steps[2];		\
	char *p0 = args[0], *p1 = args[1], *p2 = args[2];		\
	const intptr_t ti = (intptr_t)sizeof(TI);			\
	(void)data;							\
	if (s2 == (intptr_t)sizeof(TO)) {				\
		TO *out = (TO *)p2;					\
		if (s0 == ti && s1 == ti) {				\
			const TI *a = (const TI *)p0, *b = (const TI *)p1; \
			for (intptr_t i = 0; i < n; i++) {		\
				const TI x = a[i], y = b[i];		\
				out[i] = (TO)(EXPR);			\
			}						\
			return;						\
		}							\
		if (s0 == 0 && s1 == ti) {				\
			const TI x = *(const TI *)p0;			\
			const TI *b = (const TI *)p1;			\
			for (intptr_t i = 0; i < n; i++) {		\
				const TI y = b[i];			\
				out[i] = (TO)(EXPR);			\
			}						\
			return;						\
		}							\
		if (s0 == ti && s1 == 0) {				\
			const TI *a = (const TI *)p0;			\
			const TI y = *(const TI *)p1;			\
			for (intptr_t i = 0; i < n; i++) {		\
				const TI x = a[i];			\
				out[i] = (TO)(EXPR);			\
			}						\
			return;						\
		}							\
	}								\
	for (intptr_t i = 0; i < n; i++, p0 += s0, p1 += s1, p2 += s2) { \
		const TI x = *(const TI *)p0, y = *(const TI *)p1;	\
		*(TO *)p2 = (TO)(EXPR);					\
	}								\
}

/*
 * TERNARY(NAME, T, EXPR, FAST): out = EXPR of `x`, `lo`, `hi` (all T):
 * clip. Contiguous x with scalar bounds is the common case: there FAST
 * (which need not handle NaN bounds) runs when neither bound is NaN.
 */
#define TERNARY(NAME, T, EXPR, FAST)					\
MATH_CLONES static void NAME(char **args, const intptr_t *dims,		\
			     const intptr_t *steps, const void *data)	\
{									\
	intptr_t n = dims[0];						\
	intptr_t s0 = steps[0], s1 = steps[1], s2 = steps[2], s3 = steps[3]; \
	char *p0 = args[0], *p1 = args[1], *p2 = args[2], *p3 = args[3]; \
	const intptr_t t = (intptr_t)sizeof(T);			\
	(void)data;							\
	if (s0 == t && s3 == t && s1 == 0 && s2 == 0) {			\
		const T *a = (const T *)p0;				\
		const T lo = *(const T *)p1, hi = *(const T *)p2;	\
		T *out = (T *)p3;					\
		if (lo == lo && hi == hi) {				\
			for (intptr_t i = 0; i < n; i++) {		\
				const T x = a[i];			\
				out[i] = (FAST);			\
			}						\
			return;						\
		}							\
		for (intptr_t i = 0; i < n; i++) {			\
			const T x = a[i];				\
			out[i] = (EXPR);				\
		}							\
		return;							\
	}								\
	if (s0 == t && s1 == t && s2 == t && s3 == t) {			\
		const T *a = (const T *)p0, *l = (const T *)p1, *h = (const T *)p2; \
		T *out = (T *)p3;					\
		for (intptr_t i = 0; i < n; i++) {			\
			const T x = a[i], lo = l[i], hi = h[i];		\
			out[i] = (EXPR);				\
		}							\
		return;							\
	}								\
	/* one bound an array, the other a scalar (np.clip(a, floor, 255)) */ \
	if (s0 == t && s3 == t && ((s1 == t && s2 == 0) || (s1 == 0 && s2 == t))) { \
		const T *a = (const T *)p0, *v = (const T *)(s1 ? p1 : p2); \
		const T c = *(const T *)(s1 ? p2 : p1);			\
		T *out = (T *)p3;					\
		if (s1)							\
			for (intptr_t i = 0; i < n; i++) {		\
				const T x = a[i], lo = v[i], hi = c;	\
				out[i] = (EXPR);			\
			}						\
		else							\
			for (intptr_t i = 0; i < n; i++) {		\
				const T x = a[i], lo = c, hi = v[i];	\
				out[i] = (EXPR);			\
			}						\
		return;							\
	}								\
	for (intptr_t i = 0; i < n; i++, p0 += s0, p1 += s1, p2 += s2, p3 += s3) { \
		const T x = *(const T *)p0, lo = *(const T *)p1, hi = *(const T *)p2; \
		*(T *)p3 = (EXPR);					\
	}								\
}

/*
 * An argument outside a function's domain gives the invalid operation's
 * default NaN, (x - x) / (x - x), as numpy's answers and libmvec's runs
 * (loops_math_vec.c) do; glibc's scalar log10, asin and acos return the
 * positive NaN instead. A NaN argument comes back quieted, sign kept.
 */
static inline float invalid_nan_f(float x, float r)
{
	return r != r && x == x ? (x - x) / (x - x) : r;
}

static inline double invalid_nan_d(double x, double r)
{
	return r != r && x == x ? (x - x) / (x - x) : r;
}

#define INVALID_NAN(x, r) _Generic((x), float: invalid_nan_f, double: invalid_nan_d)(x, r)

/*
 * LIBM1(NAME, T, EXPR, FN): a UNARY loop whose contiguous runs go through
 * libmvec function FN (enum um_vec_fn) where it is available.
 * LIBM1_OWN(..., OWN): the same trying OWN(is_double, in, out, n) first, a
 * routine of our own (1 if it did the run, 0 to fall back).
 */
#define LIBM1(NAME, T, EXPR, FN) LIBM1_OWN(NAME, T, EXPR, FN, own_none)
#define LIBM1_OWN(NAME, T, EXPR, FN, OWN)				\
UNARY_NC(NAME##_scalar, T, T, INVALID_NAN(x, EXPR))			\
static void NAME(char **args, const intptr_t *dims,			\
		 const intptr_t *steps, const void *data)		\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[0] == t && steps[1] == t &&				\
	    (OWN(t == 8, args[0], args[1], dims[0]) ||			\
	     um_vec1(FN, t == 8, args[0], args[1], dims[0])))		\
		return;							\
	NAME##_scalar(args, dims, steps, data);				\
}

static inline int own_none(int is_double, const char *in, char *out, intptr_t n)
{
	(void)is_double, (void)in, (void)out, (void)n;
	return 0;
}

/* hyp_vec.c's sinh is float64's only: libmvec's sinhf is already as fast as numpy's */
static inline int own_sinh(int is_double, const char *in, char *out, intptr_t n)
{
	return is_double && hv_sinh(in, out, n);
}

/* PRED: a float -> bool loop whose contiguous runs go through um_pred */
#define PRED(NAME, T, EXPR, KIND)					\
UNARY_NC(NAME##_scalar, T, ubool, EXPR)					\
static void NAME(char **args, const intptr_t *dims,			\
		 const intptr_t *steps, const void *data)		\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[0] == t && steps[1] == 1 &&				\
	    um_pred(KIND, t == 8, args[0], args[1], dims[0]))		\
		return;							\
	NAME##_scalar(args, dims, steps, data);				\
}

/* LIBM2: the same for a binary loop (contiguous x, contiguous or scalar y) */
#define LIBM2(NAME, T, EXPR, FN)					\
BINARY_NC(NAME##_scalar, T, T, EXPR)					\
static void NAME(char **args, const intptr_t *dims,			\
		 const intptr_t *steps, const void *data)		\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[0] == t && steps[2] == t && (steps[1] == t || steps[1] == 0) && \
	    um_vec2(FN, t == 8, args[0], args[1], steps[1] == 0, args[2], dims[0])) \
		return;							\
	NAME##_scalar(args, dims, steps, data);				\
}

/* ---- integer arithmetic with numpy's rules ------------------------------- */

/* x < 0, written so that an unsigned T draws no always-false warning */
#define NEG(T, x) ((x) < (T)1 && (x) != (T)0)

/*
 * Per integer type: S (signature char name), T (the type), W (an unsigned
 * type at least as wide as T and as int, so products wrap without undefined
 * behaviour), SIGNED (1 or 0).
 */
#define INT_HELPERS(S, T, W, SIGNED)					\
static inline T h_fdiv_##S(T a, T b)					\
{									\
	if (b == 0)							\
		return 0;						\
	if (SIGNED && b == (T)-1)					\
		return (T)(0 - (W)a);	/* INT_MIN // -1 wraps */	\
	T q = (T)(a / b);						\
	if (SIGNED && (T)(a % b) != 0 && (NEG(T, a) != NEG(T, b)))		\
		q--;							\
	return q;							\
}									\
static inline T h_rem_##S(T a, T b)					\
{									\
	if (b == 0 || (SIGNED && b == (T)-1))				\
		return 0;						\
	T r = (T)(a % b);						\
	if (SIGNED && r != 0 && (NEG(T, r) != NEG(T, b)))			\
		r = (T)(r + b);						\
	return r;							\
}									\
static inline T h_pow_##S(T a, T b)					\
{									\
	/* a negative exponent is refused before the loop runs */	\
	if (SIGNED && NEG(T, b))						\
		return 0;						\
	W base = (W)a, r = 1, e = (W)b;					\
	while (e) {							\
		if (e & 1)						\
			r *= base;					\
		base *= base;						\
		e >>= 1;						\
	}								\
	return (T)r;							\
}

INT_HELPERS(b, int8_t, uint32_t, 1)
INT_HELPERS(B, uint8_t, uint32_t, 0)
INT_HELPERS(h, int16_t, uint32_t, 1)
INT_HELPERS(H, uint16_t, uint32_t, 0)
INT_HELPERS(i, int32_t, uint32_t, 1)
INT_HELPERS(I, uint32_t, uint32_t, 0)
INT_HELPERS(q, int64_t, uint64_t, 1)
INT_HELPERS(Q, uint64_t, uint64_t, 0)

/*
 * numpy's integer reciprocal is 1.0 / x converted back to the type. For
 * x == 0 that converts an infinity, which C leaves undefined; these are the
 * values numpy gives on x86_64 (the conversion instructions' result): INT_MIN
 * for 32- and 64-bit signed types, 0 for the others.
 */
#define RECIP_INT(T, SIGNED, ZERO) ((x) == 0 ? (T)(ZERO) : (x) == 1 ? (T)1 : \
				   ((SIGNED && (x) == (T)-1) ? (T)-1 : (T)0))

/* ---- float helpers ------------------------------------------------------- */

/*
 * numpy's divmod for floats (npy_divmod): the remainder takes the divisor's
 * sign, the quotient is (a - mod) / b snapped to the nearest integer; a zero
 * quotient or remainder takes the sign numpy gives it; b == 0 gives a / b
 * and fmod's NaN.
 */
#define FLOAT_DIVMOD(S, T, FMOD, FLOOR, COPYSIGN)			\
static inline T h_divmod_##S(T a, T b, T *modp)				\
{									\
	T mod = FMOD(a, b);						\
	if (b == 0) {							\
		*modp = mod;						\
		return a / b;						\
	}								\
	T div = (a - mod) / b;						\
	if (mod != 0) {							\
		if ((b < 0) != (mod < 0)) {				\
			mod += b;					\
			div -= (T)1;					\
		}							\
	} else {							\
		mod = COPYSIGN((T)0, b);				\
	}								\
	T q;								\
	if (div != 0) {							\
		q = FLOOR(div);						\
		if (div - q > (T)0.5)					\
			q += (T)1;					\
	} else {							\
		q = COPYSIGN((T)0, a / b);				\
	}								\
	*modp = mod;							\
	return q;							\
}									\
static inline T h_fdiv_##S(T a, T b)					\
{									\
	T mod;								\
	return h_divmod_##S(a, b, &mod);					\
}									\
static inline T h_rem_##S(T a, T b)					\
{									\
	T mod;								\
	h_divmod_##S(a, b, &mod);						\
	return mod;							\
}

FLOAT_DIVMOD(f, float, fmodf, floorf, copysignf)
FLOAT_DIVMOD(d, double, fmod, floor, copysign)

/* numpy's heaviside: 0 below zero, h0 at zero, 1 above, NaN stays NaN */
#define HEAVISIDE(T) ((x) != (x) ? (x) : (x) < 0 ? (T)0 : (x) > 0 ? (T)1 : (y))
/* sign: -1, 0 or 1; NaN stays NaN; -0.0 gives +0.0 */
#define SIGN_FLOAT(T) ((x) > 0 ? (T)1 : (x) < 0 ? (T)-1 : (x) == 0 ? (T)0 : (x))
/* clip is minimum(maximum(x, lo), hi), with NaN in any operand winning */
#define MAXNAN(a, b) (((a) >= (b) || (a) != (a)) ? (a) : (b))
#define MINNAN(a, b) (((a) <= (b) || (a) != (a)) ? (a) : (b))
#define CLIP_FLOAT MINNAN(MAXNAN(x, lo), hi)
/* the same when lo and hi are not NaN (a NaN x fails both compares and stays) */
#define CLIP_FLOAT_FAST (((x) < (lo) ? (lo) : (x)) > (hi) ? (hi) : ((x) < (lo) ? (lo) : (x)))
#define CLIP_INT ((x) < (lo) ? ((lo) > (hi) ? (hi) : (lo)) : ((x) > (hi) ? (hi) : (x)))

/* ---- the loops ------------------------------------------------------------ */

/*
 * Integer power: a scalar exponent of 2 is a square (vectorised), as numpy's
 * float loops do. Contiguous runs go in blocks: the exponents' highest set
 * bit bounds the squarings, and the block is raised bit by bit (multiply
 * where the exponent has the bit, square the base), loops the compiler
 * vectorises; a block with a negative exponent (refused before the loop
 * runs, kept as 0 here as h_pow does) takes the scalar loop.
 */
#define POWBLOCK 256
#define INT_POWER(S, T, W, SIGNED)					\
MATH_WARM static void powblocks_##S(const T *a, const T *b, intptr_t bs, T *out, intptr_t n) \
{									\
	W r[POWBLOCK], x[POWBLOCK];					\
	for (intptr_t i0 = 0; i0 < n; i0 += POWBLOCK) {		\
		const intptr_t m = n - i0 < POWBLOCK ? n - i0 : POWBLOCK; \
		W bits = 0;						\
		int neg = 0, k = 0;					\
		for (intptr_t i = 0; i < m; i++) {			\
			const T e = b[(i0 + i) * bs];			\
			neg |= SIGNED && NEG(T, e);			\
			bits |= (W)e;					\
		}							\
		if (neg) {						\
			for (intptr_t i = 0; i < m; i++)		\
				out[i0 + i] = h_pow_##S(a[i0 + i], b[(i0 + i) * bs]); \
			continue;					\
		}							\
		for (intptr_t i = 0; i < m; i++) {			\
			r[i] = 1;					\
			x[i] = (W)a[i0 + i];				\
		}							\
		for (; bits; bits >>= 1, k++) {				\
			for (intptr_t i = 0; i < m; i++) {		\
				const W e = (W)b[(i0 + i) * bs];	\
				r[i] = ((e >> k) & 1) ? (W)(r[i] * x[i]) : r[i]; \
				x[i] = (W)(x[i] * x[i]);		\
			}						\
		}							\
		for (intptr_t i = 0; i < m; i++)			\
			out[i0 + i] = (T)r[i];				\
	}								\
}									\
static void power_##S(char **args, const intptr_t *dims,		\
		      const intptr_t *steps, const void *data)		\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[1] == 0 && *(const T *)args[1] == 2) {		\
		char *a[2] = { args[0], args[2] };			\
		const intptr_t st[2] = { steps[0], steps[2] };		\
		square_##S(a, dims, st, data);				\
		return;							\
	}								\
	if (steps[0] == t && steps[2] == t && (steps[1] == t || steps[1] == 0)) { \
		powblocks_##S((const T *)args[0], (const T *)args[1], steps[1] ? 1 : 0, \
			      (T *)args[2], dims[0]);			\
		return;							\
	}								\
	power_##S##_any(args, dims, steps, data);			\
}

/*
 * Division by a scalar divisor d, as numpy does it (libdivide): no divide
 * instruction per element but a multiply-high and shifts (Granlund and
 * Montgomery, "Division by invariant integers using multiplication", 1994,
 * figure 4.1): for N-bit unsigned n and 1 <= d < 2^N, with l = ceil(log2 d),
 * m = floor(2^N (2^l - d) / d) + 1, t = mulhi(m, n):
 * n / d = (t + ((n - t) >> min(l, 1))) >> max(l - 1, 0).
 * A signed floor division works on magnitudes: |x| / |d| when the signs
 * agree, else -((|x| + |d| - 1) / |d|) (that sum fits N bits unsigned).
 * The remainder is then x - q d. d == 0 and d == -1 keep the general loop.
 */
struct udiv {
	uint64_t m;
	int sh1, sh2;
};

static struct udiv udiv_of(uint64_t d, int bits)
{
	struct udiv u;
	int l = 0;

	while (l < 64 && ((uint64_t)1 << l) < d)
		l++;
	if (bits < 64) {
		u.m = (((uint64_t)1 << bits) * ((((uint64_t)1 << l) - d))) / d + 1;
	} else {
#ifdef __SIZEOF_INT128__
		unsigned __int128 two_l = l == 64 ? 0 : (unsigned __int128)1 << l;
		unsigned __int128 num = (l == 64 ? ((unsigned __int128)1 << 64) - d : two_l - d) << 64;
		u.m = (uint64_t)(num / d + 1);
#else
		u.m = 0;	/* not used: 64-bit types keep the general loop here */
#endif
	}
	u.sh1 = l < 1 ? l : 1;
	u.sh2 = l > 1 ? l - 1 : 0;
	return u;
}

#define MULHI_16(m, n) ((uint16_t)(((uint32_t)(uint16_t)(m) * (uint16_t)(n)) >> 16))
#define MULHI_32(m, n) ((uint32_t)(((uint64_t)(m) * (n)) >> 32))
#ifdef __SIZEOF_INT128__
#define MULHI_64(m, n) ((uint64_t)(((unsigned __int128)(m) * (n)) >> 64))
#define HAVE_DIV64 1
#else
#define MULHI_64(m, n) ((uint64_t)0)
#define HAVE_DIV64 0
#endif

/* UDIV(N, U, u, n): n / d for the N-bit unsigned n */
#define UDIV(N, U, u, n) ((U)(((U)(MULHI_##N((U)(u).m, (n)) + (U)(((U)((n) - MULHI_##N((U)(u).m, (n)))) >> ((u).sh1 & (N - 1))))) >> ((u).sh2 & (N - 1))))

/*
 * INT_DIV(S, T, U, N, SIGNED): floor_divide_S and remainder_S, with the
 * scalar-divisor path before the general loop (..._any). U is the unsigned
 * type the quotient is computed in, of N bits: 8-bit types compute in 16
 * bits, where x86 has a multiply-high and shifts (it has none for bytes).
 */
#define DIV_BODY(QEXPR, REM)	/* in divconst_S: types dT, dU; dS signed */ \
	for (intptr_t i = 0; i < n; i++) {				\
		const dT x = a[i];					\
		const int xneg = dS && NEG(dT, x);			\
		const dU ax = xneg ? (dU)(0 - (dU)x) : (dU)x;		\
		const int flip = xneg != dneg;				\
		const dU nn = (dU)(ax + (flip && x != 0 ? (dU)(ad - 1) : 0));	\
		const dU q = (QEXPR);					\
		const dU fq = flip ? (dU)(0 - q) : q;			\
		out[i] = REM ? (dT)((dU)x - (dU)(1u * fq * (dU)d)) : (dT)fq;	/* 1u: no int promotion */ \
	}
/* NAME (floor_divide or remainder, REM 0 or 1): by a scalar divisor, or any */
#define DIV_BY_CONST(NAME, S, T, REM)					\
static void NAME##_##S(char **args, const intptr_t *dims,		\
		       const intptr_t *steps, const void *data)	\
{									\
	T d;								\
	if (divconst_ok_##S(args, steps, &d))				\
		divconst_##S((const T *)args[0], (T *)args[2], dims[0], d, REM); \
	else								\
		NAME##_##S##_any(args, dims, steps, data);		\
}

/*
 * In 16-bit lanes x86 has no variable shift that GCC will use, so there the
 * last shift (by sh2 >= 1 once d >= 3) is a multiply-high by 2^(16 - sh2),
 * and d = 1, 2 are loops of their own.
 */
#define MULHI_U16(a, b) ((uint16_t)(((uint32_t)(uint16_t)(a) * (uint16_t)(b)) >> 16))
#define DIV_VARIANTS(REM, N)						\
	const uint16_t m16 = (uint16_t)u.m;				\
	const uint16_t p2 = (uint16_t)(1u << (16 - (u.sh2 ? u.sh2 : 1)));	\
	if (N != 16) {							\
		DIV_BODY(UDIV(N, dU, u, nn), REM)			\
	} else if (ad == 1) {						\
		DIV_BODY(nn, REM)					\
	} else if (ad == 2) {						\
		DIV_BODY((dU)(nn >> 1), REM)				\
	} else {							\
		DIV_BODY(MULHI_U16((uint16_t)(MULHI_U16(m16, nn) +	\
			 (uint16_t)((uint16_t)(nn - MULHI_U16(m16, nn)) >> 1)), p2), REM) \
	}
#define INT_DIV(S, T, U, N, SIGNED)					\
BINARY_NC(floor_divide_##S##_any, T, T, h_fdiv_##S(x, y))		\
BINARY_NC(remainder_##S##_any, T, T, h_rem_##S(x, y))			\
MATH_CLONES static void divconst_##S(const T *a, T *out, intptr_t n, T d, int rem) \
{									\
	typedef T dT;							\
	typedef U dU;							\
	enum { dS = SIGNED };						\
	const int dneg = SIGNED && NEG(T, d);				\
	const U ad = dneg ? (U)(0 - (U)d) : (U)d;			\
	const struct udiv u = udiv_of(ad, N);				\
	if (rem) {							\
		DIV_VARIANTS(1, N)						\
	} else {							\
		DIV_VARIANTS(0, N)						\
	}								\
}									\
static int divconst_ok_##S(char **args, const intptr_t *steps, T *d)	\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[1] != 0 || steps[0] != t || steps[2] != t || (N == 64 && !HAVE_DIV64)) \
		return 0;						\
	*d = *(const T *)args[1];					\
	return *d != 0 && !(SIGNED && *d == (T)-1);			\
}									\
DIV_BY_CONST(floor_divide, S, T, 0)					\
DIV_BY_CONST(remainder, S, T, 1)

INT_DIV(b, int8_t, uint16_t, 16, 1)
INT_DIV(B, uint8_t, uint16_t, 16, 0)
INT_DIV(h, int16_t, uint16_t, 16, 1)
INT_DIV(H, uint16_t, uint16_t, 16, 0)
INT_DIV(i, int32_t, uint32_t, 32, 1)
INT_DIV(I, uint32_t, uint32_t, 32, 0)
INT_DIV(q, int64_t, uint64_t, 64, 1)
INT_DIV(Q, uint64_t, uint64_t, 64, 0)

/* integer loops of one type */
#define INT_LOOPS(S, T, W, SIGNED, RECIP_ZERO)				\
BINARY_NC(power_##S##_any, T, T, h_pow_##S(x, y))				\
UNARY(negative_##S, T, T, 0 - (W)x)					\
UNARY(positive_##S, T, T, x)						\
UNARY(absolute_##S, T, T, (SIGNED && NEG(T, x)) ? 0 - (W)x : (W)x)	\
UNARY(sign_##S, T, T, (x > 0) - (SIGNED && NEG(T, x)))			\
UNARY(reciprocal_##S, T, T, RECIP_INT(T, SIGNED, RECIP_ZERO))			\
UNARY(square_##S, T, T, (W)x * (W)x)					\
UNARY(copy_##S, T, T, x)						\
UNARY(false_##S, T, ubool, ((void)x, 0))				\
UNARY(true_##S, T, ubool, ((void)x, 1))					\
TERNARY(clip_##S, T, CLIP_INT, CLIP_INT)				\
INT_POWER(S, T, W, SIGNED)

INT_LOOPS(b, int8_t, uint32_t, 1, 0)
INT_LOOPS(B, uint8_t, uint32_t, 0, 0)
INT_LOOPS(h, int16_t, uint32_t, 1, 0)
INT_LOOPS(H, uint16_t, uint32_t, 0, 0)
INT_LOOPS(i, int32_t, uint32_t, 1, INT32_MIN)
INT_LOOPS(I, uint32_t, uint32_t, 0, 0)
INT_LOOPS(q, int64_t, uint64_t, 1, INT64_MIN)
INT_LOOPS(Q, uint64_t, uint64_t, 0, 0)

/* bool to bool: any nonzero byte is 1, as numpy reads a bool */
UNARY(copy_bool, ubool, ubool, x != 0)
UNARY(false_bool, ubool, ubool, ((void)x, 0))
UNARY(true_bool, ubool, ubool, ((void)x, 1))
TERNARY(clip_bool, ubool, CLIP_INT, CLIP_INT)

/* float loops of one type; F is the libm suffix ("f" or nothing) */
#define FLOAT_LOOPS(S, T, F)						\
BINARY_NC(floor_divide_##S, T, T, h_fdiv_##S(x, y))			\
BINARY_NC(remainder_##S, T, T, h_rem_##S(x, y))			\
BINARY_NC(power_##S##_any, T, T, pow##F(x, y))					\
LIBM2(arctan2_##S, T, atan2##F(x, y), UM_ATAN2)				\
BINARY_NC(hypot_##S, T, T, hypot##F(x, y))					\
BINARY(copysign_##S, T, T, copysign##F(x, y))				\
BINARY(heaviside_##S, T, T, HEAVISIDE(T))				\
UNARY(negative_##S, T, T, -x)						\
UNARY(positive_##S, T, T, x)						\
UNARY(absolute_##S, T, T, fabs##F(x))					\
UNARY(sign_##S, T, T, SIGN_FLOAT(T))					\
UNARY(reciprocal_##S, T, T, (T)1 / x)					\
UNARY(square_##S, T, T, x * x)						\
UNARY_NC(sqrt_##S##_scalar, T, T, sqrt##F(x))					\
LIBM1(cbrt_##S, T, cbrt##F(x), UM_CBRT)					\
LIBM1(exp_##S, T, exp##F(x), UM_EXP)						\
LIBM1(exp2_##S, T, exp2##F(x), UM_EXP2)					\
LIBM1(expm1_##S, T, expm1##F(x), UM_EXPM1)					\
LIBM1(log_##S, T, log##F(x), UM_LOG)						\
LIBM1(log2_##S, T, log2##F(x), UM_LOG2)					\
LIBM1(log10_##S, T, log10##F(x), UM_LOG10)					\
LIBM1(log1p_##S, T, log1p##F(x), UM_LOG1P)					\
LIBM1(sin_##S, T, sin##F(x), UM_SIN)						\
LIBM1(cos_##S, T, cos##F(x), UM_COS)						\
LIBM1(tan_##S, T, tan##F(x), UM_TAN)						\
LIBM1(arcsin_##S, T, asin##F(x), UM_ASIN)					\
LIBM1(arccos_##S, T, acos##F(x), UM_ACOS)					\
LIBM1(arctan_##S, T, atan##F(x), UM_ATAN)					\
LIBM1_OWN(sinh_##S, T, sinh##F(x), UM_SINH, own_sinh)			\
LIBM1(cosh_##S, T, cosh##F(x), UM_COSH)					\
LIBM1_OWN(tanh_##S, T, tanh##F(x), UM_TANH, hv_tanh)			\
LIBM1(arcsinh_##S, T, asinh##F(x), UM_ASINH)					\
LIBM1(arccosh_##S, T, acosh##F(x), UM_ACOSH)					\
LIBM1(arctanh_##S, T, atanh##F(x), UM_ATANH)					\
UNARY(deg2rad_##S, T, T, x * (T)((T)MATH_PI / (T)180))		\
UNARY(rad2deg_##S, T, T, x * (T)((T)180 / (T)MATH_PI))		\
UNARY(floor_##S, T, T, floor##F(x))					\
UNARY(ceil_##S, T, T, ceil##F(x))					\
UNARY(trunc_##S, T, T, trunc##F(x))					\
UNARY(rint_##S, T, T, rint##F(x))					\
PRED(isnan_##S, T, x != x, UM_ISNAN)					\
PRED(isinf_##S, T, fabs##F(x) == (T)INFINITY, UM_ISINF)		\
PRED(isfinite_##S, T, fabs##F(x) < (T)INFINITY, UM_ISFINITE)		\
PRED(signbit_##S, T, signbit(x) != 0, UM_SIGNBIT)				\
TERNARY(clip_##S, T, CLIP_FLOAT, CLIP_FLOAT_FAST)

FLOAT_LOOPS(f, float, f)
FLOAT_LOOPS(d, double, )

/* sqrt: AVX-512/AVX2 instructions on contiguous runs (libm's sqrt keeps errno) */
#define SQRT_LOOP(S, T)							\
static void sqrt_##S(char **args, const intptr_t *dims,			\
		     const intptr_t *steps, const void *data)		\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[0] == t && steps[1] == t &&				\
	    um_sqrt(t == 8, args[0], args[1], dims[0]))			\
		return;							\
	sqrt_##S##_scalar(args, dims, steps, data);			\
}

SQRT_LOOP(f, float)
SQRT_LOOP(d, double)

/*
 * power: numpy computes a scalar exponent of 2, -1, 1 and 0.5 as square,
 * reciprocal, a copy and sqrt (so (-inf) ** 0.5 is NaN, not inf, and the
 * results are correctly rounded); other contiguous powers are pow_vec.c's
 * AVX-512 ones, else libmvec's where it is there (within 1 ulp of numpy's
 * SVML pow, measured), else libm's.
 */
#define POWER_LOOP(S, T)						\
static void power_##S(char **args, const intptr_t *dims,		\
		      const intptr_t *steps, const void *data)		\
{									\
	const intptr_t t = (intptr_t)sizeof(T);				\
	if (steps[1] == 0) {						\
		const T y = *(const T *)args[1];			\
		char *a[2] = { args[0], args[2] };			\
		const intptr_t st[2] = { steps[0], steps[2] };		\
		ue_loop_fn same = y == 2 ? square_##S : y == -1 ? reciprocal_##S : \
				  y == 1 ? positive_##S : y == (T)0.5 ? sqrt_##S : NULL; \
		if (same) {						\
			same(a, dims, st, data);			\
			return;						\
		}							\
	}								\
	if (steps[0] == t && steps[2] == t && (steps[1] == t || steps[1] == 0) && \
	    (pv_pow(t == 8, args[0], args[1], steps[1] == 0, args[2], dims[0]) || \
	     um_vec2(UM_POW, t == 8, args[0], args[1], steps[1] == 0, args[2], dims[0]))) \
		return;							\
	power_##S##_any(args, dims, steps, data);			\
}

POWER_LOOP(f, float)
POWER_LOOP(d, double)

/*
 * nan_to_num(x, nan, posinf, neginf): a four-input loop; the replacements
 * are scalars (stride 0) in practice.
 */
#define NAN_TO_NUM(S, T)						\
MATH_PLAIN static void nan_to_num_##S(char **args, const intptr_t *dims, \
				       const intptr_t *steps, const void *data) \
{									\
	intptr_t n = dims[0];						\
	char *px = args[0], *pn = args[1], *pp = args[2], *pm = args[3], *po = args[4]; \
	(void)data;							\
	for (intptr_t i = 0; i < n; i++) {				\
		const T x = *(const T *)px;				\
		T r = x;						\
		if (x != x)						\
			r = *(const T *)pn;				\
		else if (x == (T)INFINITY)				\
			r = *(const T *)pp;				\
		else if (x == -(T)INFINITY)				\
			r = *(const T *)pm;				\
		*(T *)po = r;						\
		px += steps[0], pn += steps[1], pp += steps[2];	\
		pm += steps[3], po += steps[4];				\
	}								\
}

NAN_TO_NUM(f, float)
NAN_TO_NUM(d, double)

/* ---- the table ------------------------------------------------------------ */

#define E(NAME, SIG, FN) { NAME, SIG, FN, NULL },
/* libm's functions: strided operands are gathered into runs first (arctan2 of two float32 channels of a 1080p frame: 22.9 -> 2.5 ms, numpy 6.8) */
const int ue_costly_mark;
#define EC(NAME, SIG, FN) { NAME, SIG, FN, &ue_costly_mark },

/* numpy's integer loops in its order, then the float ones */
#define INT_ROWS(NAME, FN, ARITY)					\
	E(NAME, ARITY##_b, FN##_b) E(NAME, ARITY##_B, FN##_B)		\
	E(NAME, ARITY##_h, FN##_h) E(NAME, ARITY##_H, FN##_H)		\
	E(NAME, ARITY##_i, FN##_i) E(NAME, ARITY##_I, FN##_I)		\
	E(NAME, ARITY##_q, FN##_q) E(NAME, ARITY##_Q, FN##_Q)
#define FLOAT_ROWS(NAME, FN, ARITY)					\
	E(NAME, ARITY##_f, FN##_f) E(NAME, ARITY##_d, FN##_d)
#define COSTLY_ROWS(NAME, FN, ARITY)					\
	EC(NAME, ARITY##_f, FN##_f) EC(NAME, ARITY##_d, FN##_d)

#define U_b "b->b"
#define U_B "B->B"
#define U_h "h->h"
#define U_H "H->H"
#define U_i "i->i"
#define U_I "I->I"
#define U_q "q->q"
#define U_Q "Q->Q"
#define U_f "f->f"
#define U_d "d->d"
#define B_b "bb->b"
#define B_B "BB->B"
#define B_h "hh->h"
#define B_H "HH->H"
#define B_i "ii->i"
#define B_I "II->I"
#define B_q "qq->q"
#define B_Q "QQ->Q"
#define B_f "ff->f"
#define B_d "dd->d"
#define P_b "b->?"
#define P_B "B->?"
#define P_h "h->?"
#define P_H "H->?"
#define P_i "i->?"
#define P_I "I->?"
#define P_q "q->?"
#define P_Q "Q->?"
#define P_f "f->?"
#define P_d "d->?"
#define C_b "bbb->b"
#define C_B "BBB->B"
#define C_h "hhh->h"
#define C_H "HHH->H"
#define C_i "iii->i"
#define C_I "III->I"
#define C_q "qqq->q"
#define C_Q "QQQ->Q"
#define C_f "fff->f"
#define C_d "ddd->d"

#define NUMERIC(NAME, FN, ARITY) INT_ROWS(NAME, FN, ARITY) FLOAT_ROWS(NAME, FN, ARITY)
#define FLOATS(NAME) FLOAT_ROWS(#NAME, NAME, U)
#define COSTLY(NAME) COSTLY_ROWS(#NAME, NAME, U)

const struct ue_loop ue_loops_math[] = {
	NUMERIC("floor_divide", floor_divide, B)
	NUMERIC("remainder", remainder, B)
	NUMERIC("power", power, B)
	NUMERIC("negative", negative, U)
	NUMERIC("positive", positive, U)
	E("absolute", "?->?", copy_bool)
	NUMERIC("absolute", absolute, U)
	NUMERIC("sign", sign, U)
	NUMERIC("reciprocal", reciprocal, U)
	NUMERIC("square", square, U)
	FLOATS(sqrt) COSTLY(cbrt) COSTLY(exp) COSTLY(exp2) COSTLY(expm1)
	COSTLY(log) COSTLY(log2) COSTLY(log10) COSTLY(log1p)
	COSTLY(sin) COSTLY(cos) COSTLY(tan) COSTLY(arcsin) COSTLY(arccos)
	COSTLY(arctan) COSTLY(sinh) COSTLY(cosh) COSTLY(tanh)
	COSTLY(arcsinh) COSTLY(arccosh) COSTLY(arctanh)
	FLOATS(deg2rad) FLOATS(rad2deg)
	FLOAT_ROWS("radians", deg2rad, U)
	FLOAT_ROWS("degrees", rad2deg, U)
	COSTLY_ROWS("arctan2", arctan2, B)
	COSTLY_ROWS("hypot", hypot, B)
	FLOAT_ROWS("copysign", copysign, B)
	FLOAT_ROWS("heaviside", heaviside, B)
	E("floor", "?->?", copy_bool) INT_ROWS("floor", copy, U) FLOATS(floor)
	E("ceil", "?->?", copy_bool) INT_ROWS("ceil", copy, U) FLOATS(ceil)
	E("trunc", "?->?", copy_bool) INT_ROWS("trunc", copy, U) FLOATS(trunc)
	FLOATS(rint)
	E("isnan", "?->?", false_bool) INT_ROWS("isnan", false, P) FLOAT_ROWS("isnan", isnan, P)
	E("isinf", "?->?", false_bool) INT_ROWS("isinf", false, P) FLOAT_ROWS("isinf", isinf, P)
	E("isfinite", "?->?", true_bool) INT_ROWS("isfinite", true, P) FLOAT_ROWS("isfinite", isfinite, P)
	FLOAT_ROWS("signbit", signbit, P)
	E("clip", "?" "?" "?->?", clip_bool) /* no trigraph */ NUMERIC("clip", clip, C)
	E("nan_to_num", "ffff->f", nan_to_num_f)
	E("nan_to_num", "dddd->d", nan_to_num_d)
	{ NULL, NULL, NULL, NULL },
};
