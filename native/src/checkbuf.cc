// Binding of the original README's check_buf() / clear_buf() (csrc/checkbuf.c),
// the C side of the sync_mode benchmark.
#include "addon.h"
#include "checkbuf.h"

namespace udmabuf {

namespace {

// The bytes of a Uint8Array argument, or nullptr (an exception is pending).
unsigned char* BytesOf(const Napi::CallbackInfo& info, const char* usage, unsigned int* length) {
  if (!CheckArgs(info, 1, usage)) return nullptr;
  if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    Napi::TypeError::New(info.Env(), std::string(usage) + ": expected a Uint8Array").ThrowAsJavaScriptException();
    return nullptr;
  }
  Napi::Uint8Array a = info[0].As<Napi::Uint8Array>();
  *length = static_cast<unsigned int>(a.ElementLength());
  return a.Data();
}

}  // namespace

Napi::Value CheckBuf(const Napi::CallbackInfo& info) {
  unsigned int n = 0;
  unsigned char* p = BytesOf(info, "checkBuf(buffer)", &n);
  if (p == nullptr) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), ud_check_buf(p, n));
}

Napi::Value ClearBuf(const Napi::CallbackInfo& info) {
  unsigned int n = 0;
  unsigned char* p = BytesOf(info, "clearBuf(buffer)", &n);
  if (p == nullptr) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), ud_clear_buf(p, n));
}

}  // namespace udmabuf
