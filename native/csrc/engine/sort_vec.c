/* SPDX-License-Identifier: MIT */
/*
 * sort_vec.c - AVX-512 quicksorts of 32-bit and 64-bit unsigned keys: the
 * value sorts of float32, int32, uint32 and of float64, int64, uint64
 * (sort.c maps values to keys first), and argsorts of 32-bit values (each
 * key with its index below it, as one 64-bit key).
 *
 * numpy sorts these with in-register networks and vector partitions; sort.c's
 * radix passes took 24 us for a row of 1920 float32 (numpy 6-7) and 40 ms
 * for a channel of 2 M (numpy 7): a run of keys in one bucket waits on that
 * bucket's counter. Here each pass partitions a range in place around a
 * pivot with compress (keys below it to the front, the others to the back,
 * four vectors at a time) and goes on with the two parts; ranges of up to
 * eight vectors of keys (128 or 64) are sorted in registers by bitonic
 * networks. A range with no key below its pivot is split at the pivot's own
 * value instead, so the keys equal to it are done in one pass (an image's
 * float32 has 256 levels). Past a depth of 2 log2(n) + 8 a range is handed
 * back to the caller's sort. Keys that compare equal are equal, so the
 * result does not depend on the partition order. One body
 * (sort_vec_body.h) is compiled for each width.
 */
#include <stdint.h>

#include "sort.h"
#include "vec512.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* vectors a partition step reads (a range to partition has more than 2 PART_VECS) */
#define PART_VECS 4

/* 32-bit keys, 16 a vector */
#define KEY uint32_t
#define MASK __mmask16
#define LANES 16
#define NET_VECS 8	/* ranges of up to 128 keys are sorted in registers */
#define NAME(x) x##_32
#define SET1(x) _mm512_set1_epi32((int)(x))
#define MIN _mm512_min_epu32
#define MAX _mm512_max_epu32
#define MASK_MAX _mm512_mask_max_epu32
#define PERMUTE _mm512_permutexvar_epi32
#define COMPRESS _mm512_maskz_compress_epi32
#define MASK_LOAD _mm512_mask_loadu_epi32
#define MASKZ_LOAD _mm512_maskz_loadu_epi32
#define MASK_STORE _mm512_mask_storeu_epi32
#define CMPLT _mm512_cmplt_epu32_mask
#define CMPLE _mm512_cmple_epu32_mask
#define MASK_CMPLT _mm512_mask_cmplt_epu32_mask
#define MASK_CMPLE _mm512_mask_cmple_epu32_mask
#define IOTA _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define REVERSE _mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
#include "sort_vec_body.h"
#undef KEY
#undef MASK
#undef LANES
#undef NET_VECS
#undef NAME
#undef SET1
#undef MIN
#undef MAX
#undef MASK_MAX
#undef PERMUTE
#undef COMPRESS
#undef MASK_LOAD
#undef MASKZ_LOAD
#undef MASK_STORE
#undef CMPLT
#undef CMPLE
#undef MASK_CMPLT
#undef MASK_CMPLE
#undef IOTA
#undef REVERSE

/* 64-bit keys, 8 a vector */
#define KEY uint64_t
#define MASK __mmask8
#define LANES 8
#define NET_VECS 16	/* up to 128 here too */
#define NAME(x) x##_64
#define SET1(x) _mm512_set1_epi64((long long)(x))
#define MIN _mm512_min_epu64
#define MAX _mm512_max_epu64
#define MASK_MAX _mm512_mask_max_epu64
#define PERMUTE _mm512_permutexvar_epi64
#define COMPRESS _mm512_maskz_compress_epi64
#define MASK_LOAD _mm512_mask_loadu_epi64
#define MASKZ_LOAD _mm512_maskz_loadu_epi64
#define MASK_STORE _mm512_mask_storeu_epi64
#define CMPLT _mm512_cmplt_epu64_mask
#define CMPLE _mm512_cmple_epu64_mask
#define MASK_CMPLT _mm512_mask_cmplt_epu64_mask
#define MASK_CMPLE _mm512_mask_cmple_epu64_mask
#define IOTA _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0)
#define REVERSE _mm512_set_epi64(0, 1, 2, 3, 4, 5, 6, 7)
#include "sort_vec_body.h"

int ue_sort_u32_vec(uint32_t *key, size_t n)
{
	return sort_keys_32(key, n);
}

int ue_sort_u64_vec(uint64_t *key, size_t n)
{
	return sort_keys_64(key, n);
}

int ue_sort_vec_cpu(void)
{
	return v512_cpu();
}

#else

int ue_sort_u32_vec(uint32_t *key, size_t n)
{
	(void)key;
	(void)n;
	return 0;
}

int ue_sort_u64_vec(uint64_t *key, size_t n)
{
	(void)key;
	(void)n;
	return 0;
}

int ue_sort_vec_cpu(void)
{
	return 0;
}

#endif
