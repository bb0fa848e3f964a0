/* SPDX-License-Identifier: MIT */
/*
 * loops_math_vec.c - contiguous runs of the libm ufuncs (exp, log, sin, pow,
 * ...) through glibc's vector math library, libmvec, on x86_64: 16 floats or
 * 8 doubles per call with AVX-512, 8 or 4 with AVX2. numpy does the same
 * with its own SIMD routines on these CPUs; the scalar libm loop would be
 * 4-6 times slower.
 *
 * libmvec is looked up at run time (dlopen/dlsym, once), so an addon built
 * against one glibc loads on another that lacks some of these functions: a
 * function that is missing, a CPU without AVX2, or another architecture,
 * leaves the caller on its scalar loop. libmvec's results are within 4 ulp
 * (glibc's manual), as numpy's SIMD ones are; the oracle test measures both
 * against numpy.
 */
#include <stdint.h>
#include <string.h>

#include "loops_math_vec.h"

#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__)

#include <dlfcn.h>
#include <immintrin.h>

/* libmvec's names of one function, AVX-512 and AVX2, float and double */
static const char *const mv_names[UM_VEC_N][4] = {
#define N1(F) { "_ZGVeN16v_" #F "f", "_ZGVeN8v_" #F, "_ZGVdN8v_" #F "f", "_ZGVdN4v_" #F }
#define N2(F) { "_ZGVeN16vv_" #F "f", "_ZGVeN8vv_" #F, "_ZGVdN8vv_" #F "f", "_ZGVdN4vv_" #F }
	[UM_EXP] = N1(exp), [UM_EXP2] = N1(exp2), [UM_EXPM1] = N1(expm1),
	[UM_LOG] = N1(log), [UM_LOG2] = N1(log2), [UM_LOG10] = N1(log10),
	[UM_LOG1P] = N1(log1p), [UM_CBRT] = N1(cbrt),
	[UM_SIN] = N1(sin), [UM_COS] = N1(cos), [UM_TAN] = N1(tan),
	[UM_ASIN] = N1(asin), [UM_ACOS] = N1(acos), [UM_ATAN] = N1(atan),
	[UM_SINH] = N1(sinh), [UM_COSH] = N1(cosh), [UM_TANH] = N1(tanh),
	[UM_ASINH] = N1(asinh), [UM_ACOSH] = N1(acosh), [UM_ATANH] = N1(atanh),
	[UM_POW] = N2(pow), [UM_ATAN2] = N2(atan2),
#undef N1
#undef N2
};

/* per function and type (0 float, 1 double): the entry point and its width in bits */
static void *mv_fn[UM_VEC_N][2];
static int mv_bits[UM_VEC_N][2];
static int mv_state;	/* 0 not looked up, 1 done */

static void mv_init(void)
{
	__builtin_cpu_init();
	int bits = __builtin_cpu_supports("avx512f") ? 512 : __builtin_cpu_supports("avx2") ? 256 : 0;
	void *lib = bits ? dlopen("libmvec.so.1", RTLD_NOW | RTLD_LOCAL) : NULL;

	for (int f = 0; f < UM_VEC_N; f++) {
		for (int t = 0; t < 2; t++) {
			void *p = NULL;
			int b = 0;
			/*
			 * numpy's float64 sin and cos are glibc's scalar ones:
			 * those stay bit-equal at the same speed
			 */
			if (t == 1 && (f == UM_SIN || f == UM_COS))
				continue;
			if (lib && bits == 512 && (p = dlsym(lib, mv_names[f][t])))
				b = 512;
			else if (lib && (p = dlsym(lib, mv_names[f][2 + t])))
				b = 256;
			/* the same values whichever thread gets here first */
			__atomic_store_n(&mv_bits[f][t], b, __ATOMIC_RELAXED);
			__atomic_store_n(&mv_fn[f][t], p, __ATOMIC_RELAXED);
		}
	}
	__atomic_store_n(&mv_state, 1, __ATOMIC_RELEASE);
}

typedef __m512 (*v16f1)(__m512);
typedef __m512d (*v8d1)(__m512d);
typedef __m256 (*v8f1)(__m256);
typedef __m256d (*v4d1)(__m256d);
typedef __m512 (*v16f2)(__m512, __m512);
typedef __m512d (*v8d2)(__m512d, __m512d);
typedef __m256 (*v8f2)(__m256, __m256);
typedef __m256d (*v4d2)(__m256d, __m256d);

/*
 * RUN(NAME, TARGET, T, W, V, FN, LOAD, STORE, SET1): out[i] = f(a[i] [, b])
 * over n elements, W per call; the last partial vector goes through a
 * zero-padded buffer. b_step is 0 for a scalar second operand.
 */
#define RUN1(NAME, TARGET, T, W, V, FN, LOAD, STORE)			\
__attribute__((target(TARGET))) static void NAME(void *fp, const char *a, char *out, intptr_t n) \
{									\
	FN f = (FN)fp;							\
	const T *x = (const T *)a;					\
	T *o = (T *)out;						\
	intptr_t i = 0;							\
	for (; i + W <= n; i += W)					\
		STORE(o + i, f(LOAD(x + i)));				\
	if (i < n) {							\
		T buf[W];						\
		memset(buf, 0, sizeof(buf));				\
		memcpy(buf, x + i, (size_t)(n - i) * sizeof(T));	\
		STORE(buf, f(LOAD(buf)));				\
		memcpy(o + i, buf, (size_t)(n - i) * sizeof(T));	\
	}								\
}

#define RUN2(NAME, TARGET, T, W, V, FN, LOAD, STORE, SET1)		\
__attribute__((target(TARGET))) static void NAME(void *fp, const char *a, const char *b, \
						 int b_scalar, char *out, intptr_t n) \
{									\
	FN f = (FN)fp;							\
	const T *x = (const T *)a, *y = (const T *)b;			\
	T *o = (T *)out;						\
	intptr_t i = 0;							\
	if (b_scalar) {							\
		const V s = SET1(*y);					\
		for (; i + W <= n; i += W)				\
			STORE(o + i, f(LOAD(x + i), s));		\
	} else {							\
		for (; i + W <= n; i += W)				\
			STORE(o + i, f(LOAD(x + i), LOAD(y + i)));	\
	}								\
	if (i < n) {							\
		T bx[W], by[W];						\
		memset(bx, 0, sizeof(bx));				\
		memset(by, 0, sizeof(by));				\
		memcpy(bx, x + i, (size_t)(n - i) * sizeof(T));	\
		for (intptr_t k = 0; k < n - i; k++)			\
			by[k] = b_scalar ? *y : y[i + k];		\
		STORE(bx, f(LOAD(bx), LOAD(by)));			\
		memcpy(o + i, bx, (size_t)(n - i) * sizeof(T));	\
	}								\
}

RUN1(run1_f512, "avx512f", float, 16, __m512, v16f1, _mm512_loadu_ps, _mm512_storeu_ps)
RUN1(run1_d512, "avx512f", double, 8, __m512d, v8d1, _mm512_loadu_pd, _mm512_storeu_pd)
RUN1(run1_f256, "avx2", float, 8, __m256, v8f1, _mm256_loadu_ps, _mm256_storeu_ps)
RUN1(run1_d256, "avx2", double, 4, __m256d, v4d1, _mm256_loadu_pd, _mm256_storeu_pd)
RUN2(run2_f512, "avx512f", float, 16, __m512, v16f2, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_set1_ps)
RUN2(run2_d512, "avx512f", double, 8, __m512d, v8d2, _mm512_loadu_pd, _mm512_storeu_pd, _mm512_set1_pd)
RUN2(run2_f256, "avx2", float, 8, __m256, v8f2, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_set1_ps)
RUN2(run2_d256, "avx2", double, 4, __m256d, v4d2, _mm256_loadu_pd, _mm256_storeu_pd, _mm256_set1_pd)

static int mv_lookup(int fn, int is_double, void **fp)
{
	if (!__atomic_load_n(&mv_state, __ATOMIC_ACQUIRE))
		mv_init();
	*fp = __atomic_load_n(&mv_fn[fn][is_double], __ATOMIC_RELAXED);
	return *fp ? __atomic_load_n(&mv_bits[fn][is_double], __ATOMIC_RELAXED) : 0;
}

int um_vec1(int fn, int is_double, const char *in, char *out, intptr_t n)
{
	void *fp;
	switch (mv_lookup(fn, is_double, &fp)) {
	case 512:
		(is_double ? run1_d512 : run1_f512)(fp, in, out, n);
		return 1;
	case 256:
		(is_double ? run1_d256 : run1_f256)(fp, in, out, n);
		return 1;
	}
	return 0;
}

int um_vec2(int fn, int is_double, const char *a, const char *b, int b_scalar, char *out, intptr_t n)
{
	void *fp;
	switch (mv_lookup(fn, is_double, &fp)) {
	case 512:
		(is_double ? run2_d512 : run2_f512)(fp, a, b, b_scalar, out, n);
		return 1;
	case 256:
		(is_double ? run2_d256 : run2_f256)(fp, a, b, b_scalar, out, n);
		return 1;
	}
	return 0;
}

__attribute__((target("avx512f"))) static void sqrt512(int is_double, const char *in, char *out, intptr_t n)
{
	intptr_t i = 0;
	if (is_double) {
		const double *x = (const double *)in;
		double *o = (double *)out;
		for (; i + 8 <= n; i += 8)
			_mm512_storeu_pd(o + i, _mm512_sqrt_pd(_mm512_loadu_pd(x + i)));
		if (i < n) {
			__mmask8 m = (__mmask8)((1u << (n - i)) - 1);
			_mm512_mask_storeu_pd(o + i, m, _mm512_sqrt_pd(_mm512_maskz_loadu_pd(m, x + i)));
		}
	} else {
		const float *x = (const float *)in;
		float *o = (float *)out;
		for (; i + 16 <= n; i += 16)
			_mm512_storeu_ps(o + i, _mm512_sqrt_ps(_mm512_loadu_ps(x + i)));
		if (i < n) {
			__mmask16 m = (__mmask16)((1u << (n - i)) - 1);
			_mm512_mask_storeu_ps(o + i, m, _mm512_sqrt_ps(_mm512_maskz_loadu_ps(m, x + i)));
		}
	}
}

__attribute__((target("avx2"))) static void sqrt256(int is_double, const char *in, char *out, intptr_t n)
{
	intptr_t i = 0;
	if (is_double) {
		const double *x = (const double *)in;
		double *o = (double *)out;
		for (; i + 4 <= n; i += 4)
			_mm256_storeu_pd(o + i, _mm256_sqrt_pd(_mm256_loadu_pd(x + i)));
		for (; i < n; i++)
			_mm_store_sd(o + i, _mm_sqrt_sd(_mm_setzero_pd(), _mm_load_sd(x + i)));
	} else {
		const float *x = (const float *)in;
		float *o = (float *)out;
		for (; i + 8 <= n; i += 8)
			_mm256_storeu_ps(o + i, _mm256_sqrt_ps(_mm256_loadu_ps(x + i)));
		for (; i < n; i++)
			_mm_store_ss(o + i, _mm_sqrt_ss(_mm_load_ss(x + i)));
	}
}

int um_sqrt(int is_double, const char *in, char *out, intptr_t n)
{
	static int bits = -1;
	int b = __atomic_load_n(&bits, __ATOMIC_RELAXED);
	if (b < 0) {
		__builtin_cpu_init();
		b = __builtin_cpu_supports("avx512f") ? 512 : __builtin_cpu_supports("avx2") ? 256 : 0;
		__atomic_store_n(&bits, b, __ATOMIC_RELAXED);
	}
	if (b == 512)
		sqrt512(is_double, in, out, n);
	else if (b == 256)
		sqrt256(is_double, in, out, n);
	return b != 0;
}

/*
 * isnan/isinf/isfinite/signbit of 16 elements per step into bytes: a mask
 * compare, then the mask's bits widened to bytes (vpmovdb). GCC's own
 * vectorisation of a double -> byte loop packs lane by lane, 3-5x slower.
 */
__attribute__((target("avx512f"))) static __mmask16 pred16(int kind, __m512i v)
{
	const __m512i abs = _mm512_set1_epi32(0x7fffffff);
	const __m512 inf = _mm512_castsi512_ps(_mm512_set1_epi32(0x7f800000));
	const __m512 a = _mm512_castsi512_ps(_mm512_and_epi32(v, abs));
	switch (kind) {
	case UM_ISNAN:
		return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q);
	case UM_ISINF:
		return _mm512_cmp_ps_mask(a, inf, _CMP_EQ_OQ);
	case UM_ISFINITE:
		return _mm512_cmp_ps_mask(a, inf, _CMP_LT_OQ);
	default:
		return _mm512_test_epi32_mask(v, _mm512_set1_epi32((int)0x80000000u));
	}
}

__attribute__((target("avx512f"))) static __mmask8 pred8(int kind, __m512i v)
{
	const __m512i abs = _mm512_set1_epi64(0x7fffffffffffffffLL);
	const __m512d inf = _mm512_castsi512_pd(_mm512_set1_epi64(0x7ff0000000000000LL));
	const __m512d a = _mm512_castsi512_pd(_mm512_and_epi64(v, abs));
	switch (kind) {
	case UM_ISNAN:
		return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q);
	case UM_ISINF:
		return _mm512_cmp_pd_mask(a, inf, _CMP_EQ_OQ);
	case UM_ISFINITE:
		return _mm512_cmp_pd_mask(a, inf, _CMP_LT_OQ);
	default:
		return _mm512_test_epi64_mask(v, _mm512_set1_epi64((long long)0x8000000000000000ULL));
	}
}

__attribute__((target("avx512f"))) static void pred512(int kind, int is_double, const char *in, char *out, intptr_t n)
{
	const __m512i one = _mm512_set1_epi32(1);
	intptr_t i = 0;
	for (; i + 16 <= n; i += 16) {
		__mmask16 m;
		if (is_double) {
			const __m512i lo = _mm512_loadu_si512(in + i * 8);
			const __m512i hi = _mm512_loadu_si512(in + i * 8 + 64);
			m = (__mmask16)(pred8(kind, lo) | ((unsigned)pred8(kind, hi) << 8));
		} else {
			m = pred16(kind, _mm512_loadu_si512(in + i * 4));
		}
		_mm_storeu_si128((__m128i *)(out + i), _mm512_cvtepi32_epi8(_mm512_maskz_mov_epi32(m, one)));
	}
	if (i < n) {
		const size_t size = is_double ? 8 : 4;
		char buf[16 * 8];
		uint8_t res[16];
		memset(buf, 0, sizeof(buf));
		memcpy(buf, in + i * (intptr_t)size, (size_t)(n - i) * size);
		__mmask16 m;
		if (is_double)
			m = (__mmask16)(pred8(kind, _mm512_loadu_si512(buf)) |
					((unsigned)pred8(kind, _mm512_loadu_si512(buf + 64)) << 8));
		else
			m = pred16(kind, _mm512_loadu_si512(buf));
		_mm_storeu_si128((__m128i *)res, _mm512_cvtepi32_epi8(_mm512_maskz_mov_epi32(m, one)));
		memcpy(out + i, res, (size_t)(n - i));
	}
}

/*
 * With AVX-512BW: 64 elements per step, their four (or eight) masks joined
 * into one 64-bit mask and stored as 64 bytes at once (vpmovm2b); the
 * narrowing of each 16 above cost a third more on float32 (isnan of 8 MiB
 * 144 -> 100 µs).
 */
__attribute__((target("avx512f,avx512bw"))) static void pred512bw(int kind, int is_double, const char *in, char *out,
								   intptr_t n)
{
	const __m512i one = _mm512_set1_epi8(1);
	intptr_t i = 0;
	for (; i + 64 <= n; i += 64) {
		__mmask64 m = 0;
		int j;
		if (is_double) {
			for (j = 0; j < 8; j++)
				m |= (__mmask64)pred8(kind, _mm512_loadu_si512(in + (i + 8 * j) * 8)) << (8 * j);
		} else {
			for (j = 0; j < 4; j++)
				m |= (__mmask64)pred16(kind, _mm512_loadu_si512(in + (i + 16 * j) * 4)) << (16 * j);
		}
		_mm512_storeu_si512(out + i, _mm512_maskz_mov_epi8(m, one));
	}
	if (i < n)
		pred512(kind, is_double, in + i * (is_double ? 8 : 4), out + i, n - i);
}

int um_pred(int kind, int is_double, const char *in, char *out, intptr_t n)
{
	static int have = -1;
	int h = __atomic_load_n(&have, __ATOMIC_RELAXED);
	if (h < 0) {
		__builtin_cpu_init();
		h = __builtin_cpu_supports("avx512f") ? 1 + !!__builtin_cpu_supports("avx512bw") : 0;
		__atomic_store_n(&have, h, __ATOMIC_RELAXED);
	}
	if (!h)
		return 0;
	if (h == 2)
		pred512bw(kind, is_double, in, out, n);
	else
		pred512(kind, is_double, in, out, n);
	return 1;
}

#else

int um_pred(int kind, int is_double, const char *in, char *out, intptr_t n)
{
	(void)kind, (void)is_double, (void)in, (void)out, (void)n;
	return 0;
}

int um_sqrt(int is_double, const char *in, char *out, intptr_t n)
{
	(void)is_double, (void)in, (void)out, (void)n;
	return 0;
}

int um_vec1(int fn, int is_double, const char *in, char *out, intptr_t n)
{
	(void)fn, (void)is_double, (void)in, (void)out, (void)n;
	return 0;
}

int um_vec2(int fn, int is_double, const char *a, const char *b, int b_scalar, char *out, intptr_t n)
{
	(void)fn, (void)is_double, (void)a, (void)b, (void)b_scalar, (void)out, (void)n;
	return 0;
}

#endif
