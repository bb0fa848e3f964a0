/* SPDX-License-Identifier: MIT */
/*
 * gemm.c - large float matrix products, packed and register-blocked.
 *
 * matmul.c's row-by-row sums keep a row of C in memory and read all of B
 * for every row of A: a 256 x 256 float32 product took 2.5 ms where
 * numpy's BLAS takes 0.32. Here B is copied once per chunk of columns into
 * panels of 16 columns (k-major, as double), each group of 8 rows of A into
 * one panel of 8 (k-major, as double), and an 8 x 16 block of C is summed
 * in 16 AVX-512 registers over all of K, then converted and stored.
 *
 * Every element still sums its K products in k order from 0, in double:
 * float32 products are exact in double, so the fused multiply-add of the
 * float32 kernel rounds once per addition as matmul.c's loops do; the
 * float64 kernel multiplies, rounds, then adds. Padding rows and columns
 * (zeros) are computed and never stored. Blocks of 64 rows are shared
 * among the worker threads; each block's bytes depend on A and B alone.
 * Products of 8 to 15 columns are taken too, half a panel or more of
 * padding: a stack of 8 x 8 blocks times one 8 x 8 matrix (259200 rows)
 * took 9.6 ms in matmul.c's rows, 5.1 here (numpy 3.4-4.4).
 */
#include <stdlib.h>

#include "engine.h"
#include "gemm.h"
#include "vec512.h"

#define MR 8			/* rows of A per panel, of C per block */
#define NR 16			/* columns of B per panel, of C per block */
#define ROWS_PER_TASK 64	/* rows of C a thread takes at a time */
#define B_CHUNK_BYTES (1 << 20)	/* packed B per chunk of columns: within L2 */
#define K_MOST 8192		/* longer sums keep matmul.c's loops */
#define GEMM_MIN (1 << 15)	/* M * N * K from which packing pays */

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* the 8 x 16 block over K: ap holds 8 values per k, bp 16 */
#define BLOCK(STEP)                                                            \
	do {                                                                   \
		__m512d c[MR][2];                                              \
		intptr_t k;                                                    \
		int r;                                                         \
		_Pragma("GCC unroll 8") for (r = 0; r < MR; r++)               \
			c[r][0] = c[r][1] = _mm512_setzero_pd();               \
		for (k = 0; k < K; k++, ap += MR, bp += NR) {                  \
			__m512d b0 = _mm512_loadu_pd(bp), b1 = _mm512_loadu_pd(bp + 8); \
			_Pragma("GCC unroll 8") for (r = 0; r < MR; r++) {     \
				__m512d a = _mm512_set1_pd(ap[r]);             \
				c[r][0] = STEP(a, b0, c[r][0]);                \
				c[r][1] = STEP(a, b1, c[r][1]);                \
			}                                                      \
		}                                                              \
		_Pragma("GCC unroll 8") for (r = 0; r < MR; r++) {             \
			_mm512_storeu_pd(out + r * NR, c[r][0]);               \
			_mm512_storeu_pd(out + r * NR + 8, c[r][1]);           \
		}                                                              \
	} while (0)

#define FUSED(a, b, c) _mm512_fmadd_pd(a, b, c)
#define ROUNDED(a, b, c) _mm512_add_pd(c, _mm512_mul_pd(a, b))

V512_TARGET static void block_f32(intptr_t K, const double *ap, const double *bp, double *out)
{
	BLOCK(FUSED);
}

V512_TARGET static void block_f64(intptr_t K, const double *ap, const double *bp, double *out)
{
	BLOCK(ROUNDED);
}

struct gemm_job {
	int f64;
	intptr_t M, N, K, j0, nc;	/* this chunk: columns [j0, j0 + nc) */
	const char *A;
	intptr_t sa1, sa2;
	const double *bp;		/* the chunk's panels, K * NR doubles each */
	char *C;
	intptr_t sc1, sc2;
	int failed;
};

/* rows [i0, i0 + MR) of A (zeros past M) into @ap, k-major */
static void pack_a(const struct gemm_job *j, intptr_t i0, double *ap)
{
	intptr_t r, k;

	for (r = 0; r < MR; r++) {
		intptr_t i = i0 + r;

		if (i >= j->M) {
			for (k = 0; k < j->K; k++)
				ap[k * MR + r] = 0;
		} else if (j->f64) {
			const double *a = (const double *)j->A + i * j->sa1;

			for (k = 0; k < j->K; k++)
				ap[k * MR + r] = a[k * j->sa2];
		} else {
			const float *a = (const float *)j->A + i * j->sa1;

			for (k = 0; k < j->K; k++)
				ap[k * MR + r] = a[k * j->sa2];
		}
	}
}

/* columns [j0, j0 + nc) of B (zeros past N) into panels of NR at @bp */
static void pack_b(int f64, intptr_t N, intptr_t K, const void *B, intptr_t sb1, intptr_t sb2,
		   intptr_t j0, intptr_t nc, double *bp)
{
	intptr_t p, k, c;

	for (p = 0; p < nc; p += NR, bp += K * NR) {
		for (k = 0; k < K; k++) {
			for (c = 0; c < NR; c++) {
				intptr_t col = j0 + p + c;
				double v = 0;

				if (col < N)
					v = f64 ? ((const double *)B)[k * sb1 + col * sb2] :
						  ((const float *)B)[k * sb1 + col * sb2];
				bp[k * NR + c] = v;
			}
		}
	}
}

/* the valid part of an MR x NR block into C at row i0, column col */
static void store_block(const struct gemm_job *j, const double *out, intptr_t i0, intptr_t col)
{
	intptr_t rows = j->M - i0 < MR ? j->M - i0 : MR;
	intptr_t cols = j->N - col < NR ? j->N - col : NR;
	intptr_t r, c;

	for (r = 0; r < rows; r++) {
		intptr_t at = (i0 + r) * j->sc1 + col * j->sc2;

		if (j->f64)
			for (c = 0; c < cols; c++)
				((double *)j->C)[at + c * j->sc2] = out[r * NR + c];
		else
			for (c = 0; c < cols; c++)
				((float *)j->C)[at + c * j->sc2] = (float)out[r * NR + c];
	}
}

/* rows [t * ROWS_PER_TASK, ...) of C for this chunk's columns */
static void gemm_task(void *ctx, intptr_t t, int tid)
{
	struct gemm_job *j = ctx;
	intptr_t i0, i1 = (t + 1) * ROWS_PER_TASK < j->M ? (t + 1) * ROWS_PER_TASK : j->M, p;
	double *ap = malloc((size_t)j->K * MR * sizeof(double));
	double out[MR * NR];

	(void)tid;
	if (!ap) {
		__atomic_store_n(&j->failed, 1, __ATOMIC_RELAXED);
		return;
	}
	for (i0 = t * ROWS_PER_TASK; i0 < i1; i0 += MR) {
		pack_a(j, i0, ap);
		for (p = 0; p < j->nc; p += NR) {
			if (j->f64)
				block_f64(j->K, ap, j->bp + p * j->K, out);
			else
				block_f32(j->K, ap, j->bp + p * j->K, out);
			store_block(j, out, i0, j->j0 + p);
		}
	}
	free(ap);
}

int ue_gemm_takes(intptr_t M, intptr_t N, intptr_t K)
{
	return v512_cpu() && M >= MR && N >= NR / 2 && K >= 8 && K <= K_MOST &&
	       (double)M * (double)N * (double)K >= GEMM_MIN;
}

int ue_gemm(int f64, intptr_t M, intptr_t N, intptr_t K,
	    const void *A, intptr_t sa1, intptr_t sa2,
	    const void *B, intptr_t sb1, intptr_t sb2,
	    void *C, intptr_t sc1, intptr_t sc2)
{
	struct gemm_job j = { f64, M, N, K, 0, 0, A, sa1, sa2, NULL, C, sc1, sc2, 0 };
	intptr_t nc, tasks;
	double *bp;

	if (!ue_gemm_takes(M, N, K))
		return 0;
	/* (K >= 8 from here: the chunk's width divides by it) */
	nc = B_CHUNK_BYTES / (K * NR * (intptr_t)sizeof(double)) * NR;
	if (nc < NR)
		nc = NR;
	if (nc > (N + NR - 1) / NR * NR)
		nc = (N + NR - 1) / NR * NR;
	bp = malloc((size_t)nc * (size_t)K * sizeof(double));
	if (!bp)
		return 0;
	j.bp = bp;
	tasks = (M + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
	for (j.j0 = 0; j.j0 < N && !j.failed; j.j0 += nc) {
		j.nc = N - j.j0 < nc ? (N - j.j0 + NR - 1) / NR * NR : nc;
		pack_b(f64, N, K, B, sb1, sb2, j.j0, j.nc, bp);
		ue_parallel(tasks, ue_threads(), gemm_task, &j);
	}
	free(bp);
	/* a task without its panel: C is a function of A and B alone, so the caller redoes all of it */
	return !j.failed;
}

#else

int ue_gemm_takes(intptr_t M, intptr_t N, intptr_t K)
{
	(void)M;
	(void)N;
	(void)K;
	return 0;
}

int ue_gemm(int f64, intptr_t M, intptr_t N, intptr_t K,
	    const void *A, intptr_t sa1, intptr_t sa2,
	    const void *B, intptr_t sb1, intptr_t sb2,
	    void *C, intptr_t sc1, intptr_t sc2)
{
	(void)f64, (void)M, (void)N, (void)K, (void)A, (void)sa1, (void)sa2;
	(void)B, (void)sb1, (void)sb2, (void)C, (void)sc1, (void)sc2;
	return 0;
}

#endif
