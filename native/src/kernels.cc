// Binding of the numeric kernels (csrc/kernels.c). Arrays arrive as typed
// arrays that cover exactly the elements to work on (lib/np/dispatch.ts
// makes sure they are contiguous and of the right dtype); a scalar operand
// arrives as a number or bigint and is converted to the dtype here.
#include <cstring>

#include "addon.h"
#include "checkbuf.h"
#include "kernels.h"

namespace udmabuf {

namespace {

struct View {
  void* data = nullptr;
  size_t length = 0;
};

bool GetView(const Napi::CallbackInfo& info, size_t i, View* v) {
  if (!info[i].IsTypedArray()) {
    Napi::TypeError::New(info.Env(), "expected a typed array").ThrowAsJavaScriptException();
    return false;
  }
  Napi::TypedArray ta = info[i].As<Napi::TypedArray>();
  v->data = static_cast<uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
  v->length = ta.ElementLength();
  return true;
}

bool GetType(const Napi::CallbackInfo& info, size_t i, int* type) {
  double t;
  if (!GetUint(info, i, "dtype code", UD_NTYPES - 1, &t)) return false;
  *type = static_cast<int>(t);
  return true;
}

// A number or bigint as one element of dtype `type`, in `cell`.
bool GetScalar(const Napi::CallbackInfo& info, size_t i, int type, uint64_t* cell) {
  Napi::Value v = info[i];
  bool lossless;
  int64_t s = 0;
  uint64_t u = 0;
  double d = 0;
  if (v.IsBigInt()) {
    u = v.As<Napi::BigInt>().Uint64Value(&lossless);
    s = static_cast<int64_t>(u);
    d = static_cast<double>(s);
  } else if (v.IsNumber()) {
    d = v.As<Napi::Number>().DoubleValue();
    s = static_cast<int64_t>(d);
    u = static_cast<uint64_t>(s);
  } else {
    Napi::TypeError::New(info.Env(), "expected a number or bigint").ThrowAsJavaScriptException();
    return false;
  }
  *cell = 0;
  switch (type) {
    case UD_INT8: case UD_UINT8: { uint8_t x = static_cast<uint8_t>(u); std::memcpy(cell, &x, 1); break; }
    case UD_INT16: case UD_UINT16: { uint16_t x = static_cast<uint16_t>(u); std::memcpy(cell, &x, 2); break; }
    case UD_INT32: case UD_UINT32: { uint32_t x = static_cast<uint32_t>(u); std::memcpy(cell, &x, 4); break; }
    case UD_INT64: case UD_UINT64: std::memcpy(cell, &u, 8); break;
    case UD_FLOAT32: { float x = static_cast<float>(d); std::memcpy(cell, &x, 4); break; }
    case UD_FLOAT64: std::memcpy(cell, &d, 8); break;
  }
  return true;
}

// Operand i: a typed array (step 1) or a scalar (step 0).
bool GetOperand(const Napi::CallbackInfo& info, size_t i, int type, uint64_t* cell, const void** p,
                size_t* step) {
  if (info[i].IsTypedArray()) {
    View v;
    GetView(info, i, &v);
    *p = v.data;
    *step = 1;
    return true;
  }
  *step = 0;
  *p = cell;
  return GetScalar(info, i, type, cell);
}

Napi::Value Result(Napi::Env env, int type, const void* cell) {
  switch (type) {
    case UD_INT8: return Napi::Number::New(env, *static_cast<const int8_t*>(cell));
    case UD_UINT8: return Napi::Number::New(env, *static_cast<const uint8_t*>(cell));
    case UD_INT16: return Napi::Number::New(env, *static_cast<const int16_t*>(cell));
    case UD_UINT16: return Napi::Number::New(env, *static_cast<const uint16_t*>(cell));
    case UD_INT32: return Napi::Number::New(env, *static_cast<const int32_t*>(cell));
    case UD_UINT32: return Napi::Number::New(env, *static_cast<const uint32_t*>(cell));
    case UD_INT64: return Napi::BigInt::New(env, *static_cast<const int64_t*>(cell));
    case UD_UINT64: return Napi::BigInt::New(env, *static_cast<const uint64_t*>(cell));
    case UD_FLOAT32: return Napi::Number::New(env, *static_cast<const float*>(cell));
    default: return Napi::Number::New(env, *static_cast<const double*>(cell));
  }
}

}  // namespace

// binary(op, type, out, a, b): out = a op b; a or b may be a scalar.
Napi::Value Binary(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double op;
  int type;
  View out;
  uint64_t ca, cb;
  const void *a, *b;
  size_t as, bs;
  if (!CheckArgs(info, 5, "binary(op, type, out, a, b)") || !GetUint(info, 0, "op", UD_NOPS - 1, &op) ||
      !GetType(info, 1, &type) || !GetView(info, 2, &out) || !GetOperand(info, 3, type, &ca, &a, &as) ||
      !GetOperand(info, 4, type, &cb, &b, &bs))
    return env.Undefined();
  if (ud_binary(static_cast<int>(op), type, out.data, a, as, b, bs, out.length) < 0)
    Napi::TypeError::New(env, "no kernel for this operation and dtype").ThrowAsJavaScriptException();
  return env.Undefined();
}

// divideToFloat64(type, out: Float64Array, a, b): integer true division.
Napi::Value DivideToF64(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int type;
  View out;
  uint64_t ca, cb;
  const void *a, *b;
  size_t as, bs;
  if (!CheckArgs(info, 4, "divideToFloat64(type, out, a, b)") || !GetType(info, 0, &type) ||
      !GetView(info, 1, &out) || !GetOperand(info, 2, type, &ca, &a, &as) ||
      !GetOperand(info, 3, type, &cb, &b, &bs))
    return env.Undefined();
  if (ud_divide_to_f64(type, static_cast<double*>(out.data), a, as, b, bs, out.length) < 0)
    Napi::TypeError::New(env, "no integer division for this dtype").ThrowAsJavaScriptException();
  return env.Undefined();
}

// fill(type, out, value)
Napi::Value Fill(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int type;
  View out;
  uint64_t cell;
  if (!CheckArgs(info, 3, "fill(type, out, value)") || !GetType(info, 0, &type) || !GetView(info, 1, &out) ||
      !GetScalar(info, 2, type, &cell))
    return env.Undefined();
  ud_fill(type, out.data, &cell, out.length);
  return env.Undefined();
}

// sum(type, a): number (int8..uint32 widened, floats) or bigint (int64/uint64)
Napi::Value Sum(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int type;
  View a;
  uint64_t cell = 0;
  if (!CheckArgs(info, 2, "sum(type, a)") || !GetType(info, 0, &type) || !GetView(info, 1, &a))
    return env.Undefined();
  ud_sum(type, a.data, a.length, &cell);
  switch (type) {
    case UD_FLOAT32: case UD_FLOAT64: return Result(env, type, &cell);
    case UD_INT64: return Napi::BigInt::New(env, static_cast<int64_t>(cell));
    case UD_UINT64: return Napi::BigInt::New(env, cell);
    case UD_INT8: case UD_INT16: case UD_INT32:
      return Napi::Number::New(env, static_cast<double>(static_cast<int64_t>(cell)));
    default: return Napi::Number::New(env, static_cast<double>(cell));
  }
}

// extreme(type, a, wantMax): the smallest or largest element (a not empty)
Napi::Value Extreme(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int type;
  View a;
  uint64_t cell = 0;
  if (!CheckArgs(info, 3, "extreme(type, a, wantMax)") || !GetType(info, 0, &type) || !GetView(info, 1, &a))
    return env.Undefined();
  if (ud_extreme(type, a.data, a.length, info[2].ToBoolean().Value(), &cell) < 0) {
    Napi::RangeError::New(env, "empty array").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  return Result(env, type, &cell);
}

// equal(type, a, b): boolean, same length assumed
Napi::Value Equal(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int type;
  View a, b;
  if (!CheckArgs(info, 3, "equal(type, a, b)") || !GetType(info, 0, &type) || !GetView(info, 1, &a) ||
      !GetView(info, 2, &b))
    return env.Undefined();
  return Napi::Boolean::New(env, a.length == b.length && ud_equal(type, a.data, b.data, a.length) == 1);
}

// checkBuf(u8: Uint8Array) / clearBuf(u8): the original's benchmark in C
Napi::Value CheckBuf(const Napi::CallbackInfo& info) {
  View v;
  if (!CheckArgs(info, 1, "checkBuf(buffer)") || !GetView(info, 0, &v)) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), ud_check_buf(static_cast<unsigned char*>(v.data),
                                                    static_cast<unsigned int>(v.length)));
}

Napi::Value ClearBuf(const Napi::CallbackInfo& info) {
  View v;
  if (!CheckArgs(info, 1, "clearBuf(buffer)") || !GetView(info, 0, &v)) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), ud_clear_buf(static_cast<unsigned char*>(v.data),
                                                    static_cast<unsigned int>(v.length)));
}

}  // namespace udmabuf
