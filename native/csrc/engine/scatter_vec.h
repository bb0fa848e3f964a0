/* SPDX-License-Identifier: MIT */
/*
 * scatter_vec.h - the AVX-512 scatters of scatter_vec.c.
 */
#ifndef UE_SCATTER_VEC_H
#define UE_SCATTER_VEC_H

#include "types.h"

/* The AVX-512 scatter of 1/2/4/8-byte items to every `ratio`-th (2-4) item; NULL where the CPU lacks it. */
ue_gather_fn sv_scatter(size_t itemsize, intptr_t ratio);

#endif
