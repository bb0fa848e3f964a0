// The driver's ioctls (kernel/u-dma-buf-ioctl.h): the fast path the
// TypeScript layer uses for info and cache sync; sysfs stays for shells.
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

#include "addon.h"
#include "u-dma-buf-ioctl.h"

namespace udmabuf {

// getInfo(fd): { size, dmaAddr, syncMode, syncOwner, dmaCoherent, version }
Napi::Value GetInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double fd;
  if (!CheckArgs(info, 1, "getInfo(fd)") || !GetUint(info, 0, "fd", 0x7fffffff, &fd))
    return env.Undefined();
  struct u_dma_buf_info ui;
  std::memset(&ui, 0, sizeof(ui));
  if (ioctl(static_cast<int>(fd), U_DMA_BUF_IOCTL_GET_INFO, &ui) < 0) {
    ThrowErrno(env, errno, "ioctl(U_DMA_BUF_IOCTL_GET_INFO)");
    return env.Undefined();
  }
  ui.version[sizeof(ui.version) - 1] = '\0';
  Napi::Object r = Napi::Object::New(env);
  r.Set("size", Napi::Number::New(env, static_cast<double>(ui.size)));
  r.Set("dmaAddr", Napi::BigInt::New(env, static_cast<uint64_t>(ui.dma_addr)));
  r.Set("syncMode", ui.sync_mode);
  r.Set("syncOwner", ui.sync_owner);
  r.Set("dmaCoherent", Napi::Boolean::New(env, ui.flags & U_DMA_BUF_INFO_DMA_COHERENT));
  r.Set("version", Napi::String::New(env, ui.version));
  return r;
}

// sync(fd, offset, size, direction, flags): undefined (U_DMA_BUF_SYNC_* flags)
Napi::Value Sync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double fd, offset, size, direction, flags;
  if (!CheckArgs(info, 5, "sync(fd, offset, size, direction, flags)") ||
      !GetUint(info, 0, "fd", 0x7fffffff, &fd) ||
      !GetUint(info, 1, "offset", 9007199254740991.0, &offset) ||
      !GetUint(info, 2, "size", 9007199254740991.0, &size) ||
      !GetUint(info, 3, "direction", 0xffffffff, &direction) ||
      !GetUint(info, 4, "flags", 0xffffffff, &flags))
    return env.Undefined();
  struct u_dma_buf_sync req;
  std::memset(&req, 0, sizeof(req));
  req.offset = static_cast<uint64_t>(offset);
  req.size = static_cast<uint64_t>(size);
  req.direction = static_cast<uint32_t>(direction);
  req.flags = static_cast<uint32_t>(flags);
  if (ioctl(static_cast<int>(fd), U_DMA_BUF_IOCTL_SYNC, &req) < 0)
    ThrowErrno(env, errno, "ioctl(U_DMA_BUF_IOCTL_SYNC)");
  return env.Undefined();
}

}  // namespace udmabuf
