// The driver's ioctls (kernel/u-dma-buf-ioctl.h, upstream u-dma-buf v5.5's
// ABI): the fast path the TypeScript layer uses for info and cache sync;
// sysfs stays for shells.
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

#include "addon.h"
#include "u-dma-buf-ioctl.h"

namespace udmabuf {

static bool GetFd(const Napi::CallbackInfo& info, size_t count, const char* usage, int* fd) {
  double v;
  if (!CheckArgs(info, count, usage) || !GetUint(info, 0, "fd", 0x7fffffff, &v))
    return false;
  *fd = static_cast<int>(v);
  return true;
}

static bool Ioctl(Napi::Env env, int fd, unsigned long cmd, void* arg, const char* name) {
  if (ioctl(fd, cmd, arg) == 0)
    return true;
  ThrowErrno(env, errno, name);
  return false;
}

// getDevInfo(fd): { size, addr, dmaMaskBits, dmaCoherent, mmapMode }
Napi::Value GetDevInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd;
  u_dma_buf_ioctl_dev_info di;
  std::memset(&di, 0, sizeof(di));
  if (!GetFd(info, 1, "getDevInfo(fd)", &fd) ||
      !Ioctl(env, fd, U_DMA_BUF_IOCTL_GET_DEV_INFO, &di, "ioctl(U_DMA_BUF_IOCTL_GET_DEV_INFO)"))
    return env.Undefined();
  Napi::Object r = Napi::Object::New(env);
  r.Set("size", Napi::Number::New(env, static_cast<double>(di.size)));
  r.Set("addr", Napi::BigInt::New(env, static_cast<uint64_t>(di.addr)));
  r.Set("dmaMaskBits", GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&di));
  r.Set("dmaCoherent", Napi::Boolean::New(env, GET_U_DMA_BUF_IOCTL_FLAGS_DMA_COHERENT(&di)));
  r.Set("mmapMode", GET_U_DMA_BUF_IOCTL_FLAGS_MMAP_MODE(&di));
  return r;
}

// getDrvInfo(fd): { ioctlVersion, version }
Napi::Value GetDrvInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd;
  u_dma_buf_ioctl_drv_info di;
  std::memset(&di, 0, sizeof(di));
  if (!GetFd(info, 1, "getDrvInfo(fd)", &fd) ||
      !Ioctl(env, fd, U_DMA_BUF_IOCTL_GET_DRV_INFO, &di, "ioctl(U_DMA_BUF_IOCTL_GET_DRV_INFO)"))
    return env.Undefined();
  di.version[sizeof(di.version) - 1] = '\0';
  Napi::Object r = Napi::Object::New(env);
  r.Set("ioctlVersion", GET_U_DMA_BUF_IOCTL_FLAGS_IOCTL_VERSION(&di));
  r.Set("version", Napi::String::New(env, di.version));
  return r;
}

// getSync(fd): { offset, size, direction, mode, owner } (the stored area)
Napi::Value GetSync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd;
  u_dma_buf_ioctl_sync_args sa;
  std::memset(&sa, 0, sizeof(sa));
  if (!GetFd(info, 1, "getSync(fd)", &fd) ||
      !Ioctl(env, fd, U_DMA_BUF_IOCTL_GET_SYNC, &sa, "ioctl(U_DMA_BUF_IOCTL_GET_SYNC)"))
    return env.Undefined();
  Napi::Object r = Napi::Object::New(env);
  r.Set("offset", Napi::Number::New(env, static_cast<double>(sa.offset)));
  r.Set("size", Napi::Number::New(env, static_cast<double>(sa.size)));
  r.Set("direction", GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&sa));
  r.Set("mode", GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&sa));
  r.Set("owner", GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_OWNER(&sa));
  return r;
}

// syncValue(fd, forDevice, value): SET_SYNC_FOR_DEVICE / _FOR_CPU with the
// sysfs value: 1n (the stored area) or a packed one-off range (a bigint).
Napi::Value SyncValue(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd;
  if (!GetFd(info, 3, "syncValue(fd, forDevice, value)", &fd))
    return env.Undefined();
  if (!info[1].IsBoolean() || !info[2].IsBigInt()) {
    Napi::TypeError::New(env, "syncValue(fd, forDevice, value): forDevice must be a boolean, value a bigint")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
  bool lossless = false;
  uint64_t value = info[2].As<Napi::BigInt>().Uint64Value(&lossless);
  if (!lossless) {
    Napi::RangeError::New(env, "syncValue: value must fit in 64 bits").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  bool forDevice = info[1].As<Napi::Boolean>().Value();
  if (forDevice)
    Ioctl(env, fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, &value, "ioctl(U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE)");
  else
    Ioctl(env, fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &value, "ioctl(U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU)");
  return env.Undefined();
}

}  // namespace udmabuf

namespace udmabuf {

// exportDmaBuf(fd, offset, size, flags): { fd, addr } (U_DMA_BUF_IOCTL_EXPORT;
// flags are open(2) flags: O_RDWR or O_RDONLY, O_CLOEXEC, O_SYNC)
Napi::Value ExportDmaBuf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd;
  double offset, size, flags;
  if (!GetFd(info, 4, "exportDmaBuf(fd, offset, size, flags)", &fd) ||
      !GetUint(info, 1, "offset", 9007199254740991.0, &offset) ||
      !GetUint(info, 2, "size", 9007199254740991.0, &size) ||
      !GetUint(info, 3, "flags", 0xffffffff, &flags))
    return env.Undefined();
  u_dma_buf_ioctl_export_args ea;
  std::memset(&ea, 0, sizeof(ea));
  ea.offset = static_cast<uint64_t>(offset);
  ea.size = static_cast<uint64_t>(size);
  ea.fd = -1;
  SET_U_DMA_BUF_IOCTL_FLAGS_EXPORT_FD_FLAGS(&ea, static_cast<int>(flags));
  if (!Ioctl(env, fd, U_DMA_BUF_IOCTL_EXPORT, &ea, "ioctl(U_DMA_BUF_IOCTL_EXPORT)"))
    return env.Undefined();
  Napi::Object r = Napi::Object::New(env);
  r.Set("fd", ea.fd);
  r.Set("addr", Napi::BigInt::New(env, static_cast<uint64_t>(ea.addr)));
  return r;
}

}  // namespace udmabuf
