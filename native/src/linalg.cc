// Binding of the matrix product (csrc/engine/matmul.c): one call per
// matrix. lib/np/linalg.ts passes each operand as its whole typed array
// with an element offset and two element strides; every element the
// product can reach is checked to lie inside its array before C runs.
//   matmul(dtype, M, N, K, A, oa, sa1, sa2, B, ob, sb1, sb2, C, oc, sc1, sc2)
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

// Operand at info[i]: typed array, offset, row stride, column stride; its
// rows x cols elements must all lie inside the array.
bool GetMatrix(const Napi::CallbackInfo& info, size_t i, size_t itemsize, int64_t rows, int64_t cols,
               uint8_t** base, int64_t* s1, int64_t* s2) {
  if (!info[i].IsTypedArray()) {
    Napi::TypeError::New(info.Env(), "matmul: expected a typed array").ThrowAsJavaScriptException();
    return false;
  }
  Napi::TypedArray ta = info[i].As<Napi::TypedArray>();
  int64_t offset;
  if (!GetInt(info, i + 1, &offset) || !GetInt(info, i + 2, s1) || !GetInt(info, i + 3, s2)) return false;
  if (ta.ElementSize() != itemsize) {
    Napi::TypeError::New(info.Env(), "matmul: the typed array does not hold the dtype's elements").ThrowAsJavaScriptException();
    return false;
  }
  int64_t lo = offset, hi = offset;
  if (rows > 0 && cols > 0) {
    (*s1 < 0 ? lo : hi) += (rows - 1) * *s1;
    (*s2 < 0 ? lo : hi) += (cols - 1) * *s2;
    if (lo < 0 || hi >= static_cast<int64_t>(ta.ElementLength())) {
      Napi::RangeError::New(info.Env(), "matmul: an operand reaches outside its array").ThrowAsJavaScriptException();
      return false;
    }
  }
  *base = static_cast<uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset() + offset * static_cast<int64_t>(itemsize);
  return true;
}

}  // namespace

Napi::Value Matmul(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 16, "matmul(dtype, M, N, K, A, oa, sa1, sa2, B, ob, sb1, sb2, C, oc, sc1, sc2)")) {
    return env.Undefined();
  }
  int64_t dtype, M, N, K;
  if (!GetInt(info, 0, &dtype) || !GetInt(info, 1, &M) || !GetInt(info, 2, &N) || !GetInt(info, 3, &K)) {
    return env.Undefined();
  }
  if (dtype < 0 || dtype >= UE_NTYPES || M < 0 || N < 0 || K < 0) {
    Napi::RangeError::New(env, "matmul: bad dtype code or size").ThrowAsJavaScriptException();
    return env.Undefined();
  }
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

}  // namespace udmabuf
