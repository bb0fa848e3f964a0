/* SPDX-License-Identifier: MIT */
/*
 * matmul.h - one matrix product C = A B over strided operands, the kernel
 * of np's matmul/dot/inner/tensordot.
 */
#ifndef UE_MATMUL_H
#define UE_MATMUL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * C[M,N] = A[M,K] B[K,N] for operands of dtype @dtype (enum ue_dtype),
 * strides in elements (any sign), pointers at element [0,0]. Each C
 * element sums its K products in order: floats in double (float32 rounded
 * once at the end), integers modulo 2**64 (numpy's wraparound once stored
 * in the dtype), bool as any(a and b). C must not overlap A or B. 0, or
 * -1 for an unknown dtype or when the row buffer cannot be had.
 */
int ue_matmul(int dtype, intptr_t M, intptr_t N, intptr_t K,
	      const void *A, intptr_t sa1, intptr_t sa2,
	      const void *B, intptr_t sb1, intptr_t sb2,
	      void *C, intptr_t sc1, intptr_t sc2);

/*
 * @count products of the same shapes (a stack of matrices, numpy's
 * batched matmul) in one call: product i reads A and B and writes C at
 * element offsets @oa[i], @ob[i] and @oc[i] from the given pointers, with
 * the strides of ue_matmul. The JavaScript loop made one call per product:
 * 32400 products of 8 x 8 blocks took 42 ms (numpy 10). 0, or -1 as
 * ue_matmul.
 */
int ue_matmul_batch(int dtype, intptr_t count, intptr_t M, intptr_t N, intptr_t K,
		    const void *A, const intptr_t *oa, intptr_t sa1, intptr_t sa2,
		    const void *B, const intptr_t *ob, intptr_t sb1, intptr_t sb2,
		    void *C, const intptr_t *oc, intptr_t sc1, intptr_t sc2);

#ifdef __cplusplus
}
#endif

#endif
