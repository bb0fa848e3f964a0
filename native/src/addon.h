// The one place napi.h is included, with the configuration it needs.
//
// Node-API 8 is what Debian's Node 18 (the ARM boards, many real boards)
// offers. Errors are thrown as pending JavaScript exceptions and the
// function returns (no C++ exceptions), so that the cross builds need no
// unwinding tables and every failure path is visible in the code.
#ifndef UDMABUF_ADDON_H
#define UDMABUF_ADDON_H

#define NAPI_VERSION 8
#define NAPI_DISABLE_CPP_EXCEPTIONS
#include <napi.h>


namespace udmabuf {

// errors.cc: throw Error with .code = "EACCES" etc., .errno, .syscall, .path
void ThrowErrno(Napi::Env env, int err, const char* syscall, const char* path = nullptr);

// file.cc
Napi::Value Open(const Napi::CallbackInfo& info);
Napi::Value Close(const Napi::CallbackInfo& info);
Napi::Value SeekEnd(const Napi::CallbackInfo& info);
Napi::Object Constants(Napi::Env env);

// mapping.cc
Napi::Value Mmap(const Napi::CallbackInfo& info);
Napi::Value Unmap(const Napi::CallbackInfo& info);

// ioctl.cc
Napi::Value GetDevInfo(const Napi::CallbackInfo& info);
Napi::Value GetDrvInfo(const Napi::CallbackInfo& info);
Napi::Value GetSync(const Napi::CallbackInfo& info);
Napi::Value SyncValue(const Napi::CallbackInfo& info);
Napi::Value ExportDmaBuf(const Napi::CallbackInfo& info);

// uio.cc: an event-loop watch on a UIO fd (libuv poll)
Napi::Value UioWatch(const Napi::CallbackInfo& info);
Napi::Value UioUnwatch(const Napi::CallbackInfo& info);

Napi::Value CheckBuf(const Napi::CallbackInfo& info);
Napi::Value ClearBuf(const Napi::CallbackInfo& info);

// engine.cc: the n-d ufunc engine (csrc/engine/): ufunc, ufuncLoop, engineFeatures
void InitEngine(Napi::Env env, Napi::Object exports);

// sort.cc: the sorts of csrc/engine/sort.c
Napi::Value Sort(const Napi::CallbackInfo& info);
Napi::Value Argsort(const Napi::CallbackInfo& info);
Napi::Value SortLanes(const Napi::CallbackInfo& info);
Napi::Value ArgsortLanes(const Napi::CallbackInfo& info);
Napi::Value SortAxis(const Napi::CallbackInfo& info);
Napi::Value ArgsortAxis(const Napi::CallbackInfo& info);
Napi::Value IntRange(const Napi::CallbackInfo& info);
Napi::Value Bincount(const Napi::CallbackInfo& info);
Napi::Value Nonzero(const Napi::CallbackInfo& info);
Napi::Value Take(const Napi::CallbackInfo& info);
Napi::Value FillRange(const Napi::CallbackInfo& info);
Napi::Value MaskCompress(const Napi::CallbackInfo& info);
Napi::Value BincountWeights(const Napi::CallbackInfo& info);
Napi::Value HistUniform(const Napi::CallbackInfo& info);
Napi::Value Searchsorted(const Napi::CallbackInfo& info);

// linalg.cc: the matrix product of csrc/engine/matmul.c
Napi::Value Matmul(const Napi::CallbackInfo& info);
Napi::Value MatmulBatch(const Napi::CallbackInfo& info);
// reduce.cc: reductions over a planned iteration (csrc/engine/reduce.c, arg.c,
// accumulate.c, select.c): reduce, argReduce, accumulate, select
void InitReduce(Napi::Env env, Napi::Object exports);

// Argument checks shared by the bindings; each throws and returns false.
bool CheckArgs(const Napi::CallbackInfo& info, size_t count, const char* usage);
bool GetUint(const Napi::CallbackInfo& info, size_t i, const char* name, double max, double* out);

}  // namespace udmabuf

#endif
