/* SPDX-License-Identifier: MIT */
/*
 * pow_vec.c - pow(x, y) of contiguous float32 and float64 runs with AVX-512,
 * in lanes of double: pow = 2^(y log2 x) (float32) or e^(y ln x) (float64),
 * both from a 16-entry table held in two registers (vpermt2pd) plus a short
 * polynomial, the exponent put back with vscalefpd (float32 goes by groups
 * of 16 lanes, software-pipelined: see its section for why).
 * glibc's libmvec pow (the fallback, loops_math_vec.c) costs 2-3 times as
 * much per element as numpy's SIMD pow on these CPUs.
 *
 * Lanes this does not compute - a base that is not a positive normal number
 * (zero, negative, subnormal, inf, NaN), and for float32 |y| >= 2^39, inf or
 * NaN, for float64 a result that might overflow or underflow or a NaN/inf
 * exponent - are redone with libm's pow/powf after the vector store, so
 * every special value is C99's (which numpy follows).
 *
 * float32: log2 x and 2^t in double, relative error ~2^-37 before the one
 * rounding to float, so the result is the correctly rounded one or, for
 * values within ~2^-13 ulp of a half-way point, its neighbour (the C test:
 * at most 0.5024 ulp from the double pow over 2^18 mixed inputs).
 *
 * float64: ln x as a double-double, good to ~2^-68 relative (enough for
 * |y ln x| up to 708), t = y ln x as a double-double, then e^t from the
 * table's 2^(j/16) (as hi + lo) and a degree-7 polynomial: within ~0.52 ulp
 * (measured by the C test against long double).
 *
 * The tables and polynomial coefficients are least-squares fits (relative
 * error, 400 Chebyshev nodes, 200-bit arithmetic with mpmath), rounded to
 * double; ln c and ln 2 are split so that their high parts have 43
 * fractional bits (k ln2_hi + lnc_hi is exact for |k| <= 1024).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "pow_vec.h"

#if defined(__x86_64__) && defined(__GNUC__)

#include <immintrin.h>

#include "vec512.h"


/*
 * The log tables: x = 2^k z with z in [1 - 1/64, 2 - 1/64), the bin j of z
 * being its mantissa rounded to 4 bits (c_j = 1 + j/16, bin 0 wrapping the
 * top of the binade round to 1). invc = 1/c_j rounded; r = z invc - 1 is
 * within 1/32, and exactly 0 for z == 1 (so pow(1, y) comes out 1 and
 * pow(2^k, y) exact).
 */
static const double pv_invc[16] = {
	0x1.0000000000000p+0, 0x1.e1e1e1e1e1e1ep-1, 0x1.c71c71c71c71cp-1, 0x1.af286bca1af28p-1,
	0x1.999999999999ap-1, 0x1.8618618618618p-1, 0x1.745d1745d1746p-1, 0x1.642c8590b2164p-1,
	0x1.5555555555555p-1, 0x1.47ae147ae147bp-1, 0x1.3b13b13b13b14p-1, 0x1.2f684bda12f68p-1,
	0x1.2492492492492p-1, 0x1.1a7b9611a7b96p-1, 0x1.1111111111111p-1, 0x1.0842108421084p-1,
};

/* -log2(invc_j) (float32's log) */
static const double pv_log2c[16] = {
	0x0.0p+0, 0x1.663f6fac91318p-4, 0x1.5c01a39fbd68bp-3, 0x1.fbc16b902680dp-3,
	0x1.49a784bcd1b8ap-2, 0x1.91bba891f170ap-2, 0x1.d6753e032ea0ep-2, 0x1.0c10500d63aa7p-1,
	0x1.2b803473f7ad2p-1, 0x1.49a784bcd1b8bp-1, 0x1.66a008e4788cbp-1, 0x1.82809d5be7074p-1,
	0x1.9d5d9fd5010b4p-1, 0x1.b74948f5532dap-1, 0x1.d053f6d260897p-1, 0x1.e88c6b3626a73p-1,
};

/* -ln(invc_j) = hi + lo, hi a multiple of 2^-43 (float64's log) */
static const double pv_lnc_hi[16] = {
	0x0.0p+0, 0x1.f0a30c0118000p-5, 0x1.e27076e2b0000p-4, 0x1.5ff3070a79000p-3,
	0x1.c8ff7c79aa000p-3, 0x1.1675cababa800p-2, 0x1.4618bc21c6000p-2, 0x1.739d7f6bbd000p-2,
	0x1.9f323ecbf9800p-2, 0x1.c8ff7c79a9800p-2, 0x1.f128f5faf0800p-2, 0x1.0be72e4252c00p-1,
	0x1.1e85f5e704000p-1, 0x1.307d7334f1000p-1, 0x1.41d8fe8467400p-1, 0x1.52a2d265bc400p-1,
};
static const double pv_lnc_lo[16] = {
	0x0.0p+0, -0x1.d579e83368e91p-45, -0x1.a2c2c2af0003cp-45, 0x1.eae439f105039p-46,
	-0x1.7814f689f8434p-45, -0x1.f0fc63382a8f0p-46, -0x1.3e02f484c84ccp-46, 0x1.c7389314feb50p-52,
	0x1.33cada35d9bd0p-48, 0x1.10a612ec0f798p-45, -0x1.144ca37c4eecep-46, -0x1.7cc9676844cc2p-45,
	0x1.a17bd8b34be7cp-46, 0x1.7c7f6b2143eadp-46, -0x1.517b9b433d0bap-45, 0x1.ab2e77c8af15bp-45,
};

/* 2^(j/16) = hi + lo */
static const double pv_exp_hi[16] = {
	0x1.0000000000000p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0, 0x1.2387a6e756238p+0,
	0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0, 0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0,
	0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f090p+0,
	0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0,
};
static const double pv_exp_lo[16] = {
	0x0.0p+0, 0x1.8a62e4adc610bp-54, -0x1.19041b9d78a76p-55, 0x1.9b07eb6c70573p-54,
	0x1.6f46ad23182e4p-55, 0x1.ada0911f09ebcp-55, 0x1.d4397afec42e2p-56, 0x1.6324c054647adp-54,
	-0x1.bdd3413b26456p-54, -0x1.41577ee04992fp-55, 0x1.6e9f156864b27p-54, 0x1.c7c46b071f2bep-56,
	0x1.7a1cd345dcc81p-54, 0x1.11065895048ddp-55, 0x1.2ed02d75b3707p-55, -0x1.e9c23179c2893p-54,
};

/* log2(1 + r) / r for |r| <= 1/32: relative error 2^-37.8 */
#define L2P0 0x1.71547652beca2p+0
#define L2P1 -0x1.71547652bf9dbp-1
#define L2P2 0x1.ec7096562866dp-2
#define L2P3 -0x1.71547056e8a5dp-2
#define L2P4 0x1.27c5faa7b1876p-2
#define L2P5 -0x1.ecf7ef7434becp-3

/* (2^f - 1) / f for |f| <= 1/32: relative error 2^-32 (times |f| <= 2^-5) */
#define E2Q0 0x1.62e42fee461bdp-1
#define E2Q1 0x1.ebfbdffc4634cp-3
#define E2Q2 0x1.c6b3487f171bep-5
#define E2Q3 0x1.3b2a663937836p-7

/* (ln(1 + r) - r + r^2/2) / r^3 for |r| <= 1/32: relative error 2^-53 (times r^3 <= 2^-15) */
static const double pv_lnq[9] = {
	0x1.5555555555555p-2, -0x1.fffffffffffa0p-3, 0x1.99999999999a3p-3, -0x1.5555555695e23p-3,
	0x1.249249253ee1cp-3, -0x1.ffffdbf14bfb9p-4, 0x1.c71c56a89b163p-4, -0x1.9a59d62bc2cebp-4,
	0x1.750236403fba4p-4,
};

/* (e^f - 1 - f) / f^2 for |f| <= 1.01 ln2/32: relative error 2^-52 (times f^2 <= 2^-11) */
static const double pv_expp[6] = {
	0x1.0000000000001p-1, 0x1.5555555555551p-3, 0x1.55555554e4e3bp-5, 0x1.1111111169e99p-7,
	0x1.6c17f353692c9p-10, 0x1.a01a2ef19fbc5p-13,
};

#define LN2_HI 0x1.62e42fefa3800p-1	/* 43 fractional bits */
#define LN2_LO 0x1.ef35793c76730p-45
#define LN2_16_HI 0x1.62e42fefa0000p-5	/* ln2/16, 38 significant bits */
#define LN2_16_LO 0x1.cf79abc9e3b3ap-44
#define INV_LN2_16 0x1.71547652b82fep+4	/* 16/ln2 */

/* 16-entry table lookup: the low 4 bits of each 64-bit lane of idx */
#define PV_TAB(T) _mm512_permutex2var_pd(_mm512_loadu_pd(T), idx, _mm512_loadu_pd((T) + 8))

/* ---- float32 ------------------------------------------------------------- */

/*
 * 2^(y log2 x) for positive normal floats x, in double: x = 2^k z, log2 x =
 * k + log2 c_j + log2(1 + r), then t = y log2 x = m + f with m a multiple
 * of 1/16 and |f| <= 1/32, and 2^t = 2^floor(m) 2^((16 m mod 16)/16) 2^f.
 *
 * Where the time goes (Zen 5, measured by taking steps out of the loop):
 * not the ports - a loop of 8 lanes per step issued under half the FMAs a
 * cycle it could, 18 cycles per 8 lanes - but the chains, some 60 cycles
 * of dependent steps per 8 lanes, more than the scheduler's waiting steps
 * cover: a step taken off a chain saved more than one off the ports, and
 * Horner's scheme (fewer steps, longer chain) lost, with the pipeline too. So a run goes by
 * groups of 16 lanes through three stages, software-pipelined: in one loop
 * step the bits and r of group g, the log and t of g - 1 and the
 * exponential of g - 2, mutually independent (0.51 -> 0.41 ns per element
 * in cache, 0.38 with the exponents read again rather than held; 16 lanes
 * rather than 8 per step had given 0.54 -> 0.51). The bit work and the
 * special lanes are done on the 16 floats, the rest on two halves of 8
 * doubles. A fourth stage (the bits apart from r) gained nothing.
 *
 * The tables stay in registers (pvf_init) and the scalars are broadcast
 * from memory: as constants GCC made each a 64-byte vector reloaded each
 * step. With the pipeline, fewer steps count: 2^floor(m) by vscalefpd
 * (which also saturates) rather than by an integer add to the exponent
 * after a clamp of m, five steps, went 0.38 -> 0.37.
 */

/* powf's scalars, read through a pointer GCC cannot see through (see above) */
enum { KL0, KL1, KL2, KL3, KL4, KL5, KE0, KE1, KE2, KE3, KONE, K1_16, KSHIFT, KN };
static const double pvf_k[KN] = {
	[KL0] = L2P0, [KL1] = L2P1, [KL2] = L2P2, [KL3] = L2P3, [KL4] = L2P4, [KL5] = L2P5,
	[KE0] = E2Q0, [KE1] = E2Q1, [KE2] = E2Q2, [KE3] = E2Q3,
	[KONE] = 1.0, [K1_16] = 0x1p-4, [KSHIFT] = 0x1.8p48,
};

/*
 * What a run keeps in registers: the tables (log2c less j/16: see
 * powf_r8; exp the 2^(j/16)), the scalar exponent.
 */
struct pvf_ctx {
	const double *k;
	__m512d ys;
	__m512d invc0, invc1, log2c0, log2c1, exp0, exp1;
};

#define PVF_K(i) _mm512_set1_pd(c->k[i])

V512_INLINE struct pvf_ctx pvf_init(double ys)
{
	/* j/16 for j = 0..7 and 8..15 */
	const __m512d j0 = _mm512_mul_pd(_mm512_set_pd(7, 6, 5, 4, 3, 2, 1, 0), _mm512_set1_pd(0x1p-4));
	const __m512d j8 = _mm512_add_pd(j0, _mm512_set1_pd(0.5));
	struct pvf_ctx c = {
		.k = pvf_k,
		.ys = _mm512_set1_pd(ys),
		.invc0 = _mm512_loadu_pd(pv_invc),
		.invc1 = _mm512_loadu_pd(pv_invc + 8),
		.log2c0 = _mm512_sub_pd(_mm512_loadu_pd(pv_log2c), j0),
		.log2c1 = _mm512_sub_pd(_mm512_loadu_pd(pv_log2c + 8), j8),
		.exp0 = _mm512_loadu_pd(pv_exp_hi),
		.exp1 = _mm512_loadu_pd(pv_exp_hi + 8),
	};
	/* opaque to GCC: registers, not loads folded into the loop */
	__asm__("" : "+r"(c.k), "+v"(c.invc0), "+v"(c.invc1), "+v"(c.log2c0), "+v"(c.log2c1), "+v"(c.exp0),
		"+v"(c.exp1));
	return c;
}

/*
 * Stage 1, 8 lanes: r = z invc - 1 and a = k + log2 c_j. w = the float
 * bits u (x plus half a bin, less 1.0) shifted right 19 with their sign:
 * 16 k + j, so that widened it is the table index (its low 4 bits) and
 * converted k + log2 c_j = (16 k + j)/16 + (log2 c_j - j/16), one rounding.
 * (The double 1.5 2^48 + k + j/16 by an integer add to the bits of 1.5 2^48
 * and two adds was no faster.)
 */
V512_INLINE __m512d powf_r8(const struct pvf_ctx *c, __m256 zf, __m256i w, __m512d *a)
{
	const __m512i ix = _mm512_cvtepi32_epi64(w);
	const __m512d log2c = _mm512_permutex2var_pd(c->log2c0, ix, c->log2c1);
	*a = _mm512_fmadd_pd(_mm512_cvtepi32_pd(w), PVF_K(K1_16), log2c);
	return _mm512_fmsub_pd(_mm512_cvtps_pd(zf), _mm512_permutex2var_pd(c->invc0, ix, c->invc1), PVF_K(KONE));
}

/*
 * Stage 2: t = y (a + r P(r)) (|t| < 2^47) rounded to 1/16 by the FMA that
 * adds 1.5 2^48, m = that less 1.5 2^48; f = t - m with one rounding, the
 * product taken again. Estrin's scheme: shorter chains than Horner's.
 */
V512_INLINE __m512d powf_t8(const struct pvf_ctx *c, __m512d r, __m512d a, __m512d y, __m512d *m)
{
	const __m512d r2 = _mm512_mul_pd(r, r);
	const __m512d p01 = _mm512_fmadd_pd(PVF_K(KL1), r, PVF_K(KL0));
	const __m512d p23 = _mm512_fmadd_pd(PVF_K(KL3), r, PVF_K(KL2));
	const __m512d p45 = _mm512_fmadd_pd(PVF_K(KL5), r, PVF_K(KL4));
	const __m512d p = _mm512_fmadd_pd(_mm512_fmadd_pd(p45, r2, p23), r2, p01);
	const __m512d l2 = _mm512_fmadd_pd(p, r, a);
	*m = _mm512_sub_pd(_mm512_fmadd_pd(y, l2, PVF_K(KSHIFT)), PVF_K(KSHIFT));
	return _mm512_fmsub_pd(y, l2, *m);
}

/*
 * Stage 3: 2^m 2^f to float: m + 1.5 2^48 holds 16 m in its low mantissa
 * bits, the low 4 the table's j; 2^(j/16) 2^f = T + (T f) (2^f - 1)/f, and
 * vscalefpd puts on 2^floor(m), saturating past double's range.
 */
V512_INLINE __m256 powf_e8(const struct pvf_ctx *c, __m512d m, __m512d f)
{
	__m512d e = _mm512_fmadd_pd(PVF_K(KE3), f, PVF_K(KE2));
	e = _mm512_fmadd_pd(e, f, PVF_K(KE1));
	e = _mm512_fmadd_pd(e, f, PVF_K(KE0));
	const __m512i s = _mm512_castpd_si512(_mm512_add_pd(m, PVF_K(KSHIFT)));
	const __m512d tj = _mm512_permutex2var_pd(c->exp0, s, c->exp1);
	return _mm512_cvtpd_ps(_mm512_scalef_pd(_mm512_fmadd_pd(_mm512_mul_pd(tj, f), e, tj), m));
}

/* a group of 16 lanes between the stages (its exponents read again by stage 2: fewer registers held) */
struct pvf_s1 {
	__m512d r0, a0, r1, a1;
	const float *y;
};

struct pvf_s2 {
	__m512d m0, f0, m1, f1;
};

/*
 * Stage 1 of 16 lanes at x (live of them: the tail's are masked, full
 * groups not): the bits on the 16, r and a by halves, the exponent widened;
 * the special lanes into sp (a byte each 8) - x not a positive normal, |y|
 * >= 2^39, inf or NaN.
 */
V512_INLINE struct pvf_s1 powf_s1(const struct pvf_ctx *c, const float *x, const float *y, int y_scalar,
				__mmask16 live, uint8_t *sp)
{
	const __m512i xi = live == 0xffff ? _mm512_loadu_si512(x) : _mm512_maskz_loadu_epi32(live, x);
	/* every class but the positive normal one: NaN, zero, inf, subnormal, negative */
	__mmask16 bad = _mm512_fpclass_ps_mask(_mm512_castsi512_ps(xi), 0xff);
	struct pvf_s1 s;
	s.y = y;
	if (!y_scalar) {
		/* |y| >= 2^39 with the sign shifted out */
		const __m512i yi = live == 0xffff ? _mm512_loadu_si512(y) : _mm512_maskz_loadu_epi32(live, y);
		bad |= _mm512_cmpge_epu32_mask(_mm512_slli_epi32(yi, 1), _mm512_set1_epi32((127 + 39) << 24));
	}
	bad &= live;
	sp[0] = (uint8_t)bad;
	sp[1] = (uint8_t)(bad >> 8);

	/* x = 2^k z, z in [1 - 1/64, 2 - 1/64): the bin j is the mantissa rounded to 4 bits */
	const __m512i u = _mm512_add_epi32(xi, _mm512_set1_epi32(0x40000 - 0x3f800000));
	const __m512i hi = _mm512_and_si512(u, _mm512_set1_epi32((int)0xff800000u));
	const __m512 z = _mm512_castsi512_ps(_mm512_sub_epi32(xi, hi));
	const __m512i w = _mm512_srai_epi32(u, 19);
	s.r0 = powf_r8(c, _mm512_castps512_ps256(z), _mm512_castsi512_si256(w), &s.a0);
	s.r1 = powf_r8(c, _mm512_extractf32x8_ps(z, 1), _mm512_extracti64x4_epi64(w, 1), &s.a1);
	return s;
}

V512_INLINE struct pvf_s2 powf_s2(const struct pvf_ctx *c, struct pvf_s1 s, int y_scalar, __mmask16 live)
{
	__m512d y0 = c->ys, y1 = c->ys;
	if (!y_scalar && live == 0xffff) {
		y0 = _mm512_cvtps_pd(_mm256_loadu_ps(s.y));
		y1 = _mm512_cvtps_pd(_mm256_loadu_ps(s.y + 8));
	} else if (!y_scalar) {
		y0 = _mm512_cvtps_pd(_mm256_maskz_loadu_ps((__mmask8)live, s.y));
		y1 = _mm512_cvtps_pd(_mm256_maskz_loadu_ps((__mmask8)(live >> 8), s.y + 8));
	}
	struct pvf_s2 t;
	t.f0 = powf_t8(c, s.r0, s.a0, y0, &t.m0);
	t.f1 = powf_t8(c, s.r1, s.a1, y1, &t.m1);
	return t;
}

V512_INLINE void powf_s3(const struct pvf_ctx *c, struct pvf_s2 t, float *o, __mmask16 live)
{
	const __m256 lo = powf_e8(c, t.m0, t.f0), hi = powf_e8(c, t.m1, t.f1);
	if (live == 0xffff) {
		_mm256_storeu_ps(o, lo);
		_mm256_storeu_ps(o + 8, hi);
	} else {
		_mm256_mask_storeu_ps(o, (__mmask8)live, lo);
		_mm256_mask_storeu_ps(o + 8, (__mmask8)(live >> 8), hi);
	}
}

/*
 * The first n / 16 groups of 16 (n <= PV_BLOCK), software-pipelined: one
 * step runs stage 1 of group g, 2 of g - 1 and 3 of g - 2. The exponent
 * at y (y_scalar: *y for all, in c).
 */
V512_INLINE void powf_groups(const struct pvf_ctx *c, const float *x, const float *y, int y_scalar, float *o,
			   uint8_t *sp, intptr_t n)
{
	const intptr_t ng = n / 16;
	const intptr_t dy = y_scalar ? 0 : 16;
	intptr_t g = 0;

	if (ng >= 2) {
		struct pvf_s2 t = powf_s2(c, powf_s1(c, x, y, y_scalar, 0xffff, sp), y_scalar, 0xffff);
		struct pvf_s1 s = powf_s1(c, x + 16, y + dy, y_scalar, 0xffff, sp + 2);
		for (g = 2; g < ng; g++) {
			const struct pvf_s1 s_next = powf_s1(c, x + 16 * g, y + dy * g, y_scalar, 0xffff, sp + 2 * g);
			const struct pvf_s2 t_next = powf_s2(c, s, y_scalar, 0xffff);
			powf_s3(c, t, o + 16 * (g - 2), 0xffff);
			s = s_next, t = t_next;
		}
		powf_s3(c, t, o + 16 * (g - 2), 0xffff);
		powf_s3(c, powf_s2(c, s, y_scalar, 0xffff), o + 16 * (g - 1), 0xffff);
	}
	for (; g < ng; g++) {
		const struct pvf_s1 s = powf_s1(c, x + 16 * g, y + dy * g, y_scalar, 0xffff, sp + 2 * g);
		powf_s3(c, powf_s2(c, s, y_scalar, 0xffff), o + 16 * g, 0xffff);
	}
}

/* lanes of a scalar exponent that are all special */
static int big_yf(float y)
{
	return !(fabsf(y) < 0x1p39f);
}

/*
 * Runs go by blocks: a vector pass over PV_BLOCK elements noting the special
 * lanes of each 8, then libm for those. A call inside the vector loop would
 * make GCC spill and reload every constant and table register each step.
 */
#define PV_BLOCK 1024

/* C99's special cases from libm, lane by lane */
static void powf_fix(const float *x, const float *y, int y_scalar, float *o, const uint8_t *sp, intptr_t n)
{
	for (intptr_t i = 0; i < n; i += 8)
		for (unsigned b = sp[i / 8]; b; b &= b - 1) {
			const intptr_t l = i + __builtin_ctz(b);
			o[l] = powf(x[l], y_scalar ? *y : y[l]);
		}
}

/* one contiguous run by blocks: the groups, the tail's group masked, then the special lanes */
V512_TARGET static void powf_run(const float *x, const float *y, int y_scalar, float *o, intptr_t n)
{
	const struct pvf_ctx c = pvf_init(y_scalar ? (double)*y : 0.0);
	uint8_t sp[PV_BLOCK / 8];

	for (intptr_t i0 = 0; i0 < n; i0 += PV_BLOCK) {
		const intptr_t m = n - i0 < PV_BLOCK ? n - i0 : PV_BLOCK, i = m & -16;
		const float *xb = x + i0, *yb = y_scalar ? y : y + i0;
		float *ob = o + i0;
		if (y_scalar)
			powf_groups(&c, xb, yb, 1, ob, sp, m);
		else
			powf_groups(&c, xb, yb, 0, ob, sp, m);
		if (i < m) {
			const __mmask16 live = (__mmask16)((1u << (m - i)) - 1);
			const struct pvf_s1 s = powf_s1(&c, xb + i, y_scalar ? yb : yb + i, y_scalar, live, sp + i / 8);
			powf_s3(&c, powf_s2(&c, s, y_scalar, live), ob + i, live);
		}
		unsigned any = 0;
		for (intptr_t k = 0; k < (m + 7) / 8; k++)
			any |= sp[k];
		if (any)
			powf_fix(xb, yb, y_scalar, ob, sp, m);
	}
}

/* ---- float64 ------------------------------------------------------------- */

/*
 * e^(y ln x) for 8 positive normal doubles x, ln x as a double-double:
 * ln x = k ln2 + ln c_j + ln(1 + r) with r = z invc - 1 = rh + pe (rh = p - 1
 * exact, pe the product's rounding error), ln(1 + r) = rh - rh^2/2 + rh^3 Q(rh)
 * + pe/(1 + rh). The sum's big terms are added exactly (fast two-sums: |A|
 * >= |rh| unless A is 0), the small ones into lo. Lanes whose |y ln x| is not
 * below 708 (overflow, underflow, NaN) are marked in *sp.
 */
V512_INLINE __m512d pow8(__m512i xi, __m512d y, __mmask8 *sp)
{
	const __m512i u = _mm512_add_epi64(xi, _mm512_set1_epi64((1ll << 47) - 0x3ff0000000000000ll));
	const __m512i hi = _mm512_and_si512(u, _mm512_set1_epi64((long long)0xfff0000000000000ull));
	const __m512d z = _mm512_castsi512_pd(_mm512_sub_epi64(xi, hi));
	const __m512d k = _mm512_cvtepi64_pd(_mm512_srai_epi64(hi, 52));
	__m512i idx = _mm512_srli_epi64(u, 48);

	const __m512d invc = PV_TAB(pv_invc);
	const __m512d p = _mm512_mul_pd(z, invc);
	const __m512d pe = _mm512_fmsub_pd(z, invc, p);
	const __m512d rh = _mm512_sub_pd(p, _mm512_set1_pd(1.0));
	const __m512d s = _mm512_mul_pd(rh, rh);
	const __m512d se = _mm512_fmsub_pd(rh, rh, s);

	/* A + rh - s/2 exactly as h2 + l1 + l2 */
	const __m512d a = _mm512_fmadd_pd(k, _mm512_set1_pd(LN2_HI), PV_TAB(pv_lnc_hi));
	const __m512d h1 = _mm512_add_pd(a, rh);
	const __m512d l1 = _mm512_sub_pd(rh, _mm512_sub_pd(h1, a));
	const __m512d h2 = _mm512_fnmadd_pd(s, _mm512_set1_pd(0.5), h1);
	const __m512d l2 = _mm512_fnmsub_pd(s, _mm512_set1_pd(0.5), _mm512_sub_pd(h2, h1));

	/* the small terms */
	__m512d q = _mm512_set1_pd(pv_lnq[8]);
	for (int c = 7; c >= 0; c--)
		q = _mm512_fmadd_pd(q, rh, _mm512_set1_pd(pv_lnq[c]));
	__m512d lo = _mm512_fmadd_pd(k, _mm512_set1_pd(LN2_LO), PV_TAB(pv_lnc_lo));
	lo = _mm512_add_pd(lo, _mm512_add_pd(l1, l2));
	lo = _mm512_fnmadd_pd(se, _mm512_set1_pd(0.5), lo);
	lo = _mm512_fmadd_pd(pe, _mm512_add_pd(_mm512_sub_pd(_mm512_set1_pd(1.0), rh), s), lo);
	lo = _mm512_fmadd_pd(_mm512_mul_pd(s, rh), q, lo);

	/* t = y ln x = th + tl */
	const __m512d th = _mm512_mul_pd(y, h2);
	const __m512d tl = _mm512_fmadd_pd(y, lo, _mm512_fmsub_pd(y, h2, th));
	/* tl is not small: lo carries rh^3/3, up to 2^-11 of h2 */
	const __m512d ts = _mm512_add_pd(th, tl);
	*sp |= _mm512_cmp_pd_mask(_mm512_abs_pd(ts), _mm512_set1_pd(708.0), _CMP_NLT_UQ);

	/*
	 * t = m ln2/16 + f, e^t = 2^floor(m/16) 2^((m mod 16)/16) e^f; th - m
	 * ln2/16_hi is exact (both multiples of ulp(th), the difference < 1)
	 */
	const __m512d shift = _mm512_set1_pd(0x1.8p52);
	const __m512d sm = _mm512_fmadd_pd(ts, _mm512_set1_pd(INV_LN2_16), shift);
	const __m512d m = _mm512_sub_pd(sm, shift);
	__m512d f = _mm512_fnmadd_pd(m, _mm512_set1_pd(LN2_16_HI), th);
	f = _mm512_fnmadd_pd(m, _mm512_set1_pd(LN2_16_LO), f);
	f = _mm512_add_pd(f, tl);
	idx = _mm512_castpd_si512(sm);
	__m512d e = _mm512_set1_pd(pv_expp[5]);
	for (int c = 4; c >= 0; c--)
		e = _mm512_fmadd_pd(e, f, _mm512_set1_pd(pv_expp[c]));
	e = _mm512_fmadd_pd(_mm512_mul_pd(f, f), e, f);	/* e^f - 1 */
	const __m512d th2 = PV_TAB(pv_exp_hi);
	const __m512d r = _mm512_add_pd(th2, _mm512_fmadd_pd(th2, e, PV_TAB(pv_exp_lo)));
	return _mm512_scalef_pd(r, _mm512_mul_pd(m, _mm512_set1_pd(0.0625)));
}

/* lanes pow8 does not compute by their base: not a positive normal */
V512_INLINE __mmask8 special8(__m512i xi)
{
	return _mm512_cmpge_epu64_mask(_mm512_sub_epi64(xi, _mm512_set1_epi64(0x0010000000000000ll)),
				       _mm512_set1_epi64(0x7fe0000000000000ll));
}

V512_INLINE __mmask8 pow_step(const double *x, const double *y, int y_scalar, __m512d ys, double *o, __mmask8 live)
{
	const __m512i xi = live == 0xff ? _mm512_loadu_si512(x) : _mm512_maskz_loadu_epi64(live, x);
	__mmask8 sp = special8(xi);
	const __m512d yd = y_scalar ? ys : live == 0xff ? _mm512_loadu_pd(y) : _mm512_maskz_loadu_pd(live, y);
	const __m512d r = pow8(xi, yd, &sp);
	if (live == 0xff)
		_mm512_storeu_pd(o, r);
	else
		_mm512_mask_storeu_pd(o, live, r);
	return sp & live;
}

static void pow_fix(const double *x, const double *y, int y_scalar, double *o, const uint8_t *sp, intptr_t n)
{
	for (intptr_t i = 0; i < n; i += 8)
		for (unsigned b = sp[i / 8]; b; b &= b - 1) {
			const intptr_t l = i + __builtin_ctz(b);
			o[l] = pow(x[l], y_scalar ? *y : y[l]);
		}
}

/*
 * One contiguous run by blocks of PV_BLOCK: eight lanes per step (the last
 * ones masked), then the lanes each step flagged special redone by FIX.
 */
#define PV_RUN(NAME, T, STEP, FIX)						\
V512_TARGET static void NAME(const T *x, const T *y, int y_scalar, T *o, intptr_t n) \
{										\
	const __m512d ys = _mm512_set1_pd(y_scalar ? (double)*y : 0.0);		\
	uint8_t sp[PV_BLOCK / 8];						\
										\
	for (intptr_t i0 = 0; i0 < n; i0 += PV_BLOCK) {				\
		const intptr_t m = n - i0 < PV_BLOCK ? n - i0 : PV_BLOCK;	\
		const T *xb = x + i0, *yb = y_scalar ? y : y + i0;		\
		T *ob = o + i0;							\
		unsigned any = 0;						\
		intptr_t i = 0;							\
		if (y_scalar)							\
			for (; i + 8 <= m; i += 8)				\
				any |= sp[i / 8] = STEP(xb + i, yb, 1, ys, ob + i, 0xff); \
		else								\
			for (; i + 8 <= m; i += 8)				\
				any |= sp[i / 8] = STEP(xb + i, yb + i, 0, ys, ob + i, 0xff); \
		if (i < m)							\
			any |= sp[i / 8] = STEP(xb + i, y_scalar ? yb : yb + i, y_scalar, ys, ob + i, \
						(__mmask8)((1u << (m - i)) - 1)); \
		if (any)							\
			FIX(xb, yb, y_scalar, ob, sp, m);			\
	}									\
}
PV_RUN(pow_run, double, pow_step, pow_fix)

/* ---- dispatch -------------------------------------------------------------- */

int pv_pow(int is_double, const char *a, const char *b, int b_scalar, char *out, intptr_t n)
{
	if (!v512_cpu())
		return 0;
	if (is_double) {
		pow_run((const double *)a, (const double *)b, b_scalar, (double *)out, n);
	} else {
		float y0;
		memcpy(&y0, b, sizeof(y0));
		/* every lane special: libm's, as the array exponent's lanes are */
		if (b_scalar && big_yf(y0)) {
			for (intptr_t i = 0; i < n; i++)
				((float *)out)[i] = powf(((const float *)a)[i], y0);
			return 1;
		}
		powf_run((const float *)a, (const float *)b, b_scalar, (float *)out, n);
	}
	return 1;
}

#else

int pv_pow(int is_double, const char *a, const char *b, int b_scalar, char *out, intptr_t n)
{
	(void)is_double, (void)a, (void)b, (void)b_scalar, (void)out, (void)n;
	return 0;
}

#endif
