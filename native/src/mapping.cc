// mmap() into external ArrayBuffers, and explicit unmap.
//
// Ownership: a Mapping is shared by two JavaScript objects, the ArrayBuffer
// that exposes the memory and a type-tagged External handle used to unmap it
// early; each holds one reference and the last finalizer frees the Mapping.
// The memory stays mapped until unmap() (which first munmaps, then detaches
// the ArrayBuffer so that every view over it reads as zero length) or, if
// that never happens, until the ArrayBuffer's finalizer runs.
#include <sys/mman.h>

#include <cerrno>

#include "addon.h"

namespace udmabuf {

namespace {

const napi_type_tag kMappingTag = {0x75646d6162756631ULL, 0x6d617070696e6721ULL};

enum Access { kReadOnly = 0, kReadWrite = 1, kCopyOnWrite = 2 };

struct SharedMapping {
  void* addr;
  size_t length;
  bool unmapped;  // munmap() done: later views read as zero length
  int refs;       // the ArrayBuffer and the handle, one each
};

void Release(SharedMapping* m) {
  if (--m->refs == 0) delete m;
}

void Unmap(SharedMapping* m) {
  if (!m->unmapped) {
    munmap(m->addr, m->length);
    m->unmapped = true;
  }
}

void FinalizeBuffer(Napi::Env, void*, SharedMapping* m) {
  Unmap(m);
  Release(m);
}

void FinalizeHandle(Napi::Env, SharedMapping* m) { Release(m); }

}  // namespace

// mmap(fd, offset, length, access): { buffer: ArrayBuffer, handle: External }
// offset must be a multiple of the page size; access 0 read-only shared,
// 1 read-write shared, 2 private copy-on-write.
Napi::Value Mmap(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double fd, offset, length, access;
  if (!CheckArgs(info, 4, "mmap(fd, offset, length, access)") ||
      !GetUint(info, 0, "fd", 0x7fffffff, &fd) ||
      !GetUint(info, 1, "offset", 9007199254740991.0, &offset) ||
      !GetUint(info, 2, "length", static_cast<double>(SIZE_MAX), &length) ||
      !GetUint(info, 3, "access", kCopyOnWrite, &access))
    return env.Undefined();
  if (length == 0) {
    Napi::RangeError::New(env, "length must not be 0").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  int prot = access == kReadOnly ? PROT_READ : PROT_READ | PROT_WRITE;
  int flags = access == kCopyOnWrite ? MAP_PRIVATE : MAP_SHARED;
  void* addr = mmap(nullptr, static_cast<size_t>(length), prot, flags, static_cast<int>(fd),
                    static_cast<off_t>(offset));
  if (addr == MAP_FAILED) {
    ThrowErrno(env, errno, "mmap");
    return env.Undefined();
  }

  SharedMapping* m = new SharedMapping{addr, static_cast<size_t>(length), false, 1};
  Napi::ArrayBuffer buffer = Napi::ArrayBuffer::New(env, addr, m->length, FinalizeBuffer, m);
  if (env.IsExceptionPending()) {  // e.g. a runtime that forbids external buffers
    Unmap(m);
    delete m;
    return env.Undefined();
  }
  m->refs++;
  Napi::External<SharedMapping> handle = Napi::External<SharedMapping>::New(env, m, FinalizeHandle);
  handle.TypeTag(&kMappingTag);

  Napi::Object result = Napi::Object::New(env);
  result.Set("buffer", buffer);
  result.Set("handle", handle);
  return result;
}

// unmap(handle, buffer): undefined. Idempotent.
Napi::Value Unmap(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 2, "unmap(handle, buffer)")) return env.Undefined();
  if (!info[0].IsExternal() || !info[0].As<Napi::Object>().CheckTypeTag(&kMappingTag)) {
    Napi::TypeError::New(env, "handle must come from mmap()").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  SharedMapping* m = info[0].As<Napi::External<SharedMapping>>().Data();
  if (m->unmapped) return env.Undefined();
  if (!info[1].IsArrayBuffer() || info[1].As<Napi::ArrayBuffer>().Data() != m->addr) {
    Napi::TypeError::New(env, "buffer is not the one this handle mapped").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Unmap(m);
  info[1].As<Napi::ArrayBuffer>().Detach();
  return env.Undefined();
}

}  // namespace udmabuf
