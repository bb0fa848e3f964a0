/* SPDX-License-Identifier: MIT */
/*
 * gemm.h - large float matrix products on AVX-512: both operands packed into
 * double panels, 8 x 16 blocks of C summed in registers.
 */
#ifndef UE_GEMM_H
#define UE_GEMM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * C[M,N] = A[M,K] B[K,N] for float32 (@f64 0) or float64 (@f64 1)
 * operands, strides in elements (any sign), pointers at element [0,0].
 * Each element's K products are summed in k order from 0 in double, as
 * matmul.c's other paths sum them (a float32 product is exact in double,
 * so a fused multiply-add gives the same sums; float64 products are
 * rounded before each addition), so the bytes do not depend on the path.
 * Returns 1 when it did the product, 0 when it does not take it (no
 * AVX-512, too small, K too long for its panels, no memory): the caller
 * then runs its own loops. C must not overlap A or B.
 */
int ue_gemm(int f64, intptr_t M, intptr_t N, intptr_t K,
	    const void *A, intptr_t sa1, intptr_t sa2,
	    const void *B, intptr_t sb1, intptr_t sb2,
	    void *C, intptr_t sc1, intptr_t sc2);

/* Whether ue_gemm would take a product of these sizes on this CPU. */
int ue_gemm_takes(intptr_t M, intptr_t N, intptr_t K);

#ifdef __cplusplus
}
#endif

#endif
