/* SPDX-License-Identifier: MIT */
/*
 * sort.c - stable least-significant-digit radix sorts in numpy's order.
 *
 * Every dtype maps to an unsigned key of its width whose unsigned order is
 * numpy's order: signed integers flip the sign bit; floats flip all bits
 * of negatives and the sign bit of the rest, with every NaN mapped to the
 * largest key and -0 to the key of 0 (numpy treats them as equal). Keys
 * are then sorted a byte at a time (a pass whose byte is the same for every
 * key is skipped), which is stable, so the permutation is numpy's
 * kind='stable' one. Value sorts map the keys back; a float sort remembers
 * the signs of its zeros in input order and writes them back over the run
 * of zeros, which is what a stable sort of the values gives.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "sort.h"
#include "types.h"

/* One radix sort per key width: keys (and, if idx, a uint32 payload). */
#define DEFINE_RADIX(T, NAME)                                                  \
static int NAME(T *key, size_t n, uint32_t *idx)                               \
{                                                                              \
	size_t count[sizeof(T)][256];                                          \
	T *tmp, *src = key, *dst;                                              \
	uint32_t *itmp = NULL, *isrc = idx, *idst = NULL;                      \
	size_t i, b;                                                           \
	if (n < 2)                                                             \
		return 0;                                                      \
	tmp = malloc(n * sizeof(T));                                           \
	if (!tmp)                                                              \
		return -1;                                                     \
	if (idx) {                                                             \
		itmp = malloc(n * sizeof(uint32_t));                           \
		if (!itmp) {                                                   \
			free(tmp);                                             \
			return -1;                                             \
		}                                                              \
	}                                                                      \
	dst = tmp;                                                             \
	idst = itmp;                                                           \
	memset(count, 0, sizeof(count));                                       \
	for (i = 0; i < n; i++) {                                              \
		T k = key[i];                                                  \
		for (b = 0; b < sizeof(T); b++)                                \
			count[b][(k >> (8 * b)) & 0xff]++;                     \
	}                                                                      \
	for (b = 0; b < sizeof(T); b++) {                                      \
		size_t pos[256], sum = 0, d;                                   \
		unsigned shift = 8 * (unsigned)b;                              \
		if (count[b][(src[0] >> shift) & 0xff] == n)                   \
			continue; /* every key has this byte */                \
		for (d = 0; d < 256; d++) {                                    \
			pos[d] = sum;                                          \
			sum += count[b][d];                                    \
		}                                                              \
		if (idx) {                                                     \
			for (i = 0; i < n; i++) {                              \
				size_t p = pos[(src[i] >> shift) & 0xff]++;    \
				dst[p] = src[i];                               \
				idst[p] = isrc[i];                             \
			}                                                      \
			uint32_t *it = isrc;                                   \
			isrc = idst;                                           \
			idst = it;                                             \
		} else {                                                       \
			for (i = 0; i < n; i++)                                \
				dst[pos[(src[i] >> shift) & 0xff]++] = src[i]; \
		}                                                              \
		T *t = src;                                                    \
		src = dst;                                                     \
		dst = t;                                                       \
	}                                                                      \
	if (src != key) {                                                      \
		memcpy(key, src, n * sizeof(T));                               \
		if (idx)                                                       \
			memcpy(idx, isrc, n * sizeof(uint32_t));               \
	}                                                                      \
	free(tmp);                                                             \
	free(itmp);                                                            \
	return 0;                                                              \
}

DEFINE_RADIX(uint8_t, radix8)
DEFINE_RADIX(uint16_t, radix16)
DEFINE_RADIX(uint32_t, radix32)
DEFINE_RADIX(uint64_t, radix64)

/* float bits -> order-preserving key, and back */
static inline uint32_t f32_key(uint32_t u)
{
	if ((u & 0x7fffffffu) > 0x7f800000u)
		return 0xffffffffu;	/* NaN: after everything */
	if (u == 0x80000000u)
		u = 0;			/* -0 sorts with 0 */
	return (u & 0x80000000u) ? ~u : (u | 0x80000000u);
}

static inline uint32_t f32_unkey(uint32_t k)
{
	return (k & 0x80000000u) ? (k == 0xffffffffu ? 0x7fc00000u : (k & 0x7fffffffu)) : ~k;
}

static inline uint64_t f64_key(uint64_t u)
{
	const uint64_t sign = 0x8000000000000000ull;

	if ((u & ~sign) > 0x7ff0000000000000ull)
		return ~0ull;
	if (u == sign)
		u = 0;
	return (u & sign) ? ~u : (u | sign);
}

static inline uint64_t f64_unkey(uint64_t k)
{
	const uint64_t sign = 0x8000000000000000ull;

	return (k & sign) ? (k == ~0ull ? 0x7ff8000000000000ull : (k & ~sign)) : ~k;
}

/* how many of @n float32 (bits) are zeros, and how many of those -0 (branch-free: vectorised) */
UE_WARM static size_t count_zeros32(const uint32_t *u, size_t n, size_t *neg)
{
	size_t i, z = 0, m = 0;

	for (i = 0; i < n; i++) {
		z += (uint32_t)(u[i] << 1) == 0;
		m += u[i] == 0x80000000u;
	}
	*neg = m;
	return z;
}

/* the same for float64 */
UE_WARM static size_t count_zeros64(const uint64_t *u, size_t n, size_t *neg)
{
	size_t i, z = 0, m = 0;

	for (i = 0; i < n; i++) {
		z += (u[i] << 1) == 0;
		m += u[i] == 0x8000000000000000ull;
	}
	*neg = m;
	return z;
}

/*
 * The signs of the zeros of a float run in input order (1 for -0), or NULL
 * when there is no -0 (*count set either way); *err on allocation failure.
 */
static unsigned char *zero_signs(const void *data, size_t n, int f64, size_t *count, int *err)
{
	size_t i, z, neg;
	unsigned char *signs;

	z = f64 ? count_zeros64(data, n, &neg) : count_zeros32(data, n, &neg);
	*count = z;
	if (!neg)
		return NULL;
	signs = malloc(z);
	if (!signs) {
		*err = 1;
		return NULL;
	}
	for (i = 0, z = 0; i < n; i++) {
		uint64_t u = f64 ? ((const uint64_t *)data)[i] : ((const uint32_t *)data)[i];
		uint64_t mag = f64 ? (u << 1) : ((u << 1) & 0xffffffffull);

		if (mag == 0)
			signs[z++] = u != 0;
	}
	return signs;
}

/* float bits to keys in place, and back (vectorised) */
#define DEFINE_MAP(T, NAME, FN)						\
	UE_WARM static void NAME(T *v, size_t n)			\
	{								\
		for (size_t i = 0; i < n; i++)				\
			v[i] = FN(v[i]);				\
	}

DEFINE_MAP(uint32_t, keys_f32, f32_key)
DEFINE_MAP(uint32_t, unkeys_f32, f32_unkey)
DEFINE_MAP(uint64_t, keys_f64, f64_key)
DEFINE_MAP(uint64_t, unkeys_f64, f64_unkey)

/* (key << 32) | index of each of @n 32-bit values (see argsort_vec32), and back to the indices */
UE_WARM static void pair_keys(uint64_t *pair, const uint32_t *data, size_t n, uint32_t flip, int f32)
{
	if (f32) {
		for (size_t i = 0; i < n; i++)
			pair[i] = (uint64_t)f32_key(data[i]) << 32 | (uint32_t)i;
	} else {
		for (size_t i = 0; i < n; i++)
			pair[i] = (uint64_t)(data[i] ^ flip) << 32 | (uint32_t)i;
	}
}

UE_WARM static void pair_indices(uint32_t *idx, const uint64_t *pair, size_t n)
{
	for (size_t i = 0; i < n; i++)
		idx[i] = (uint32_t)pair[i];
}

#define COUNT16_MIN (1u << 16)

/* @n 16-bit values (keys: the values ^ @flip) in place; -1 without memory */
static int count_sort16(uint16_t *v, size_t n, uint16_t flip)
{
	size_t *count = calloc((size_t)1 << 16, sizeof(size_t)), i, p = 0;

	if (!count)
		return -1;
	for (i = 0; i < n; i++)
		count[(uint16_t)(v[i] ^ flip)]++;
	for (i = 0; i < ((size_t)1 << 16); i++) {
		uint16_t x = (uint16_t)(i ^ flip);

		for (size_t c = count[i]; c; c--)
			v[p++] = x;
	}
	free(count);
	return 0;
}

int ue_sort(int dtype, void *data, size_t n)
{
	size_t i, zeros = 0;
	unsigned char *signs = NULL;
	int err = 0;

	switch (dtype) {
	case UE_BOOL:
	case UE_UINT8: {
		/* a counting sort: the values are the keys */
		size_t count[256] = { 0 }, p = 0;
		uint8_t *v = data;
		unsigned d;

		for (i = 0; i < n; i++)
			count[v[i]]++;
		for (d = 0; d < 256; d++) {
			memset(v + p, (int)d, count[d]);
			p += count[d];
		}
		return 0;
	}
	case UE_INT8: {
		size_t count[256] = { 0 }, p = 0;
		int8_t *v = data;
		int d;

		for (i = 0; i < n; i++)
			count[(uint8_t)v[i] ^ 0x80]++;
		for (d = 0; d < 256; d++) {
			memset(v + p, (int)(d ^ 0x80), count[d]);
			p += count[d];
		}
		return 0;
	}
	case UE_INT16: case UE_UINT16: {
		uint16_t *v = data, flip = dtype == UE_INT16 ? 0x8000u : 0;

		/*
		 * 65536 keys or more: a counting sort, one pass to count and one
		 * to write (the radix passes took 56 ms for an int16 frame of
		 * 6 M values, numpy 9: few levels, so runs of keys in one bucket)
		 */
		if (n >= COUNT16_MIN && !count_sort16(v, n, flip))
			return 0;
		for (i = 0; i < n; i++)
			v[i] ^= flip;
		err = radix16(v, n, NULL);
		for (i = 0; i < n; i++)
			v[i] ^= flip;
		return err;
	}
	case UE_INT32: case UE_UINT32: {
		uint32_t *v = data, flip = dtype == UE_INT32 ? 0x80000000u : 0;

		for (i = 0; i < n; i++)
			v[i] ^= flip;
		err = ue_sort_u32_vec(v, n) ? 0 : radix32(v, n, NULL);
		for (i = 0; i < n; i++)
			v[i] ^= flip;
		return err;
	}
	case UE_INT64: case UE_UINT64: {
		uint64_t *v = data, flip = dtype == UE_INT64 ? 0x8000000000000000ull : 0;

		for (i = 0; i < n; i++)
			v[i] ^= flip;
		err = ue_sort_u64_vec(v, n) ? 0 : radix64(v, n, NULL);
		for (i = 0; i < n; i++)
			v[i] ^= flip;
		return err;
	}
	case UE_FLOAT32: {
		uint32_t *v = data;

		signs = zero_signs(data, n, 0, &zeros, &err);
		if (err)
			return -1;
		keys_f32(v, n);
		err = ue_sort_u32_vec(v, n) ? 0 : radix32(v, n, NULL);
		unkeys_f32(v, n);
		break;
	}
	case UE_FLOAT64: {
		uint64_t *v = data;

		signs = zero_signs(data, n, 1, &zeros, &err);
		if (err)
			return -1;
		keys_f64(v, n);
		err = ue_sort_u64_vec(v, n) ? 0 : radix64(v, n, NULL);
		unkeys_f64(v, n);
		break;
	}
	default:
		return -1;
	}
	if (signs && !err) {
		/* the zeros are one run: find it, then put the signs back in order */
		size_t lo = 0, hi = n;
		int f64 = dtype == UE_FLOAT64;

		while (lo < hi) {	/* first element >= 0 */
			size_t mid = lo + (hi - lo) / 2;
			int neg = f64 ? (((uint64_t *)data)[mid] >> 63) != 0 : (((uint32_t *)data)[mid] >> 31) != 0;
			int nan = f64 ? (((uint64_t *)data)[mid] << 1) > (0x7ff0000000000000ull << 1)
				      : (((uint32_t *)data)[mid] & 0x7fffffffu) > 0x7f800000u;

			if (neg && !nan)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (i = 0; i < zeros; i++) {
			if (f64)
				((uint64_t *)data)[lo + i] = signs[i] ? 0x8000000000000000ull : 0;
			else
				((uint32_t *)data)[lo + i] = signs[i] ? 0x80000000u : 0;
		}
	}
	free(signs);
	return err;
}

/* Keys of width W from the data, then the radix sort with the index payload. */
#define ARGSORT_KEYS(T, RADIX, EXPR)                                           \
	do {                                                                   \
		T *key = malloc((n ? n : 1) * sizeof(T));                      \
		if (!key)                                                      \
			goto fail;                                             \
		for (i = 0; i < n; i++)                                        \
			key[i] = (EXPR);                                       \
		err = RADIX(key, n, idx);                                      \
		free(key);                                                     \
	} while (0)

/*
 * The stable sorting permutation of @n 32-bit values (keys: the values ^
 * @flip, or float32 keys with @f32) into @idx by the 64-bit vector sort:
 * each key with its index below it, so equal keys keep their order. 0 when
 * that sort is not taken (@idx then as given).
 */
static int argsort_vec32(const uint32_t *data, size_t n, uint32_t *idx, uint32_t flip, int f32)
{
	uint64_t *pair;
	int ok;

	if (!ue_sort_vec_cpu())
		return 0;
	pair = malloc((n ? n : 1) * sizeof(uint64_t));
	if (!pair)
		return 0;
	pair_keys(pair, data, n, flip, f32);
	ok = ue_sort_u64_vec(pair, n);
	if (ok)
		pair_indices(idx, pair, n);
	free(pair);
	return ok;
}

int ue_argsort(int dtype, const void *data, size_t n, void *out, int out64)
{
	uint32_t *idx;
	size_t i;
	int err = 0;

#if SIZE_MAX > 0xffffffffu
	if (n > 0xffffffffu)
		return -1;	/* the permutation is kept in 32 bits */
#endif
	idx = malloc((n ? n : 1) * sizeof(uint32_t));
	if (!idx)
		return -1;
	for (i = 0; i < n; i++)
		idx[i] = (uint32_t)i;
	switch (dtype) {
	case UE_BOOL: case UE_UINT8:
		ARGSORT_KEYS(uint8_t, radix8, ((const uint8_t *)data)[i]);
		break;
	case UE_INT8:
		ARGSORT_KEYS(uint8_t, radix8, (uint8_t)(((const uint8_t *)data)[i] ^ 0x80u));
		break;
	case UE_INT16: case UE_UINT16: {
		uint16_t flip = dtype == UE_INT16 ? 0x8000u : 0;

		ARGSORT_KEYS(uint16_t, radix16, (uint16_t)(((const uint16_t *)data)[i] ^ flip));
		break;
	}
	case UE_INT32: case UE_UINT32: {
		uint32_t flip = dtype == UE_INT32 ? 0x80000000u : 0;

		if (argsort_vec32(data, n, idx, flip, 0))
			break;
		ARGSORT_KEYS(uint32_t, radix32, ((const uint32_t *)data)[i] ^ flip);
		break;
	}
	case UE_INT64: case UE_UINT64: {
		uint64_t flip = dtype == UE_INT64 ? 0x8000000000000000ull : 0;

		ARGSORT_KEYS(uint64_t, radix64, ((const uint64_t *)data)[i] ^ flip);
		break;
	}
	case UE_FLOAT32:
		if (argsort_vec32(data, n, idx, 0, 1))
			break;
		ARGSORT_KEYS(uint32_t, radix32, f32_key(((const uint32_t *)data)[i]));
		break;
	case UE_FLOAT64:
		ARGSORT_KEYS(uint64_t, radix64, f64_key(((const uint64_t *)data)[i]));
		break;
	default:
		goto fail;
	}
	if (err)
		goto fail;
	for (i = 0; i < n; i++) {
		if (out64)
			((int64_t *)out)[i] = idx[i];
		else
			((int32_t *)out)[i] = (int32_t)idx[i];
	}
	free(idx);
	return 0;
fail:
	free(idx);
	return -1;
}

/*
 * Lanes of 8-byte items (the networks below take the narrower ones) of up
 * to UE_SHORT_LANE elements: insertion sorts on the radix sorts' keys,
 * every lane in one call. A shift moves only elements whose key is
 * greater, so equal keys keep their order: stable, -0 and 0 as given.
 * Insertion beat the radix sort per lane up to 32 elements (lanes of
 * 9-64 pixel values).
 */
#define UE_SHORT_LANE 32

static inline uint8_t key_u8(uint8_t x) { return x; }
static inline uint8_t key_i8(uint8_t x) { return x ^ 0x80u; }
static inline uint16_t key_u16(uint16_t x) { return x; }
static inline uint16_t key_i16(uint16_t x) { return x ^ 0x8000u; }
static inline uint32_t key_u32(uint32_t x) { return x; }
static inline uint32_t key_i32(uint32_t x) { return x ^ 0x80000000u; }
static inline uint64_t key_u64(uint64_t x) { return x; }
static inline uint64_t key_i64(uint64_t x) { return x ^ 0x8000000000000000ull; }

#define DEFINE_SHORT(KEY)                                                      \
static void short_##KEY(uint64_t *v, size_t n, size_t count)                   \
{                                                                              \
	for (size_t l = 0; l < count; l++, v += n) {                           \
		for (size_t i = 1; i < n; i++) {                               \
			uint64_t x = v[i];                                     \
			size_t j = i;                                          \
			while (j > 0 && KEY(v[j - 1]) > KEY(x)) {              \
				v[j] = v[j - 1];                               \
				j--;                                           \
			}                                                      \
			v[j] = x;                                              \
		}                                                              \
	}                                                                      \
}                                                                              \
static void shortarg_##KEY(const uint64_t *v, size_t n, size_t count,          \
			   void *out, int out64)                               \
{                                                                              \
	uint32_t idx[UE_SHORT_LANE];                                           \
	for (size_t l = 0; l < count; l++, v += n) {                           \
		for (size_t i = 0; i < n; i++) {                               \
			uint32_t x = (uint32_t)i;                              \
			size_t j = i;                                          \
			while (j > 0 && KEY(v[idx[j - 1]]) > KEY(v[x])) {      \
				idx[j] = idx[j - 1];                           \
				j--;                                           \
			}                                                      \
			idx[j] = x;                                            \
		}                                                              \
		for (size_t i = 0; i < n; i++) {                               \
			if (out64)                                             \
				((int64_t *)out)[l * n + i] = idx[i];          \
			else                                                   \
				((int32_t *)out)[l * n + i] = (int32_t)idx[i]; \
		}                                                              \
	}                                                                      \
}

DEFINE_SHORT(key_u64)
DEFINE_SHORT(key_i64)
DEFINE_SHORT(f64_key)

/* The short sorts of an 8-byte @dtype, values in place or permutations into @out; -1 for other dtypes. */
static int short_sort(int dtype, void *data, size_t n, size_t count, void *out, int out64)
{
	void (*sort)(uint64_t *, size_t, size_t);
	void (*arg)(const uint64_t *, size_t, size_t, void *, int);

	switch (dtype) {
	case UE_UINT64: sort = short_key_u64; arg = shortarg_key_u64; break;
	case UE_INT64: sort = short_key_i64; arg = shortarg_key_i64; break;
	case UE_FLOAT64: sort = short_f64_key; arg = shortarg_f64_key; break;
	default: return -1;
	}
	if (out)
		arg(data, n, count, out, out64);
	else
		sort(data, n, count);
	return 0;
}

/*
 * Sorting networks over columns: element (j, c) of a set of columns at
 * src + j * sj + c * sc (bytes), each column sorted over j < n. The keys
 * are the radix keys shifted up 32 bits over the element's own index j,
 * so no two are equal: the network (not stable by itself) gives the
 * stable order, and the value written back is the element the key came
 * from (-0 and NaN bits as given). Columns go in blocks of UE_NET_BLOCK,
 * each comparator a min and a max over the block (vectorised: vpminuq
 * under the AVX-512 clone). Batcher's odd-even merge sort for the next
 * power of two, less the comparators that only meet the +inf padding.
 * For item sizes up to 4 bytes and n up to UE_NET_MAX.
 */
#define UE_NET_MAX 64
#define UE_NET_MIN 2
#define UE_NET_BLOCK 16

struct net {
	int count;
	unsigned char a[UE_NET_MAX * 16], b[UE_NET_MAX * 16];	/* 543 comparators for 64 */
};

static void net_build(struct net *w, int n)
{
	int t = 1;

	w->count = 0;
	while (t < n)
		t <<= 1;
	for (int p = 1; p < t; p <<= 1)
		for (int k = p; k >= 1; k >>= 1)
			for (int j = k % p; j + k < t; j += 2 * k)
				for (int i = 0; i < k && i + j + k < t; i++)
					if ((i + j) / (2 * p) == (i + j + k) / (2 * p) && i + j + k < n) {
						w->a[w->count] = (unsigned char)(i + j);
						w->b[w->count++] = (unsigned char)(i + j + k);
					}
}

UE_HOT static void net_run(const struct net *w, uint64_t (*k)[UE_NET_BLOCK])
{
	for (int c = 0; c < w->count; c++) {
		uint64_t *x = k[w->a[c]], *y = k[w->b[c]];

		for (int i = 0; i < UE_NET_BLOCK; i++) {
			uint64_t lo = x[i] < y[i] ? x[i] : y[i], hi = x[i] < y[i] ? y[i] : x[i];

			x[i] = lo;
			y[i] = hi;
		}
	}
}

/*
 * Sort @width columns of @n elements (see above; strides in elements) from
 * @src into @dst (the same layout; they may be the same memory), or write
 * each one's permutation to @idx (int64 when @idx64, else int32; element
 * (j, c) at idx[j * ij + c * ic]) when @idx is not NULL.
 */
#define DEFINE_NET(T, KEY)                                                     \
static void net_##KEY(const T *src, T *dst, size_t n, intptr_t sj, intptr_t sc, \
		      size_t width, void *idx, int idx64, intptr_t ij, intptr_t ic) \
{                                                                              \
	struct net w;                                                          \
	uint64_t k[UE_NET_MAX][UE_NET_BLOCK];                                  \
	T v[UE_NET_MAX][UE_NET_BLOCK];                                         \
	net_build(&w, (int)n);                                                 \
	for (size_t c0 = 0; c0 < width; c0 += UE_NET_BLOCK) {                  \
		size_t m = width - c0 < UE_NET_BLOCK ? width - c0 : UE_NET_BLOCK; \
		const T *s0 = src + (intptr_t)c0 * sc;                         \
		for (size_t j = 0; j < n; j++) {                               \
			for (size_t i = 0; i < m; i++) {                       \
				T x = s0[(intptr_t)j * sj + (intptr_t)i * sc]; \
				v[j][i] = x;                                   \
				k[j][i] = (uint64_t)KEY(x) << 32 | j;          \
			}                                                      \
			for (size_t i = m; i < UE_NET_BLOCK; i++)              \
				k[j][i] = 0;                                   \
		}                                                              \
		net_run(&w, k);                                                \
		for (size_t j = 0; j < n; j++) {                               \
			for (size_t i = 0; i < m; i++) {                       \
				uint32_t from = (uint32_t)k[j][i];             \
				intptr_t at = (intptr_t)j * ij + (intptr_t)(c0 + i) * ic; \
				if (!idx)                                      \
					dst[(intptr_t)j * sj + (intptr_t)(c0 + i) * sc] = v[from][i]; \
				else if (idx64)                                \
					((int64_t *)idx)[at] = from;           \
				else                                           \
					((int32_t *)idx)[at] = (int32_t)from;  \
			}                                                      \
		}                                                              \
	}                                                                      \
}

DEFINE_NET(uint8_t, key_u8)
DEFINE_NET(uint8_t, key_i8)
DEFINE_NET(uint16_t, key_u16)
DEFINE_NET(uint16_t, key_i16)
DEFINE_NET(uint32_t, key_u32)
DEFINE_NET(uint32_t, key_i32)
DEFINE_NET(uint32_t, f32_key)

/* net_KEY for @dtype (item sizes up to 4 bytes); -1 for the others. */
static int net_columns(int dtype, const void *src, void *dst, size_t n, intptr_t sj, intptr_t sc, size_t width,
		       void *idx, int idx64, intptr_t ij, intptr_t ic)
{
	switch (dtype) {
	case UE_BOOL: case UE_UINT8: net_key_u8(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	case UE_INT8: net_key_i8(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	case UE_UINT16: net_key_u16(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	case UE_INT16: net_key_i16(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	case UE_UINT32: net_key_u32(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	case UE_INT32: net_key_i32(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	case UE_FLOAT32: net_f32_key(src, dst, n, sj, sc, width, idx, idx64, ij, ic); return 0;
	default: return -1;
	}
}

/*
 * ue_sort_lanes (@out NULL) or ue_argsort_lanes: networks for items of up
 * to 4 bytes, insertion for short lanes of 8-byte ones, else the radix
 * sort lane by lane.
 */
static int lanes(int dtype, void *data, size_t n, size_t count, void *out, int out64)
{
	size_t size = ue_itemsize(dtype);

	if (!size)
		return -1;
	if (n < UE_NET_MIN) {	/* one element a lane: sorted, and its index is 0 */
		if (out)
			memset(out, 0, n * count * (out64 ? 8 : 4));
		return 0;
	}
	if (size <= 4 && n <= UE_NET_MAX)
		return net_columns(dtype, data, out ? NULL : data, n, 1, (intptr_t)n, count, out, out64, 1, (intptr_t)n);
	if (size == 8 && n <= UE_SHORT_LANE)
		return short_sort(dtype, data, n, count, out, out64);
	for (size_t l = 0; l < count; l++) {
		char *lane = (char *)data + l * n * size;
		int err = out ? ue_argsort(dtype, lane, n, (char *)out + l * n * (out64 ? 8 : 4), out64)
			      : ue_sort(dtype, lane, n);

		if (err)
			return -1;
	}
	return 0;
}

/*
 * Sorts over 1 MiB or more are shared among the worker threads (pool.c):
 * lanes by ranges of lanes, a middle axis by ranges of its columns (whole
 * blocks of 16 for the networks). Each lane is sorted exactly as one
 * thread would sort it.
 */
#define SORT_PAR_MIN (1 << 20)

struct sort_job {
	int dtype, out64, axis, failed;
	void *data, *dst, *out;
	size_t n, count, step;
};

/* lanes [lo, lo + step) of a lanes job, or columns of every block of a middle-axis job */
static void sort_piece(void *ctx, intptr_t c, int tid)
{
	struct sort_job *j = ctx;
	size_t size = ue_itemsize(j->dtype), osz = j->out64 ? 8 : 4, lo = (size_t)c * j->step;
	size_t m = j->count - lo < j->step ? j->count - lo : j->step;
	int err;

	(void)tid;
	if (j->axis)
		err = net_columns(j->dtype, (char *)j->data + lo * size, j->dst ? (char *)j->dst + lo * size : NULL,
				  j->n, (intptr_t)j->count, 1, m, j->out ? (char *)j->out + lo * osz : NULL, j->out64,
				  (intptr_t)j->count, 1);
	else
		err = lanes(j->dtype, (char *)j->data + lo * j->n * size, j->n, m,
			    j->out ? (char *)j->out + lo * j->n * osz : NULL, j->out64);
	if (err)
		__atomic_store_n(&j->failed, 1, __ATOMIC_RELAXED);
}

/* Run @j over its @count lanes (or columns) on the threads; 1 when it is too small to share. */
static int sort_shared(struct sort_job *j)
{
	int threads = ue_threads();
	size_t size = ue_itemsize(j->dtype);

	if (threads < 2 || !size || j->n * j->count * size < SORT_PAR_MIN || j->count < 64)
		return 1;
	j->step = (j->count + 4 * (size_t)threads - 1) / (4 * (size_t)threads);
	j->step = (j->step + 15) & ~(size_t)15;
	ue_parallel((intptr_t)((j->count + j->step - 1) / j->step), threads, sort_piece, j);
	return 0;
}

int ue_sort_lanes(int dtype, void *data, size_t n, size_t count)
{
	struct sort_job j = { .dtype = dtype, .data = data, .n = n, .count = count };

	if (n < UE_NET_MIN || sort_shared(&j))
		return lanes(dtype, data, n, count, NULL, 0);
	return j.failed ? -1 : 0;
}

int ue_argsort_lanes(int dtype, const void *data, size_t n, size_t count, void *out, int out64)
{
	struct sort_job j = { .dtype = dtype, .out64 = out64, .data = (void *)data, .out = out, .n = n, .count = count };

	if (n < UE_NET_MIN || sort_shared(&j))
		return lanes(dtype, (void *)data, n, count, out, out64);
	return j.failed ? -1 : 0;
}

/* ue_sort_axis (into @dst) or ue_argsort_axis (into @out): one network pass per (@n, @post) block. */
static int axis_networks(int dtype, const void *data, void *dst, size_t pre, size_t n, size_t post, void *out,
			 int out64)
{
	size_t size = ue_itemsize(dtype);

	if (!size)
		return -1;
	if (size > 4 || n > UE_NET_MAX || n < UE_NET_MIN)
		return -2;
	if (pre == 1) {
		struct sort_job j = { .dtype = dtype, .out64 = out64, .axis = 1, .data = (void *)data, .dst = dst,
				      .out = out, .n = n, .count = post };

		if (!sort_shared(&j))
			return j.failed ? -1 : 0;
	}
	for (size_t p = 0; p < pre; p++) {
		size_t first = p * n * post;
		void *o = out ? (char *)out + first * (out64 ? 8 : 4) : NULL;

		if (net_columns(dtype, (const char *)data + first * size, dst ? (char *)dst + first * size : NULL, n,
				(intptr_t)post, 1, post, o, out64, (intptr_t)post, 1) != 0)
			return -1;
	}
	return 0;
}

int ue_sort_axis(int dtype, void *data, size_t pre, size_t n, size_t post)
{
	return axis_networks(dtype, data, data, pre, n, post, NULL, 0);
}

int ue_argsort_axis(int dtype, const void *data, size_t pre, size_t n, size_t post, void *out, int out64)
{
	return axis_networks(dtype, data, NULL, pre, n, post, out, out64);
}
