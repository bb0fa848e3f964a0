/* SPDX-License-Identifier: MIT */
/*
 * matmul.c - C = A B row by row: for each row of A, a row of sums is
 * accumulated over k in order (acc[j] += A[i,k] * B[k,j]), so the inner
 * loop runs along a row of B (vectorised when B's rows are contiguous) and
 * every element's sum has the same order as a plain dot product.
 *
 * A matrix times a vector (N == 1: numpy's `pixels @ weights`, (H, W, 3)
 * @ (3,)) would pay that row set-up for every few products, so it runs by
 * blocks of rows instead: each column of A in the block is gathered into a
 * contiguous buffer (gather.c for steps of 2-4 items) and added, times its
 * B element, to a block of sums, in the same k order as above. Pixels of
 * 3 or 4 float channels times a 3 or 4 column matrix (colour conversions)
 * run with both sizes as constants.
 * Large products are shared among the worker threads by blocks of rows.
 * Float products of 8 rows, 8 columns and 32768 multiply-adds or more run
 * packed on AVX-512 CPUs (gemm.c), with the same sums.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "gemm.h"
#include "matmul.h"
#include "types.h"

#define ROWS(T, ACC, LOAD, STORE)                                              \
	do {                                                                   \
		const T *a = A, *b = B;                                        \
		T *c = C;                                                      \
		ACC *acc = malloc((size_t)(N ? N : 1) * sizeof(ACC));          \
		intptr_t i, j, k;                                              \
		if (!acc)                                                      \
			return -1;                                             \
		for (i = 0; i < M; i++) {                                      \
			memset(acc, 0, (size_t)N * sizeof(ACC));               \
			for (k = 0; k < K; k++) {                              \
				ACC x = LOAD(a[i * sa1 + k * sa2]);            \
				const T *row = b + k * sb1;                    \
				if (sb2 == 1)                                  \
					for (j = 0; j < N; j++)                \
						acc[j] += x * LOAD(row[j]);    \
				else                                           \
					for (j = 0; j < N; j++)                \
						acc[j] += x * LOAD(row[j * sb2]); \
			}                                                      \
			for (j = 0; j < N; j++)                                \
				c[i * sc1 + j * sc2] = STORE(acc[j]);          \
		}                                                              \
		free(acc);                                                     \
	} while (0)

/*
 * ROWS for 2-4 columns of B (a matrix times a few vectors: K large, N
 * small): the row's sums in registers, in the same k order; ROWS kept them
 * in memory and set up its column loop for every product (a 300 x 300
 * float32 channel times a 300 x 3 one: 943 us, numpy's BLAS 63)
 */
#define ROWS_FEW(T, ACC, LOAD, STORE, NC)                                      \
	do {                                                                   \
		const T *a = A, *b = B;                                        \
		T *c = C;                                                      \
		for (intptr_t i = 0; i < M; i++) {                             \
			ACC s[NC] = { 0 };                                     \
			for (intptr_t k = 0; k < K; k++) {                     \
				const ACC x = LOAD(a[i * sa1 + k * sa2]);      \
				const T *row = b + k * sb1;                    \
				for (int j = 0; j < NC; j++)                   \
					s[j] += x * LOAD(row[j]);              \
			}                                                      \
			for (int j = 0; j < NC; j++)                           \
				c[i * sc1 + j * sc2] = STORE(s[j]);            \
		}                                                              \
	} while (0)

#define GEMV_BLOCK 512
#define GEMV_COLS 4	/* columns of A gathered and added per pass */

/*
 * one column of the block (n rows from @at, sa1 elements apart) into the
 * contiguous @col; it reads GEMV's i, n, sa1 and gather
 */
#define GEMV_COLUMN(T, col, at)                                                \
	do {                                                                   \
		if (sa1 == 1)                                                  \
			memcpy(col, at, (size_t)n * sizeof(T));                \
		else if (gather)                                               \
			gather((char *)(col), (const char *)(at), n);          \
		else                                                           \
			for (i = 0; i < n; i++)                                \
				(col)[i] = (at)[i * sa1];                      \
	} while (0)

#define GEMV(T, ACC, LOAD, STORE)                                              \
	do {                                                                   \
		const T *a = A, *b = B;                                        \
		T *c = C;                                                      \
		ue_gather_fn gather = ue_gather(sizeof(T), sa1 * (intptr_t)sizeof(T)); \
		T col[GEMV_COLS][GEMV_BLOCK];                                  \
		ACC acc[GEMV_BLOCK], x[GEMV_COLS];                             \
		intptr_t i0, i, j, k, n, kk;                                   \
		for (i0 = 0; i0 < M; i0 += n) {                                \
			n = M - i0 < GEMV_BLOCK ? M - i0 : GEMV_BLOCK;         \
			for (i = 0; i < n; i++)                                \
				acc[i] = 0;                                    \
			for (k = 0; k < K; k += kk) {                          \
				kk = K - k < GEMV_COLS ? K - k : GEMV_COLS;    \
				for (j = 0; j < kk; j++) {                     \
					x[j] = LOAD(b[(k + j) * sb1]);         \
					GEMV_COLUMN(T, col[j], a + i0 * sa1 + (k + j) * sa2); \
				}                                              \
				/* each sum still adds its products in k order; one \
				 * loop per column count keeps the sums in registers */ \
				switch (kk) {                                  \
				case 4:                                        \
					for (i = 0; i < n; i++)                \
						acc[i] = acc[i] + x[0] * LOAD(col[0][i]) + x[1] * LOAD(col[1][i]) + \
							 x[2] * LOAD(col[2][i]) + x[3] * LOAD(col[3][i]); \
					break;                                 \
				case 3:                                        \
					for (i = 0; i < n; i++)                \
						acc[i] = acc[i] + x[0] * LOAD(col[0][i]) + x[1] * LOAD(col[1][i]) + \
							 x[2] * LOAD(col[2][i]); \
					break;                                 \
				case 2:                                        \
					for (i = 0; i < n; i++)                \
						acc[i] = acc[i] + x[0] * LOAD(col[0][i]) + x[1] * LOAD(col[1][i]); \
					break;                                 \
				default:                                       \
					for (i = 0; i < n; i++)                \
						acc[i] += x[0] * LOAD(col[0][i]); \
				}                                              \
			}                                                      \
			for (i = 0; i < n; i++)                                \
				c[(i0 + i) * sc1] = STORE(acc[i]);             \
		}                                                              \
	} while (0)

/*
 * pixels of KC channels times a KC x NC matrix (a colour matrix; NC 1:
 * pixels times a weight vector), both sizes constants, rows of A and C contiguous: the matrix is read once
 * into registers and each output element sums its KC products in k order
 * from 0, as ROWS does
 */
#define GEMM_PIXELS(T, ACC, LOAD, STORE, KC, NC)                               \
	do {                                                                   \
		const T *a = A, *b = B;                                        \
		T *__restrict c = C;                                           \
		ACC w[KC][NC];                                                 \
		intptr_t i, j, k;                                              \
		for (k = 0; k < KC; k++)                                       \
			for (j = 0; j < NC; j++)                               \
				w[k][j] = LOAD(b[k * sb1 + j * sb2]);          \
		for (i = 0; i < M; i++) {                                      \
			for (j = 0; j < NC; j++) {                             \
				ACC s = 0;                                     \
				for (k = 0; k < KC; k++)                       \
					s += LOAD(a[i * KC + k]) * w[k][j];    \
				c[i * NC + j] = STORE(s);                      \
			}                                                      \
		}                                                              \
	} while (0)

/* colour matrices of floats: 3 or 4 channels in, 3 or 4 out */
#define COLOUR_MATRIX(T, ACC, LOAD, STORE)                                     \
	do {                                                                   \
		if (K == 3 && N == 3)                                          \
			GEMM_PIXELS(T, ACC, LOAD, STORE, 3, 3);                \
		else if (K == 3 && N == 4)                                     \
			GEMM_PIXELS(T, ACC, LOAD, STORE, 3, 4);                \
		else if (K == 4 && N == 3)                                     \
			GEMM_PIXELS(T, ACC, LOAD, STORE, 4, 3);                \
		else                                                           \
			GEMM_PIXELS(T, ACC, LOAD, STORE, 4, 4);                \
	} while (0)

#define IS_COLOUR_MATRIX (sa2 == 1 && sa1 == K && sc2 == 1 && sc1 == N && K >= 3 && K <= 4 && N >= 3 && N <= 4)

#define DOT_LANES 16

/*
 * one dot product of contiguous runs (vdot, a 1-d @ 1-d, a row times a
 * column): DOT_LANES sums of every DOT_LANES-th product, added in order at
 * the end, as a vector unit (and BLAS's dot, numpy's) adds them; a float32
 * product is exact in the double sums. GEMV's blocks of one row took 7.2 ms
 * for two float32 channels of a 1080p frame (numpy's sdot 0.94 ms).
 */
#define DOT(T, ACC, LOAD, STORE)                                               \
	do {                                                                   \
		const T *a = A, *b = B;                                        \
		ACC s[DOT_LANES] = { 0 }, t = 0;                               \
		intptr_t k = 0;                                                \
		int l;                                                         \
		for (; k + DOT_LANES <= K; k += DOT_LANES)                     \
			for (l = 0; l < DOT_LANES; l++)                        \
				s[l] += LOAD(a[k + l]) * LOAD(b[k + l]);       \
		for (l = 0; l < DOT_LANES; l++)                                \
			t += s[l];                                             \
		for (; k < K; k++)                                             \
			t += LOAD(a[k]) * LOAD(b[k]);                          \
		*(T *)C = STORE(t);                                            \
	} while (0)

/* one dtype: a dot product, the matrix-vector paths when N == 1, else row by row */
#define PRODUCT(T, ACC, LOAD, STORE)                                           \
	do {                                                                   \
		if (M == 1 && N == 1 && sa2 == 1 && sb1 == 1 && K >= DOT_LANES) \
			DOT(T, ACC, LOAD, STORE);                              \
		else if (N == 1 && sa2 == 1 && sc1 == 1 && sa1 == K && K >= 2 && K <= 4) { \
			if (K == 2)                                            \
				GEMM_PIXELS(T, ACC, LOAD, STORE, 2, 1);        \
			else if (K == 3)                                       \
				GEMM_PIXELS(T, ACC, LOAD, STORE, 3, 1);        \
			else                                                   \
				GEMM_PIXELS(T, ACC, LOAD, STORE, 4, 1);        \
		} else if (N == 1)                                             \
			GEMV(T, ACC, LOAD, STORE);                             \
		else if (N == 2 && sb2 == 1)                                   \
			ROWS_FEW(T, ACC, LOAD, STORE, 2);                      \
		else if (N == 3 && sb2 == 1)                                   \
			ROWS_FEW(T, ACC, LOAD, STORE, 3);                      \
		else if (N == 4 && sb2 == 1)                                   \
			ROWS_FEW(T, ACC, LOAD, STORE, 4);                      \
		else                                                           \
			ROWS(T, ACC, LOAD, STORE);                             \
	} while (0)

#define AS_DOUBLE(v) ((double)(v))
#define AS_U64(v) ((uint64_t)(v))
#define AS_S64(v) ((uint64_t)(int64_t)(v))

/*
 * Integer and bool products: exact, rarely large in image work, so one
 * build for every CPU (the float products get the AVX2/AVX-512 clones).
 */
static int matmul_int(int dtype, intptr_t M, intptr_t N, intptr_t K,
		      const void *A, intptr_t sa1, intptr_t sa2,
		      const void *B, intptr_t sb1, intptr_t sb2,
		      void *C, intptr_t sc1, intptr_t sc2)
{
	switch (dtype) {
	/* integers: products and sums modulo 2**64, stored modulo the width */
	case UE_INT8:
		PRODUCT(int8_t, uint64_t, AS_S64, (int8_t));
		return 0;
	case UE_UINT8:
		PRODUCT(uint8_t, uint64_t, AS_U64, (uint8_t));
		return 0;
	case UE_INT16:
		PRODUCT(int16_t, uint64_t, AS_S64, (int16_t));
		return 0;
	case UE_UINT16:
		PRODUCT(uint16_t, uint64_t, AS_U64, (uint16_t));
		return 0;
	case UE_INT32:
		PRODUCT(int32_t, uint64_t, AS_S64, (int32_t));
		return 0;
	case UE_UINT32:
		PRODUCT(uint32_t, uint64_t, AS_U64, (uint32_t));
		return 0;
	case UE_INT64:
		PRODUCT(int64_t, uint64_t, AS_S64, (int64_t));
		return 0;
	case UE_UINT64:
		PRODUCT(uint64_t, uint64_t, AS_U64, (uint64_t));
		return 0;
	case UE_BOOL: {
		/* any(a and b): the sum of 0/1 products is nonzero */
		const uint8_t *a = A, *b = B;
		uint8_t *c = C;
		intptr_t i, j, k;

		for (i = 0; i < M; i++) {
			for (j = 0; j < N; j++) {
				uint8_t any = 0;

				for (k = 0; k < K && !any; k++)
					any = a[i * sa1 + k * sa2] && b[k * sb1 + j * sb2];
				c[i * sc1 + j * sc2] = any;
			}
		}
		return 0;
	}
	default:
		return -1;
	}
}

UE_HOT static int matmul_rows(int dtype, intptr_t M, intptr_t N, intptr_t K,
			      const void *A, intptr_t sa1, intptr_t sa2,
			      const void *B, intptr_t sb1, intptr_t sb2,
			      void *C, intptr_t sc1, intptr_t sc2)
{
	switch (dtype) {
	case UE_FLOAT64:
		if (IS_COLOUR_MATRIX)
			COLOUR_MATRIX(double, double, AS_DOUBLE, (double));
		else
			PRODUCT(double, double, AS_DOUBLE, (double));
		return 0;
	case UE_FLOAT32:
		if (IS_COLOUR_MATRIX)
			COLOUR_MATRIX(float, double, AS_DOUBLE, (float));
		else
			PRODUCT(float, double, AS_DOUBLE, (float));
		return 0;
	default:
		return matmul_int(dtype, M, N, K, A, sa1, sa2, B, sb1, sb2, C, sc1, sc2);
	}
}

/*
 * Products of 1 MiB or more of A and C are shared among the worker threads
 * (pool.c) by blocks of rows: each row of C is its own sums in k order, so
 * the bytes do not depend on which thread computes it.
 */
#define MATMUL_PAR_MIN (1 << 20)
#define MATMUL_PAR_ROWS (GEMV_BLOCK * 8)

struct matmul_job {
	int dtype, failed;
	intptr_t M, N, K, rows, sa1, sa2, sb1, sb2, sc1, sc2;
	const char *A, *B;
	char *C;
};

static void matmul_chunk(void *ctx, intptr_t c, int tid)
{
	struct matmul_job *j = ctx;
	size_t size = ue_itemsize(j->dtype);
	intptr_t i = c * j->rows, m = j->M - i < j->rows ? j->M - i : j->rows;

	(void)tid;
	if (matmul_rows(j->dtype, m, j->N, j->K, j->A + i * j->sa1 * (intptr_t)size, j->sa1, j->sa2,
			j->B, j->sb1, j->sb2, j->C + i * j->sc1 * (intptr_t)size, j->sc1, j->sc2))
		__atomic_store_n(&j->failed, 1, __ATOMIC_RELAXED);
}

int ue_matmul(int dtype, intptr_t M, intptr_t N, intptr_t K,
	      const void *A, intptr_t sa1, intptr_t sa2,
	      const void *B, intptr_t sb1, intptr_t sb2,
	      void *C, intptr_t sc1, intptr_t sc2)
{
	struct matmul_job j = { dtype, 0, M, N, K, MATMUL_PAR_ROWS, sa1, sa2, sb1, sb2, sc1, sc2, A, B, C };
	size_t size = ue_itemsize(dtype), bytes = size * (size_t)M * (size_t)(K + N);
	int threads = ue_threads();

	if ((dtype == UE_FLOAT32 || dtype == UE_FLOAT64) &&
	    ue_gemm(dtype == UE_FLOAT64, M, N, K, A, sa1, sa2, B, sb1, sb2, C, sc1, sc2))
		return 0;
	if (!size || threads < 2 || bytes < MATMUL_PAR_MIN || M < 2 * MATMUL_PAR_ROWS)
		return matmul_rows(dtype, M, N, K, A, sa1, sa2, B, sb1, sb2, C, sc1, sc2);
	ue_parallel((M + j.rows - 1) / j.rows, threads, matmul_chunk, &j);
	/* a chunk without its row buffer: C is a function of A and B alone, so all of it again, on this thread */
	if (j.failed)
		return matmul_rows(dtype, M, N, K, A, sa1, sa2, B, sb1, sb2, C, sc1, sc2);
	return 0;
}

/* products of at most this many multiply-adds go to the threads whole, each on one thread */
#define BATCH_SMALL (1 << 14)
/* products a chunk of a batch holds: at least this many multiply-adds */
#define BATCH_CHUNK (1 << 17)

struct batch_job {
	int dtype, failed;
	intptr_t count, per, M, N, K, sa1, sa2, sb1, sb2, sc1, sc2;
	const char *A, *B;
	char *C;
	const intptr_t *oa, *ob, *oc;
};

static void batch_chunk(void *ctx, intptr_t c, int tid)
{
	struct batch_job *j = ctx;
	intptr_t size = (intptr_t)ue_itemsize(j->dtype), end = (c + 1) * j->per < j->count ? (c + 1) * j->per : j->count;

	(void)tid;
	for (intptr_t i = c * j->per; i < end; i++)
		if (matmul_rows(j->dtype, j->M, j->N, j->K, j->A + j->oa[i] * size, j->sa1, j->sa2,
				j->B + j->ob[i] * size, j->sb1, j->sb2, j->C + j->oc[i] * size, j->sc1, j->sc2))
			__atomic_store_n(&j->failed, 1, __ATOMIC_RELAXED);
}

int ue_matmul_batch(int dtype, intptr_t count, intptr_t M, intptr_t N, intptr_t K,
		    const void *A, const intptr_t *oa, intptr_t sa1, intptr_t sa2,
		    const void *B, const intptr_t *ob, intptr_t sb1, intptr_t sb2,
		    void *C, const intptr_t *oc, intptr_t sc1, intptr_t sc2)
{
	intptr_t size = (intptr_t)ue_itemsize(dtype), work = M * N * (K ? K : 1);

	if (!size)
		return -1;
	if (work <= BATCH_SMALL && count > 1 && ue_threads() > 1) {
		/* small products (not packed, not threaded by ue_matmul): whole ones to each thread */
		struct batch_job j = { dtype, 0, count, (BATCH_CHUNK + work - 1) / work, M, N, K, sa1, sa2, sb1, sb2,
				       sc1, sc2, A, B, C, oa, ob, oc };

		ue_parallel((count + j.per - 1) / j.per, ue_threads(), batch_chunk, &j);
		return j.failed ? -1 : 0;
	}
	for (intptr_t i = 0; i < count; i++)
		if (ue_matmul(dtype, M, N, K, (const char *)A + oa[i] * size, sa1, sa2,
			      (const char *)B + ob[i] * size, sb1, sb2, (char *)C + oc[i] * size, sc1, sc2))
			return -1;
	return 0;
}
