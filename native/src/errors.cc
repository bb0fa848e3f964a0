// errno -> JavaScript Error, the way Node's fs reports it.
#include <cerrno>
#include <cstring>
#include <string>

#include "addon.h"

namespace udmabuf {

static const char* ErrnoName(int err) {
  switch (err) {
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case ENODEV: return "ENODEV";
    case ENXIO: return "ENXIO";
    case ENOTTY: return "ENOTTY";
    case ENOSPC: return "ENOSPC";
    case EFAULT: return "EFAULT";
    case EBADF: return "EBADF";
    case EISDIR: return "EISDIR";
    case EROFS: return "EROFS";
    case EOVERFLOW: return "EOVERFLOW";
    default: return "EUNKNOWN";
  }
}

void ThrowErrno(Napi::Env env, int err, const char* syscall, const char* path) {
  std::string msg = std::string(ErrnoName(err)) + ": " + std::strerror(err) + ", " + syscall;
  if (path) msg += std::string(" '") + path + "'";
  Napi::Error error = Napi::Error::New(env, msg);
  error.Set("code", Napi::String::New(env, ErrnoName(err)));
  error.Set("errno", Napi::Number::New(env, -err));
  error.Set("syscall", Napi::String::New(env, syscall));
  if (path) error.Set("path", Napi::String::New(env, path));
  error.ThrowAsJavaScriptException();
}

bool CheckArgs(const Napi::CallbackInfo& info, size_t count, const char* usage) {
  if (info.Length() < count) {
    Napi::TypeError::New(info.Env(), std::string("expected ") + usage).ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

// A non-negative integral Number no larger than max.
bool GetUint(const Napi::CallbackInfo& info, size_t i, const char* name, double max, double* out) {
  if (!info[i].IsNumber()) {
    Napi::TypeError::New(info.Env(), std::string(name) + " must be a number").ThrowAsJavaScriptException();
    return false;
  }
  double v = info[i].As<Napi::Number>().DoubleValue();
  if (!(v >= 0 && v <= max) || v != static_cast<double>(static_cast<unsigned long long>(v))) {
    Napi::RangeError::New(info.Env(), std::string(name) + " must be a whole number from 0 to " +
                                          std::to_string(static_cast<unsigned long long>(max)))
        .ThrowAsJavaScriptException();
    return false;
  }
  *out = v;
  return true;
}

}  // namespace udmabuf
