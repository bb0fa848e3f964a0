// Binding of the matrix product (csrc/engine/matmul.c): one call per
// matrix. lib/np/linalg.ts passes each operand as its whole typed array
// with an element offset and two element strides; every element the
// product can reach is checked to lie inside its array before C runs.
//   matmul(dtype, M, N, K, A, oa, sa1, sa2, B, ob, sb1, sb2, C, oc, sc1, sc2)
// A stack of products of one shape is one call, the element offsets of
// product i in offsets[3i..3i+2] (A's, B's, C's):
//   matmulBatch(dtype, M, N, K, A, sa1, sa2, B, sb1, sb2, C, sc1, sc2, offsets)
#include <vector>

#include "addon.h"

extern "C" {
#include "engine/engine.h"
#include "engine/matmul.h"
}

namespace udmabuf {

namespace {

const size_t kItemSize[UE_NTYPES] = {1, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8};

bool GetInt(const Napi::CallbackInfo& info, size_t i, int64_t* out) {
  if (!info[i].IsNumber()) {
    Napi::TypeError::New(info.Env(), "matmul: expected a number").ThrowAsJavaScriptException();
    return false;
  }
  *out = info[i].As<Napi::Number>().Int64Value();
  return true;
}

// The typed array at info[i], holding elements of @itemsize bytes.
bool GetArray(const Napi::CallbackInfo& info, size_t i, size_t itemsize, Napi::TypedArray* out) {
  if (!info[i].IsTypedArray()) {
    Napi::TypeError::New(info.Env(), "matmul: expected a typed array").ThrowAsJavaScriptException();
    return false;
  }
  *out = info[i].As<Napi::TypedArray>();
  if (out->ElementSize() != itemsize) {
    Napi::TypeError::New(info.Env(), "matmul: the typed array does not hold the dtype's elements").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

// Whether the rows x cols elements from element @offset with strides s1, s2 all lie inside @ta.
bool Inside(const Napi::CallbackInfo& info, const Napi::TypedArray& ta, int64_t offset, int64_t rows, int64_t cols,
            int64_t s1, int64_t s2) {
  int64_t lo = offset, hi = offset;
  if (rows > 0 && cols > 0) {
    (s1 < 0 ? lo : hi) += (rows - 1) * s1;
    (s2 < 0 ? lo : hi) += (cols - 1) * s2;
    if (lo < 0 || hi >= static_cast<int64_t>(ta.ElementLength())) {
      Napi::RangeError::New(info.Env(), "matmul: an operand reaches outside its array").ThrowAsJavaScriptException();
      return false;
    }
  }
  return true;
}

uint8_t* DataOf(const Napi::TypedArray& ta) {
  return static_cast<uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
}

// Operand at info[i]: typed array, offset, row stride, column stride; its
// rows x cols elements must all lie inside the array.
bool GetMatrix(const Napi::CallbackInfo& info, size_t i, size_t itemsize, int64_t rows, int64_t cols,
               uint8_t** base, int64_t* s1, int64_t* s2) {
  Napi::TypedArray ta;
  int64_t offset;
  if (!GetArray(info, i, itemsize, &ta) || !GetInt(info, i + 1, &offset) || !GetInt(info, i + 2, s1) ||
      !GetInt(info, i + 3, s2) || !Inside(info, ta, offset, rows, cols, *s1, *s2)) {
    return false;
  }
  *base = DataOf(ta) + offset * static_cast<int64_t>(itemsize);
  return true;
}

// dtype, M, N, K from info[0..3]: codes and sizes in range.
bool GetShape(const Napi::CallbackInfo& info, int64_t* dtype, int64_t* M, int64_t* N, int64_t* K) {
  if (!GetInt(info, 0, dtype) || !GetInt(info, 1, M) || !GetInt(info, 2, N) || !GetInt(info, 3, K)) return false;
  if (*dtype < 0 || *dtype >= UE_NTYPES || *M < 0 || *N < 0 || *K < 0) {
    Napi::RangeError::New(info.Env(), "matmul: bad dtype code or size").ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

}  // namespace

Napi::Value Matmul(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 16, "matmul(dtype, M, N, K, A, oa, sa1, sa2, B, ob, sb1, sb2, C, oc, sc1, sc2)")) {
    return env.Undefined();
  }
  int64_t dtype, M, N, K;
  if (!GetShape(info, &dtype, &M, &N, &K)) return env.Undefined();
  size_t size = kItemSize[dtype];
  uint8_t *a, *b, *c;
  int64_t sa1, sa2, sb1, sb2, sc1, sc2;
  if (!GetMatrix(info, 4, size, M, K, &a, &sa1, &sa2) || !GetMatrix(info, 8, size, K, N, &b, &sb1, &sb2) ||
      !GetMatrix(info, 12, size, M, N, &c, &sc1, &sc2)) {
    return env.Undefined();
  }
  if (ue_matmul(static_cast<int>(dtype), M, N, K, a, sa1, sa2, b, sb1, sb2, c, sc1, sc2) != 0) {
    Napi::RangeError::New(env, "matmul: out of memory for the row buffer").ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

Napi::Value MatmulBatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 14, "matmulBatch(dtype, M, N, K, A, sa1, sa2, B, sb1, sb2, C, sc1, sc2, offsets)")) {
    return env.Undefined();
  }
  int64_t dtype, M, N, K, sa1, sa2, sb1, sb2, sc1, sc2;
  Napi::TypedArray ta, tb, tc;
  if (!GetShape(info, &dtype, &M, &N, &K)) return env.Undefined();
  size_t size = kItemSize[dtype];
  if (!GetArray(info, 4, size, &ta) || !GetInt(info, 5, &sa1) || !GetInt(info, 6, &sa2) ||
      !GetArray(info, 7, size, &tb) || !GetInt(info, 8, &sb1) || !GetInt(info, 9, &sb2) ||
      !GetArray(info, 10, size, &tc) || !GetInt(info, 11, &sc1) || !GetInt(info, 12, &sc2)) {
    return env.Undefined();
  }
  if (!info[13].IsTypedArray() || info[13].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
      info[13].As<Napi::TypedArray>().ElementLength() % 3 != 0) {
    Napi::TypeError::New(env, "matmulBatch: offsets must be a Float64Array of three per product").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Float64Array offsets = info[13].As<Napi::Float64Array>();
  size_t count = offsets.ElementLength() / 3;
  std::vector<intptr_t> at(count * 3);
  for (size_t i = 0; i < count; i++) {
    double o[3] = {offsets[3 * i], offsets[3 * i + 1], offsets[3 * i + 2]};
    for (int k = 0; k < 3; k++) {
      if (!(o[k] >= 0 && o[k] <= 9007199254740991.0) || o[k] != static_cast<double>(static_cast<int64_t>(o[k]))) {
        Napi::RangeError::New(env, "matmulBatch: an offset is not a whole number of elements").ThrowAsJavaScriptException();
        return env.Undefined();
      }
      at[k * count + i] = static_cast<intptr_t>(o[k]);
    }
    if (!Inside(info, ta, at[i], M, K, sa1, sa2) || !Inside(info, tb, at[count + i], K, N, sb1, sb2) ||
        !Inside(info, tc, at[2 * count + i], M, N, sc1, sc2)) {
      return env.Undefined();
    }
  }
  if (ue_matmul_batch(static_cast<int>(dtype), static_cast<intptr_t>(count), M, N, K, DataOf(ta), at.data(), sa1, sa2,
                      DataOf(tb), at.data() + count, sb1, sb2, DataOf(tc), at.data() + 2 * count, sc1, sc2) != 0) {
    Napi::RangeError::New(env, "matmul: out of memory for the row buffer").ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

}  // namespace udmabuf
