/* SPDX-License-Identifier: MIT */
/*
 * gather.c - copies of a strided run into a contiguous buffer (and back,
 * for outputs: scatter), for the
 * steps image code makes most: every 2nd, 3rd or 4th element (a channel
 * of interleaved RGB/RGBA pixels, a real or imaginary part, a [::2] slice)
 * and backwards ([::-1]). The iterator gathers such an input into an L1
 * buffer and runs the loop's contiguous path on it. With the step a
 * constant the compiler turns each loop into vector loads and shuffles
 * (7x a loop over a variable step: a uint8 channel of a 1080p RGB frame,
 * 660 -> 95 µs); a variable step would be one element at a time.
 */
#include "types.h"
#include "scatter_vec.h"

/* one constant-step copy: element i from SRC[IN] to DST[OUT] */
#define STEP_COPY(NAME, T, OUT, IN) \
	UE_HOT static void NAME(char *dst, const char *src, intptr_t n) \
	{ \
		T *__restrict z = (T *)dst; \
		const T *__restrict x = (const T *)src; \
		intptr_t i; \
		for (i = 0; i < n; i++) \
			z[OUT] = x[IN]; \
	}
#define GATHER(NAME, T, R) STEP_COPY(NAME, T, i, (R) * i)
#define SCATTER(NAME, T, R) STEP_COPY(NAME, T, (R) * i, i)

#define GATHERS(T, ID) \
	GATHER(gather2_##ID, T, 2) \
	GATHER(gather3_##ID, T, 3) \
	GATHER(gather4_##ID, T, 4) \
	GATHER(gather_rev_##ID, T, -1) \
	SCATTER(scatter2_##ID, T, 2) \
	SCATTER(scatter3_##ID, T, 3) \
	SCATTER(scatter4_##ID, T, 4) \
	SCATTER(scatter_rev_##ID, T, -1)

GATHERS(uint8_t, 1)
GATHERS(uint16_t, 2)
GATHERS(uint32_t, 4)
GATHERS(uint64_t, 8)

#define PICK(WHAT, ID) \
	switch (ratio) { \
	case 2: return WHAT##2_##ID; \
	case 3: return WHAT##3_##ID; \
	case 4: return WHAT##4_##ID; \
	case -1: return WHAT##_rev_##ID; \
	default: return NULL; \
	}

#define CHOOSE(WHAT) \
	intptr_t ratio; \
	if (!itemsize || step % (intptr_t)itemsize) \
		return NULL; \
	ratio = step / (intptr_t)itemsize; \
	switch (itemsize) { \
	case 1: PICK(WHAT, 1) \
	case 2: PICK(WHAT, 2) \
	case 4: PICK(WHAT, 4) \
	case 8: PICK(WHAT, 8) \
	default: return NULL; \
	}

ue_gather_fn ue_gather(size_t itemsize, intptr_t step)
{
	CHOOSE(gather)
}

ue_gather_fn ue_scatter(size_t itemsize, intptr_t step)
{
	/* stores that leave gaps: GCC keeps the loops above scalar, scatter_vec.c does not */
	if (itemsize && step % (intptr_t)itemsize == 0) {
		ue_gather_fn f = sv_scatter(itemsize, step / (intptr_t)itemsize);

		if (f)
			return f;
	}
	CHOOSE(scatter)
}
