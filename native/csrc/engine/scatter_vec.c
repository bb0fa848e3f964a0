/* SPDX-License-Identifier: MIT */
/*
 * scatter_vec.c - a contiguous run stored to every 2nd, 3rd or 4th
 * element (writing a channel of interleaved pixels: np.stack of planes,
 * copyto into img[:, :, k], a[::2] = b), with AVX-512. The plain loop in
 * gather.c stays scalar there: GCC does not vectorise stores that leave
 * gaps (one byte a cycle, 0.45 ns a uint8 element, numpy 0.29).
 *
 * For step r, each vector of input covers r vectors of output. Output
 * vector v holds the elements whose lane (L*v + j) is a multiple of r;
 * a permute moves input element (L*v + j) / r into lane j, and a masked
 * store writes those lanes only, so the gaps (the other channels) are
 * never written. The permute indices and masks depend on r and v only and
 * are made once. Bytes need VBMI's vpermb; 2-, 4- and 8-byte items take
 * AVX512BW/F's vpermw/d/q.
 */
#include "types.h"
#include "scatter_vec.h"
#include "vec512.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#include <stdint.h>

/* per item size (1, 2, 4, 8 bytes) and step (2, 3, 4): r index vectors and masks */
struct sv_plan {
	__m512i idx[4];
	uint64_t mask[4];
};

static struct sv_plan plans[4][3];
static int ready = -1;	/* -1 not made yet, 0 no VBMI, 1 plans made */

static V512_VBMI_TARGET void make_plan(struct sv_plan *p, int lanes, int r)
{
	for (int v = 0; v < r; v++) {
		union { uint8_t b[64]; uint16_t h[32]; uint32_t w[16]; uint64_t q[8]; } ix;
		uint64_t m = 0;

		for (int j = 0; j < lanes; j++) {
			int at = lanes * v + j;

			if (lanes == 64) ix.b[j] = (uint8_t)(at / r);
			else if (lanes == 32) ix.h[j] = (uint16_t)(at / r);
			else if (lanes == 16) ix.w[j] = (uint32_t)(at / r);
			else ix.q[j] = (uint64_t)(at / r);
			if (at % r == 0)
				m |= 1ull << j;
		}
		p->idx[v] = _mm512_loadu_si512(&ix);
		p->mask[v] = m;
	}
}

static int sv_ready(void)
{
	int h = __atomic_load_n(&ready, __ATOMIC_ACQUIRE);

	if (h < 0) {
		h = v512_vbmi_cpu();
		if (h)
			for (int s = 0; s < 4; s++)
				for (int r = 2; r <= 4; r++)
					make_plan(&plans[s][r - 2], 64 >> s, r);
		__atomic_store_n(&ready, h, __ATOMIC_RELEASE);
	}
	return h;
}

/* lanes [0, n) of a mask of `lanes` bits (n may pass it) */
static inline uint64_t first(intptr_t n, int lanes)
{
	if (n >= lanes)
		return lanes == 64 ? ~0ull : (1ull << lanes) - 1;
	return n <= 0 ? 0 : (1ull << n) - 1;
}

/*
 * SV_SCATTER(NAME, R, S, PERM, STORE, LOAD): the step-R scatter of items of
 * 1 << S bytes; PERM the permute, STORE the masked store, LOAD the masked
 * load of the intrinsics for that item size.
 */
#define SV_SCATTER(NAME, R, S, PERM, STORE, LOAD, MASK) \
	static V512_VBMI_TARGET void NAME(char *dst, const char *src, intptr_t n) \
	{ \
		enum { L = 64 >> (S) }; \
		const struct sv_plan *p = &plans[S][(R) - 2]; \
		intptr_t i = 0; \
		for (; i + L <= n; i += L) { \
			__m512i x = _mm512_loadu_si512(src + (i << (S))); \
			char *z = dst + ((i * (R)) << (S)); \
			for (int v = 0; v < (R); v++) \
				STORE(z + 64 * v, (MASK)p->mask[v], PERM(p->idx[v], x)); \
		} \
		if (i < n) { \
			intptr_t rest = n - i; \
			__m512i x = LOAD((MASK)first(rest, L), src + (i << (S))); \
			char *z = dst + ((i * (R)) << (S)); \
			/* output lanes before R * rest hold the rest's elements */ \
			for (int v = 0; v < (R) && L * v < (R) * rest; v++) \
				STORE(z + 64 * v, (MASK)(p->mask[v] & first((R) * rest - L * v, L)), PERM(p->idx[v], x)); \
		} \
	}

#define SV_SIZE(S, PERM, STORE, LOAD, MASK) \
	SV_SCATTER(sv_##S##_2, 2, S, PERM, STORE, LOAD, MASK) \
	SV_SCATTER(sv_##S##_3, 3, S, PERM, STORE, LOAD, MASK) \
	SV_SCATTER(sv_##S##_4, 4, S, PERM, STORE, LOAD, MASK)

SV_SIZE(0, _mm512_permutexvar_epi8, _mm512_mask_storeu_epi8, _mm512_maskz_loadu_epi8, __mmask64)
SV_SIZE(1, _mm512_permutexvar_epi16, _mm512_mask_storeu_epi16, _mm512_maskz_loadu_epi16, __mmask32)
SV_SIZE(2, _mm512_permutexvar_epi32, _mm512_mask_storeu_epi32, _mm512_maskz_loadu_epi32, __mmask16)
SV_SIZE(3, _mm512_permutexvar_epi64, _mm512_mask_storeu_epi64, _mm512_maskz_loadu_epi64, __mmask8)

ue_gather_fn sv_scatter(size_t itemsize, intptr_t ratio)
{
	static const ue_gather_fn table[4][3] = {
		{ sv_0_2, sv_0_3, sv_0_4 }, { sv_1_2, sv_1_3, sv_1_4 },
		{ sv_2_2, sv_2_3, sv_2_4 }, { sv_3_2, sv_3_3, sv_3_4 },
	};
	int s = itemsize == 1 ? 0 : itemsize == 2 ? 1 : itemsize == 4 ? 2 : itemsize == 8 ? 3 : -1;

	if (s < 0 || ratio < 2 || ratio > 4 || !sv_ready())
		return NULL;
	return table[s][ratio - 2];
}

#else

ue_gather_fn sv_scatter(size_t itemsize, intptr_t ratio)
{
	(void)itemsize;
	(void)ratio;
	return NULL;
}

#endif
