// Binding of the sorts (csrc/engine/sort.c): one Node-API call sorts one
// contiguous lane. lib/np/sortnative.ts passes typed arrays that cover
// exactly the elements of the lane, with the engine's dtype code.
//   sort(dtype, values)             sorts values in place
//   argsort(dtype, values, out)     out: BigInt64Array or Int32Array of the same length
//   sortLanes(dtype, values, n)     sorts each lane of n elements of values (its length a multiple of n)
//   argsortLanes(dtype, values, n, out)
//                                   each lane's permutation (lane-relative) into out, as argsort
//   sortAxis(dtype, values, pre, n, post)
//                                   sorts values (C order, shape (pre, n, post)) along its middle axis in
//                                   place; false when the engine has no network for it (nothing changed)
//   argsortAxis(dtype, values, pre, n, post, out)
//                                   the permutations along the middle axis into out (same layout), as argsort
//   intRange(dtype, values)         [least, greatest] of an integer lane (numbers), or null if empty
//   bincount(dtype, values, out)    out[v] = how often v occurs (BigInt64Array/Int32Array; values < its length)
//   bincountWeights(dtype, values, weights, out)
//                                   out[v] += weights[i] for each value v = values[i], in order (weights
//                                   and out Float64Arrays; values < out.length, as bincount)
//   maskCompress(values, mask, out)  the values whose mask byte (a Uint8Array as long) is nonzero, in order, into
//                                   out (the values' type, as long as the nonzero count); returns how many
//   nonzero(flags, shape, outs)     the indices of the nonzero bytes of flags (a Uint8Array in C order of
//                                   shape) along each axis into outs[d] (BigInt64Array/Int32Array, one
//                                   per axis, all of one type and length); returns how many
//   searchsorted(keys, dtype, values, right, out)
//                                   out[i] = how many of the ascending NaN-free keys (a Float64Array) are
//                                   below values[i] (right: not above it); out a BigInt64Array or
//                                   Int32Array as long as values
//   take(src, idxDtype, idx, out, pre, n, post, mode)
//                                   out[p, k, q] = src[p, idx[k], q]: src holds (pre, n, post) elements,
//                                   out (pre, idx.length, post) of the same size, idx integers of the
//                                   dtype code; mode 0 raise, 1 wrap, 2 clip. Returns -1, or the
//                                   position of the first index out of range (mode raise: nothing written)
//   histUniform(values, offset, step, n, first, last, denom, denomSingle, edges, counts)
//                                   adds to counts (a Float64Array, one per bin) the equal-width bins of n
//                                   float values, values[offset + i * step] (step may be negative), by
//                                   numpy's steps; edges (bins + 1) of the values' type
//   fillRange(values, from, first, delta)
//                                   values[i] = first + i * delta for i >= from, in the precision of values
//                                   (a Float32Array or Float64Array), as numpy's arange fill
#include "addon.h"

#include <vector>

extern "C" {
#include "engine/engine.h"
#include "engine/count.h"
#include "engine/sort.h"
#include "engine/take.h"
#include "engine/range.h"
#include "engine/hist.h"
}

namespace udmabuf {

namespace {

bool GetLane(const Napi::CallbackInfo& info, size_t i, void** data, size_t* length, size_t* itemsize) {
  if (!info[i].IsTypedArray()) {
    Napi::TypeError::New(info.Env(), "expected a typed array").ThrowAsJavaScriptException();
    return false;
  }
  Napi::TypedArray ta = info[i].As<Napi::TypedArray>();
  *data = static_cast<uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
  *length = ta.ElementLength();
  *itemsize = ta.ElementSize();
  return true;
}

// pre * n * post into *r, false on overflow.
bool Product3(size_t pre, size_t n, size_t post, size_t* r) {
  return !__builtin_mul_overflow(pre, n, r) && !__builtin_mul_overflow(*r, post, r);
}

// The lane length (argument i): at least 1, and a divisor of the element count.
bool GetLaneLength(const Napi::CallbackInfo& info, size_t i, size_t count, size_t* n) {
  double v;
  if (!GetUint(info, i, "lane length", 9007199254740991.0, &v)) return false;
  *n = static_cast<size_t>(v);
  if (*n == 0 || count % *n != 0) {
    Napi::RangeError::New(info.Env(), "the lane length must divide the number of elements").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

// The (pre, n, post) shape of arguments i..i+2, whose product must be the element count.
bool GetAxisShape(const Napi::CallbackInfo& info, size_t i, size_t count, size_t* pre, size_t* n, size_t* post) {
  double v[3];
  size_t want;
  for (size_t k = 0; k < 3; k++) {
    if (!GetUint(info, i + k, k == 0 ? "pre" : k == 1 ? "n" : "post", 9007199254740991.0, &v[k])) return false;
  }
  *pre = static_cast<size_t>(v[0]);
  *n = static_cast<size_t>(v[1]);
  *post = static_cast<size_t>(v[2]);
  if (!Product3(*pre, *n, *post, &want) || want != count) {
    Napi::RangeError::New(info.Env(), "pre * n * post must be the number of elements").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

// Bytes per element of each dtype code, in enum ue_dtype's order.
const size_t kItemSize[UE_NTYPES] = {1, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8};

bool GetDType(const Napi::CallbackInfo& info, size_t itemsize, int* dtype) {
  double t;
  if (!GetUint(info, 0, "dtype code", UE_NTYPES - 1, &t)) return false;
  *dtype = static_cast<int>(t);
  if (kItemSize[*dtype] != itemsize) {
    Napi::TypeError::New(info.Env(), "the typed array does not hold the dtype's elements").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

}  // namespace

Napi::Value Sort(const Napi::CallbackInfo& info) {
  if (!CheckArgs(info, 2, "sort(dtype, values)")) return info.Env().Undefined();
  void* data;
  size_t n, size;
  int dtype;
  if (!GetLane(info, 1, &data, &n, &size) || !GetDType(info, size, &dtype)) return info.Env().Undefined();
  if (ue_sort(dtype, data, n) != 0) {
    Napi::RangeError::New(info.Env(), "sort: out of memory for the scratch buffer").ThrowAsJavaScriptException();
  }
  return info.Env().Undefined();
}

Napi::Value Argsort(const Napi::CallbackInfo& info) {
  if (!CheckArgs(info, 3, "argsort(dtype, values, out)")) return info.Env().Undefined();
  void* data;
  void* out;
  size_t n, size, m, outsize;
  int dtype;
  if (!GetLane(info, 1, &data, &n, &size) || !GetDType(info, size, &dtype)) return info.Env().Undefined();
  if (!GetLane(info, 2, &out, &m, &outsize)) return info.Env().Undefined();
  if (m != n || (outsize != 4 && outsize != 8)) {
    Napi::RangeError::New(info.Env(), "argsort: out must be an int32/int64 array of the lane's length").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  if (ue_argsort(dtype, data, n, out, outsize == 8) != 0) {
    Napi::RangeError::New(info.Env(), "argsort: out of memory for the scratch buffers").ThrowAsJavaScriptException();
  }
  return info.Env().Undefined();
}

Napi::Value SortLanes(const Napi::CallbackInfo& info) {
  if (!CheckArgs(info, 3, "sortLanes(dtype, values, n)")) return info.Env().Undefined();
  void* data;
  size_t count, size, n;
  int dtype;
  if (!GetLane(info, 1, &data, &count, &size) || !GetDType(info, size, &dtype)) return info.Env().Undefined();
  if (!GetLaneLength(info, 2, count, &n)) return info.Env().Undefined();
  if (count && ue_sort_lanes(dtype, data, n, count / n) != 0) {
    Napi::RangeError::New(info.Env(), "sortLanes: out of memory for the scratch buffer").ThrowAsJavaScriptException();
  }
  return info.Env().Undefined();
}

Napi::Value ArgsortLanes(const Napi::CallbackInfo& info) {
  if (!CheckArgs(info, 4, "argsortLanes(dtype, values, n, out)")) return info.Env().Undefined();
  void* data;
  void* out;
  size_t count, size, n, m, outsize;
  int dtype;
  if (!GetLane(info, 1, &data, &count, &size) || !GetDType(info, size, &dtype)) return info.Env().Undefined();
  if (!GetLaneLength(info, 2, count, &n) || !GetLane(info, 3, &out, &m, &outsize)) return info.Env().Undefined();
  if (m != count || (outsize != 4 && outsize != 8) || n > 0xffffffffu) {
    Napi::RangeError::New(info.Env(), "argsortLanes: out must be an int32/int64 array as long as values").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  if (count && ue_argsort_lanes(dtype, data, n, count / n, out, outsize == 8) != 0) {
    Napi::RangeError::New(info.Env(), "argsortLanes: out of memory for the scratch buffers").ThrowAsJavaScriptException();
  }
  return info.Env().Undefined();
}

Napi::Value SortAxis(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 5, "sortAxis(dtype, values, pre, n, post)")) return env.Undefined();
  void* data;
  size_t count, size, pre, n, post;
  int dtype;
  if (!GetLane(info, 1, &data, &count, &size) || !GetDType(info, size, &dtype)) return env.Undefined();
  if (!GetAxisShape(info, 2, count, &pre, &n, &post)) return env.Undefined();
  return Napi::Boolean::New(env, count == 0 || ue_sort_axis(dtype, data, pre, n, post) == 0);
}

Napi::Value ArgsortAxis(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 6, "argsortAxis(dtype, values, pre, n, post, out)")) return env.Undefined();
  void* data;
  void* out;
  size_t count, size, pre, n, post, m, outsize;
  int dtype;
  if (!GetLane(info, 1, &data, &count, &size) || !GetDType(info, size, &dtype)) return env.Undefined();
  if (!GetAxisShape(info, 2, count, &pre, &n, &post) || !GetLane(info, 5, &out, &m, &outsize)) return env.Undefined();
  if (m != count || (outsize != 4 && outsize != 8)) {
    Napi::RangeError::New(env, "argsortAxis: out must be an int32/int64 array as long as values").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  return Napi::Boolean::New(env, count == 0 || ue_argsort_axis(dtype, data, pre, n, post, out, outsize == 8) == 0);
}

Napi::Value IntRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 2, "intRange(dtype, values)")) return env.Undefined();
  void* data;
  size_t n, size;
  int dtype;
  int64_t lo, hi;
  if (!GetLane(info, 1, &data, &n, &size) || !GetDType(info, size, &dtype)) return env.Undefined();
  if (!n) return env.Null();
  if (ue_int_range(dtype, data, n, &lo, &hi) != 0) {
    Napi::TypeError::New(env, "intRange: the dtype is not an integer type").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Array r = Napi::Array::New(env, 2);
  r.Set(0u, Napi::Number::New(env, static_cast<double>(lo)));
  r.Set(1u, Napi::Number::New(env, static_cast<double>(hi)));
  return r;
}

// Whether two byte ranges share a byte.
bool Overlap(const void* a, size_t abytes, const void* b, size_t bbytes) {
  uintptr_t a0 = reinterpret_cast<uintptr_t>(a), b0 = reinterpret_cast<uintptr_t>(b);
  return abytes && bbytes && a0 < b0 + bbytes && b0 < a0 + abytes;
}

// The values index an output of len entries: each must be an integer in [0, len). Throws for `name` if not.
bool ValuesIndex(const Napi::Env& env, const char* name, int dtype, const void* data, size_t n, size_t len) {
  int64_t lo, hi;
  if (n && ue_int_range(dtype, data, n, &lo, &hi) != 0) {
    Napi::TypeError::New(env, std::string(name) + ": the values must be integers or bool").ThrowAsJavaScriptException();
    return false;
  }
  if (n && (lo < 0 || static_cast<uint64_t>(hi) >= len)) {
    Napi::RangeError::New(env, std::string(name) + ": a value is negative or not below the length of out").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

Napi::Value Bincount(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 3, "bincount(dtype, values, out)")) return env.Undefined();
  void* data;
  void* out;
  size_t n, size, len, outsize;
  int dtype;
  if (!GetLane(info, 1, &data, &n, &size) || !GetDType(info, size, &dtype)) return env.Undefined();
  if (!GetLane(info, 2, &out, &len, &outsize)) return env.Undefined();
  // the counts are indexed by the values: check them here, whatever the caller did
  if (outsize != 4 && outsize != 8) {
    Napi::RangeError::New(env, "bincount: out must be an int32/int64 array").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  // counting into the values would change them after the range check
  if (Overlap(data, n * size, out, len * outsize)) {
    Napi::RangeError::New(env, "bincount: out overlaps the values").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!ValuesIndex(env, "bincount", dtype, data, n, len)) return env.Undefined();
  ue_bincount(dtype, data, n, out, len, outsize == 8);
  return env.Undefined();
}

Napi::Value BincountWeights(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 4, "bincountWeights(dtype, values, weights, out)")) return env.Undefined();
  void *data, *w, *out;
  size_t n, size, nw, wsize, len, outsize;
  int dtype;
  if (!GetLane(info, 1, &data, &n, &size) || !GetDType(info, size, &dtype) || !GetLane(info, 2, &w, &nw, &wsize) ||
      !GetLane(info, 3, &out, &len, &outsize)) {
    return env.Undefined();
  }
  if (info[2].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
      info[3].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array || nw != n) {
    Napi::RangeError::New(env, "bincountWeights: one float64 weight per value, float64 sums").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  // the sums are indexed by the values: check them here, whatever the caller did
  if (Overlap(data, n * size, out, len * outsize) || Overlap(w, nw * wsize, out, len * outsize)) {
    Napi::RangeError::New(env, "bincountWeights: out overlaps the values or the weights").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!ValuesIndex(env, "bincountWeights", dtype, data, n, len)) return env.Undefined();
  ue_bincount_weighted(dtype, data, n, static_cast<const double*>(w), static_cast<double*>(out), len);
  return env.Undefined();
}

Napi::Value MaskCompress(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 3, "maskCompress(values, mask, out)")) return env.Undefined();
  void *data, *mask, *out;
  size_t n, size, nm, msize, nout, osize;
  if (!GetLane(info, 0, &data, &n, &size) || !GetLane(info, 1, &mask, &nm, &msize) ||
      !GetLane(info, 2, &out, &nout, &osize)) {
    return env.Undefined();
  }
  if (msize != 1 || nm != n || osize != size || nout > n) {
    Napi::RangeError::New(env, "maskCompress: a byte mask as long as the values, out of their type and no longer")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (Overlap(data, n * size, out, nout * osize) || Overlap(mask, nm, out, nout * osize)) {
    Napi::RangeError::New(env, "maskCompress: out overlaps the values or the mask").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  intptr_t k = ue_mask_compress(data, static_cast<const uint8_t*>(mask), n, size, out, nout);
  return Napi::Number::New(env, static_cast<double>(k));
}

Napi::Value Nonzero(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 3, "nonzero(flags, shape, outs)")) return env.Undefined();
  void* flags;
  size_t n, size;
  if (!GetLane(info, 0, &flags, &n, &size)) return env.Undefined();
  if (size != 1 || !info[1].IsArray() || !info[2].IsArray()) {
    Napi::TypeError::New(env, "nonzero: expected a Uint8Array, a shape array and an array of outputs").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Array shapeArg = info[1].As<Napi::Array>();
  Napi::Array outsArg = info[2].As<Napi::Array>();
  uint32_t nd = shapeArg.Length();
  if (nd < 1 || nd > UE_MAXDIMS || outsArg.Length() != nd) {
    Napi::RangeError::New(env, "nonzero: one output per axis, 1 to 32 axes").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  intptr_t shape[UE_MAXDIMS];
  void* outs[UE_MAXDIMS];
  size_t total = 1, cap = 0, outsize = 0;
  for (uint32_t d = 0; d < nd; d++) {
    Napi::Value v = shapeArg.Get(d);
    double x = v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : -1;
    // a whole number that fits intptr_t, and a product that fits size_t
    if (!(x >= 0 && x < static_cast<double>(INTPTR_MAX)) || x != static_cast<double>(static_cast<intptr_t>(x))) {
      Napi::RangeError::New(env, "nonzero: bad shape").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    shape[d] = static_cast<intptr_t>(x);
    if (shape[d] != 0 && total > SIZE_MAX / static_cast<size_t>(shape[d])) {
      Napi::RangeError::New(env, "nonzero: the shape's size overflows").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    total *= static_cast<size_t>(shape[d]);
    Napi::Value o = outsArg.Get(d);
    if (!o.IsTypedArray()) {
      Napi::TypeError::New(env, "nonzero: outputs must be typed arrays").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    Napi::TypedArray ta = o.As<Napi::TypedArray>();
    size_t len = ta.ElementLength(), item = ta.ElementSize();
    if ((item != 4 && item != 8) || (d > 0 && (item != outsize || len != cap))) {
      Napi::RangeError::New(env, "nonzero: the outputs must be int32 or int64 arrays of one length").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    outsize = item;
    cap = len;
    outs[d] = static_cast<uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
  }
  if (total != n) {
    Napi::RangeError::New(env, "nonzero: the shape does not match the flags' length").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  size_t k = ue_nonzero(static_cast<const uint8_t*>(flags), n, static_cast<int>(nd), shape, outs, outsize == 8, cap);
  return Napi::Number::New(env, static_cast<double>(k));
}

}  // namespace udmabuf

namespace udmabuf {

Napi::Value Take(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const double kMaxDim = sizeof(void*) == 8 ? 1e15 : 2147483647.0;  // whole numbers intptr_t holds
  if (!CheckArgs(info, 8, "take(src, idxDtype, idx, out, pre, n, post, mode)")) return env.Undefined();
  void *src, *idx, *out;
  size_t srclen, srcsize, nidx, idxsize, outlen, outsize;
  double dims[3], mode, t;
  if (!GetLane(info, 0, &src, &srclen, &srcsize) || !GetUint(info, 1, "index dtype code", UE_UINT64, &t) ||
      !GetLane(info, 2, &idx, &nidx, &idxsize) || !GetLane(info, 3, &out, &outlen, &outsize) ||
      !GetUint(info, 4, "pre", kMaxDim, &dims[0]) || !GetUint(info, 5, "n", kMaxDim, &dims[1]) ||
      !GetUint(info, 6, "post", kMaxDim, &dims[2]) || !GetUint(info, 7, "mode", UE_TAKE_CLIP, &mode)) {
    return env.Undefined();
  }
  int idxDtype = static_cast<int>(t);
  size_t pre = static_cast<size_t>(dims[0]), n = static_cast<size_t>(dims[1]), post = static_cast<size_t>(dims[2]);
  // the sizes must be the products of the dimensions (checked without overflow)
  size_t want;
  if (kItemSize[idxDtype] != idxsize || srcsize != outsize || !Product3(pre, n, post, &want) || want != srclen ||
      !Product3(pre, nidx, post, &want) || want != outlen) {
    Napi::RangeError::New(env, "take: the arrays do not hold (pre, n, post) and (pre, len(idx), post) elements")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  auto overlaps = [](const void* a, size_t alen, const void* b, size_t blen) {
    uintptr_t a0 = reinterpret_cast<uintptr_t>(a), b0 = reinterpret_cast<uintptr_t>(b);
    return alen && blen && a0 < b0 + blen && b0 < a0 + alen;
  };
  if (overlaps(out, outlen * outsize, src, srclen * srcsize) || overlaps(out, outlen * outsize, idx, nidx * idxsize)) {
    Napi::RangeError::New(env, "take: out overlaps the array or the indices").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  intptr_t bad = -1;
  int r = ue_take(static_cast<const char*>(src), static_cast<intptr_t>(pre), static_cast<intptr_t>(n),
                  static_cast<intptr_t>(post), srcsize, idxDtype, idx, static_cast<intptr_t>(nidx),
                  static_cast<int>(mode), static_cast<char*>(out), &bad);
  if (r < 0) {
    Napi::RangeError::New(env, r == -2 ? "take: out of memory" : "take: bad index dtype or an empty axis")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  return Napi::Number::New(env, r == 1 ? static_cast<double>(bad) : -1.0);
}

}  // namespace udmabuf

namespace udmabuf {

Napi::Value Searchsorted(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 5, "searchsorted(keys, dtype, values, right, out)")) return env.Undefined();
  void *keys, *values, *out;
  size_t n, ksize, m, vsize, outlen, outsize;
  double dtype, right;
  if (!GetLane(info, 0, &keys, &n, &ksize) || !GetUint(info, 1, "dtype code", UE_NTYPES - 1, &dtype) ||
      !GetLane(info, 2, &values, &m, &vsize) || !GetUint(info, 3, "right", 1, &right) ||
      !GetLane(info, 4, &out, &outlen, &outsize)) {
    return env.Undefined();
  }
  if (ksize != 8 || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
      kItemSize[static_cast<int>(dtype)] != vsize || outlen != m || (outsize != 4 && outsize != 8)) {
    Napi::RangeError::New(env, "searchsorted: keys must be a Float64Array, values of the dtype, out as long as values")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  uintptr_t o0 = reinterpret_cast<uintptr_t>(out), v0 = reinterpret_cast<uintptr_t>(values);
  uintptr_t k0 = reinterpret_cast<uintptr_t>(keys);
  if ((o0 < v0 + m * vsize && v0 < o0 + m * outsize) || (o0 < k0 + n * 8 && k0 < o0 + m * outsize)) {
    Napi::RangeError::New(env, "searchsorted: out overlaps the keys or the values").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (ue_searchsorted(static_cast<const double*>(keys), n, static_cast<int>(dtype), values, m, right != 0, out,
                      outsize == 8) != 0) {
    Napi::TypeError::New(env, "searchsorted: values must be bool, integers of up to 32 bits or floats")
        .ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

Napi::Value FillRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 4, "fillRange(values, from, first, delta)")) return env.Undefined();
  void* data;
  size_t length, itemsize;
  double from;
  if (!GetLane(info, 0, &data, &length, &itemsize) || !GetUint(info, 1, "from", 9007199254740991.0, &from)) {
    return env.Undefined();
  }
  if (!info[2].IsNumber() || !info[3].IsNumber()) {
    Napi::TypeError::New(env, "fillRange: first and delta must be numbers").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  napi_typedarray_type type = info[0].As<Napi::TypedArray>().TypedArrayType();
  int dtype = type == napi_float32_array ? UE_FLOAT32 : type == napi_float64_array ? UE_FLOAT64 : -1;
  if (dtype < 0) {
    Napi::TypeError::New(env, "fillRange: values must be a Float32Array or a Float64Array").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  ue_fill_range(data, dtype, static_cast<intptr_t>(from), static_cast<intptr_t>(length),
                info[2].As<Napi::Number>().DoubleValue(), info[3].As<Napi::Number>().DoubleValue());
  return env.Undefined();
}

Napi::Value HistUniform(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 10, "histUniform(values, offset, step, n, first, last, denom, denomSingle, edges, counts)")) {
    return env.Undefined();
  }
  void *data, *edges, *counts;
  size_t length, itemsize, nedges, esize, ncounts, csize;
  double offset, n;
  if (!GetLane(info, 0, &data, &length, &itemsize) || !GetUint(info, 1, "offset", 9007199254740991.0, &offset) ||
      !GetUint(info, 3, "n", 9007199254740991.0, &n) || !GetLane(info, 8, &edges, &nedges, &esize) ||
      !GetLane(info, 9, &counts, &ncounts, &csize)) {
    return env.Undefined();
  }
  for (size_t i : {2, 4, 5, 6}) {
    if (!info[i].IsNumber()) {
      Napi::TypeError::New(env, "histUniform: step, first, last and denom must be numbers").ThrowAsJavaScriptException();
      return env.Undefined();
    }
  }
  double step = info[2].As<Napi::Number>().DoubleValue();
  napi_typedarray_type type = info[0].As<Napi::TypedArray>().TypedArrayType();
  int dtype = type == napi_float32_array ? UE_FLOAT32 : type == napi_float64_array ? UE_FLOAT64 : -1;
  bool single = info[7].ToBoolean().Value();
  // the values read, the edges and the counts must all lie in their arrays
  double last = offset + (n - 1) * step;
  if (dtype < 0 || esize != itemsize || info[9].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
      ncounts < 1 || nedges != ncounts + 1 || step != static_cast<double>(static_cast<int64_t>(step)) ||
      (n > 0 && (offset >= static_cast<double>(length) || last < 0 || last >= static_cast<double>(length)))) {
    Napi::RangeError::New(env, "histUniform: float values within the array, edges of their type, one count per bin")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::vector<int64_t> c(ncounts, 0);
  const char* first = static_cast<const char*>(data) + static_cast<size_t>(offset) * itemsize;
  int r = ue_hist_uniform(dtype, first, static_cast<intptr_t>(n), static_cast<intptr_t>(step),
                          info[4].As<Napi::Number>().DoubleValue(), info[5].As<Napi::Number>().DoubleValue(),
                          info[6].As<Napi::Number>().DoubleValue(), single ? 1 : 0, edges,
                          static_cast<intptr_t>(ncounts), c.data());
  if (r < 0) {
    Napi::RangeError::New(env, r == -2 ? "histUniform: out of memory" : "histUniform: bad dtype").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  double* out = static_cast<double*>(counts);
  for (size_t b = 0; b < ncounts; b++) out[b] += static_cast<double>(c[b]);
  return env.Undefined();
}

}  // namespace udmabuf
