// Binding of the n-d ufunc engine (csrc/engine/): one call per operation.
//
// ufunc(scratch, op0, op1, ...) runs one registered loop over n-d strided
// operands. The call's description travels in `scratch`, a Float64Array the
// JavaScript side reuses for every call (no objects are made per call):
//
//   [0] loop index (ufuncLoop), [1] nin, [2] nout, [3] ndim, [4] 1 if a
//   where= mask follows the outputs, [5 .. 5+ndim) the shape, then per
//   operand: dtype code, offset (elements), ndim strides (elements).
//
// The operands are the typed arrays themselves; every element the strides
// reach is checked to lie inside its typed array before anything runs.
// The engine's state is the loop table, fixed at load, and its pool of
// worker threads (csrc/engine/pool.c), which one call uses at a time (a
// call from another worker_thread meanwhile runs alone): safe in worker threads.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <sched.h>
#include <sys/mman.h>

#include "addon.h"
#include "engine/engine.h"

namespace udmabuf {

namespace {

constexpr int kMaxArgs = UE_MAXOPS + 1;

napi_value Throw(napi_env env, const char* code, const char* msg) {
  napi_throw_range_error(env, code, msg);
  return nullptr;
}

napi_value UfuncRun(napi_env env, napi_callback_info cbinfo) {
  size_t argc = kMaxArgs;
  napi_value argv[kMaxArgs];
  if (napi_get_cb_info(env, cbinfo, &argc, argv, nullptr, nullptr) != napi_ok) return nullptr;
  if (argc < 2) return Throw(env, "EINVAL", "ufunc(scratch, ...operands) needs its arguments");

  napi_typedarray_type type;
  size_t length;
  void* raw;
  if (napi_get_typedarray_info(env, argv[0], &type, &length, &raw, nullptr, nullptr) != napi_ok ||
      type != napi_float64_array) {
    return Throw(env, "EINVAL", "ufunc: the scratch must be a Float64Array");
  }
  const double* s = static_cast<const double*>(raw);
  if (length < 5) return Throw(env, "EINVAL", "ufunc: scratch too short");
  const ue_loop* loop = ue_loop_at(static_cast<int>(s[0]));
  int nin = static_cast<int>(s[1]), nout = static_cast<int>(s[2]), ndim = static_cast<int>(s[3]);
  // s[4]: bit 0 a where= mask follows the operands, bit 1 the outputs are new results (UE_OP_FRESH)
  int flags = static_cast<int>(s[4]);
  int has_where = flags & 1;
  unsigned fresh = (flags & 2) ? UE_OP_FRESH : 0u;
  int nop = nin + nout;
  if (!loop) return Throw(env, "EINVAL", "ufunc: no such loop");
  if (nin < 0 || nout < 1 || nop + has_where > UE_MAXOPS || ndim < 0 || ndim > UE_MAXDIMS) {
    return Throw(env, "EINVAL", "ufunc: bad operand or dimension count");
  }
  size_t need = 5 + static_cast<size_t>(ndim) + static_cast<size_t>(nop + has_where) * (2 + static_cast<size_t>(ndim));
  if (length < need || argc < static_cast<size_t>(1 + nop + has_where)) {
    return Throw(env, "EINVAL", "ufunc: scratch or operands missing");
  }
  intptr_t shape[UE_MAXDIMS];
  bool empty = false;
  for (int d = 0; d < ndim; d++) {
    shape[d] = static_cast<intptr_t>(s[5 + d]);
    if (shape[d] < 0) return Throw(env, "EINVAL", "ufunc: negative dimension");
    if (shape[d] == 0) empty = true;
  }
  ue_operand ops[UE_MAXOPS];
  for (int k = 0; k < nop + has_where; k++) {
    const double* o = s + 5 + ndim + k * (2 + ndim);
    int dtype = static_cast<int>(o[0]);
    size_t itemsize = ue_itemsize(dtype);
    napi_typedarray_type ta;
    size_t len;
    void* data;
    if (napi_get_typedarray_info(env, argv[1 + k], &ta, &len, &data, nullptr, nullptr) != napi_ok) {
      return Throw(env, "EINVAL", "ufunc: an operand is not a typed array");
    }
    static const unsigned char kSize[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 8};
    // napi_typedarray_type order: int8, uint8, uint8_clamped, int16, uint16, int32, uint32,
    // float32, float64, bigint64, biguint64
    if (itemsize == 0 || static_cast<size_t>(ta) >= sizeof(kSize) || kSize[ta] != itemsize) {
      return Throw(env, "EINVAL", "ufunc: an operand's typed array does not match its dtype");
    }
    double lo = o[1], hi = o[1];
    for (int d = 0; d < ndim; d++) {
      double span = o[2 + d] * static_cast<double>(shape[d] - 1);
      if (span < 0) lo += span; else hi += span;
      ops[k].strides[d] = static_cast<intptr_t>(o[2 + d]) * static_cast<intptr_t>(itemsize);
    }
    if (!empty && (lo < 0 || hi >= static_cast<double>(len))) {
      return Throw(env, "ERANGE", "ufunc: an operand's strides reach outside its typed array");
    }
    ops[k].data = static_cast<char*>(data) + static_cast<intptr_t>(o[1]) * static_cast<intptr_t>(itemsize);
    ops[k].dtype = dtype;
    ops[k].flags = k >= nin && k < nop ? fresh : 0u;
  }
  if (empty) return nullptr;
  int err = ue_iterate(loop, nin, nout, ops, ndim, shape, has_where ? &ops[nop] : nullptr);
  if (err == UE_ENOMEM) return Throw(env, "ENOMEM", "ufunc: out of memory for the engine's buffers");
  if (err) return Throw(env, "EINVAL", "ufunc: the engine refused the call");
  return nullptr;
}

// ufuncLoop(name, sig): the loop's index, or -1.
napi_value UfuncLoop(napi_env env, napi_callback_info cbinfo) {
  size_t argc = 2;
  napi_value argv[2];
  char name[64], sig[32];
  size_t n;
  napi_value result;
  if (napi_get_cb_info(env, cbinfo, &argc, argv, nullptr, nullptr) != napi_ok) return nullptr;
  if (argc < 2 || napi_get_value_string_utf8(env, argv[0], name, sizeof(name), &n) != napi_ok ||
      napi_get_value_string_utf8(env, argv[1], sig, sizeof(sig), &n) != napi_ok) {
    napi_throw_type_error(env, "EINVAL", "ufuncLoop(name, sig) takes two strings");
    return nullptr;
  }
  napi_create_int32(env, ue_loop_index(name, sig), &result);
  return result;
}

// adviseHuge(typedArray): ask for transparent huge pages over the 2 MiB
// aligned interior of a new, large result (numpy does it for every
// allocation of 4 MiB or more): a page fault then maps 2 MiB, not 4 KiB.
napi_value AdviseHuge(napi_env env, napi_callback_info cbinfo) {
  size_t argc = 1;
  napi_value argv[1];
  void* data;
  size_t len;
  napi_typedarray_type type;
  if (napi_get_cb_info(env, cbinfo, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1 ||
      napi_get_typedarray_info(env, argv[0], &type, &len, &data, nullptr, nullptr) != napi_ok) {
    return nullptr;
  }
#if defined(MADV_HUGEPAGE)
  static const size_t kSize[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 8};
  size_t bytes = len * (static_cast<size_t>(type) < sizeof(kSize) ? kSize[type] : 1);
  const uintptr_t huge = 2u << 20;
  uintptr_t lo = (reinterpret_cast<uintptr_t>(data) + huge - 1) & ~(huge - 1);
  uintptr_t hi = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(huge - 1);
  if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#endif
  return nullptr;
}

// engineThreads([n]): the threads large element-wise calls are shared among;
// with n, sets it (1 runs everything on the calling thread) and returns the old count.
napi_value EngineThreads(napi_env env, napi_callback_info cbinfo) {
  size_t argc = 1;
  napi_value argv[1], result;
  int32_t n = 0;
  if (napi_get_cb_info(env, cbinfo, &argc, argv, nullptr, nullptr) != napi_ok) return nullptr;
  int old = ue_threads();
  if (argc >= 1) {
    if (napi_get_value_int32(env, argv[0], &n) != napi_ok || n < 1 || n > UE_MAXTHREADS) {
      napi_throw_range_error(env, "EINVAL", "engineThreads(n): n must be an integer from 1 to 8");
      return nullptr;
    }
    ue_set_threads(n);
  }
  napi_create_int32(env, old, &result);
  return result;
}

// enginePoolJobs(): how many calls so far were shared with the worker threads.
napi_value EnginePoolJobs(napi_env env, napi_callback_info) {
  napi_value result;
  napi_create_double(env, static_cast<double>(ue_pool_jobs()), &result);
  return result;
}

// The default thread count: the CPUs this process may run on, at most 4
// (memory-bound loops gain little past that). UDMABUF_THREADS=<1-8>
// overrides it; another value is reported on stderr and the default kept.
int DefaultThreads() {
  cpu_set_t set;
  int n = sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set) : 1;
  n = n < 1 ? 1 : n > 4 ? 4 : n;
  const char* env = getenv("UDMABUF_THREADS");
  if (env == nullptr || *env == '\0') return n;
  char* end;
  long want = strtol(env, &end, 10);
  if (*end != '\0' || want < 1 || want > UE_MAXTHREADS) {
    fprintf(stderr, "u-dma-buf: UDMABUF_THREADS=%s is not a thread count from 1 to %d; using %d\n", env, UE_MAXTHREADS, n);
    return n;
  }
  return static_cast<int>(want);
}

napi_value EngineFeatures(napi_env env, napi_callback_info) {
  napi_value result;
  napi_create_string_utf8(env, ue_cpu_features(), NAPI_AUTO_LENGTH, &result);
  return result;
}

void Define(napi_env env, napi_value exports, const char* name, napi_callback cb) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, nullptr, &fn);
  napi_set_named_property(env, exports, name, fn);
}

}  // namespace

void InitEngine(Napi::Env env, Napi::Object exports) {
#if defined(__GLIBC__)
  // Large results: numpy's arrays come from malloc, and glibc's dynamic
  // thresholds soon serve repeated 8 MiB allocations from memory already
  // faulted in. Here results are freed only when V8 collects them, many at
  // once, and glibc then trims the heap and maps fresh pages for the next
  // ones (a page fault per 4 KiB: 2-20 ms per 8 MiB result, measured).
  // Keep big blocks on the heap and freed memory for reuse instead.
  // On 64-bit, blocks above glibc's largest mmap threshold (32 MiB: a cast
  // of 8 MiB of uint8 to int32, a float64 image) come from the heap too:
  // mapped fresh, each cost a fault and the kernel's zeroing of every page
  // (u8 -> int32 of 8M elements 3.4 ms against 0.85 from reused memory;
  // numpy pays the same 3.2). glibc still maps when the heap cannot grow.
  // This is process-wide: UDMABUF_MALLOC_TUNING=0 leaves glibc's defaults
  // (a board short of memory may prefer them; README "np and memory").
  const char* tuning = getenv("UDMABUF_MALLOC_TUNING");
  if (tuning == nullptr || strcmp(tuning, "0") != 0) {
    mallopt(M_MMAP_THRESHOLD, sizeof(void*) == 8 ? 32 << 20 : 4 << 20);
    mallopt(M_TRIM_THRESHOLD, sizeof(void*) == 8 ? 256 << 20 : 64 << 20);
    if (sizeof(void*) == 8) mallopt(M_MMAP_MAX, 0);
  }
#endif
  // UDMABUF_STREAM_MIN: the size (bytes) from which new results are written past the caches; 0 never
  const char* stream = getenv("UDMABUF_STREAM_MIN");
  if (stream != nullptr && *stream != '\0') ue_set_stream_min(static_cast<size_t>(strtoull(stream, nullptr, 10)));
  ue_set_threads(DefaultThreads());
  Define(env, exports, "ufunc", UfuncRun);
  Define(env, exports, "ufuncLoop", UfuncLoop);
  Define(env, exports, "engineFeatures", EngineFeatures);
  Define(env, exports, "adviseHuge", AdviseHuge);
  Define(env, exports, "engineThreads", EngineThreads);
  Define(env, exports, "enginePoolJobs", EnginePoolJobs);
}

}  // namespace udmabuf
