// open() and close() with the caller's flags (O_SYNC chooses the caching
// of later mappings), and the flag values of the platform the addon runs on.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "addon.h"

namespace udmabuf {

// open(path: string, flags: number): number
Napi::Value Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double flags;
  if (!CheckArgs(info, 2, "open(path, flags)")) return env.Undefined();
  if (!info[0].IsString()) {
    Napi::TypeError::New(env, "path must be a string").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!GetUint(info, 1, "flags", 0x7fffffff, &flags)) return env.Undefined();
  std::string path = info[0].As<Napi::String>().Utf8Value();
  int fd = ::open(path.c_str(), static_cast<int>(flags) | O_CLOEXEC);
  if (fd < 0) {
    ThrowErrno(env, errno, "open", path.c_str());
    return env.Undefined();
  }
  return Napi::Number::New(env, fd);
}

// close(fd: number): undefined
Napi::Value Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double fd;
  if (!CheckArgs(info, 1, "close(fd)") || !GetUint(info, 0, "fd", 0x7fffffff, &fd))
    return env.Undefined();
  if (::close(static_cast<int>(fd)) < 0) ThrowErrno(env, errno, "close");
  return env.Undefined();
}

// seekEnd(fd: number): number. A file's size, also for device files whose
// stat() size is 0 (u-dma-buf answers SEEK_END with the buffer size).
Napi::Value SeekEnd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double fd;
  if (!CheckArgs(info, 1, "seekEnd(fd)") || !GetUint(info, 0, "fd", 0x7fffffff, &fd))
    return env.Undefined();
  off_t end = ::lseek(static_cast<int>(fd), 0, SEEK_END);
  if (end < 0) {
    ThrowErrno(env, errno, "lseek");
    return env.Undefined();
  }
  return Napi::Number::New(env, static_cast<double>(end));
}

Napi::Object Constants(Napi::Env env) {
  Napi::Object c = Napi::Object::New(env);
  c.Set("O_RDONLY", O_RDONLY);
  c.Set("O_WRONLY", O_WRONLY);
  c.Set("O_RDWR", O_RDWR);
  c.Set("O_CREAT", O_CREAT);
  c.Set("O_TRUNC", O_TRUNC);
  c.Set("O_SYNC", O_SYNC);
  c.Set("O_CLOEXEC", O_CLOEXEC);
  return c;
}

}  // namespace udmabuf
