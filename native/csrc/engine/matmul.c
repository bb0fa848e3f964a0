/* SPDX-License-Identifier: MIT */
/*
 * matmul.c - C = A B row by row: for each row of A, a row of sums is
 * accumulated over k in order (acc[j] += A[i,k] * B[k,j]), so the inner
 * loop runs along a row of B (vectorised when B's rows are contiguous) and
 * every element's sum has the same order as a plain dot product.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "matmul.h"

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

#define AS_DOUBLE(v) ((double)(v))
#define AS_U64(v) ((uint64_t)(v))
#define AS_S64(v) ((uint64_t)(int64_t)(v))

int ue_matmul(int dtype, intptr_t M, intptr_t N, intptr_t K,
	      const void *A, intptr_t sa1, intptr_t sa2,
	      const void *B, intptr_t sb1, intptr_t sb2,
	      void *C, intptr_t sc1, intptr_t sc2)
{
	switch (dtype) {
	case UE_FLOAT64:
		ROWS(double, double, AS_DOUBLE, (double));
		return 0;
	case UE_FLOAT32:
		ROWS(float, double, AS_DOUBLE, (float));
		return 0;
	/* integers: products and sums modulo 2**64, stored modulo the width */
	case UE_INT8:
		ROWS(int8_t, uint64_t, AS_S64, (int8_t));
		return 0;
	case UE_UINT8:
		ROWS(uint8_t, uint64_t, AS_U64, (uint8_t));
		return 0;
	case UE_INT16:
		ROWS(int16_t, uint64_t, AS_S64, (int16_t));
		return 0;
	case UE_UINT16:
		ROWS(uint16_t, uint64_t, AS_U64, (uint16_t));
		return 0;
	case UE_INT32:
		ROWS(int32_t, uint64_t, AS_S64, (int32_t));
		return 0;
	case UE_UINT32:
		ROWS(uint32_t, uint64_t, AS_U64, (uint32_t));
		return 0;
	case UE_INT64:
		ROWS(int64_t, uint64_t, AS_S64, (int64_t));
		return 0;
	case UE_UINT64:
		ROWS(uint64_t, uint64_t, AS_U64, (uint64_t));
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
