// The registration table: JavaScript names are the C++ names in lower camel
// case. The addon keeps no state of its own (each mapping carries its own
// ownership), so it is safe in worker threads. Classes are built in
// TypeScript (lib/), not here.
#include <unistd.h>

#include "addon.h"

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  using namespace udmabuf;
  exports.Set("constants", Constants(env));
  exports.Set("pageSize", Napi::Number::New(env, static_cast<double>(sysconf(_SC_PAGESIZE))));
  exports.Set("open", Napi::Function::New(env, Open, "open"));
  exports.Set("close", Napi::Function::New(env, Close, "close"));
  exports.Set("seekEnd", Napi::Function::New(env, SeekEnd, "seekEnd"));
  exports.Set("mmap", Napi::Function::New(env, Mmap, "mmap"));
  exports.Set("unmap", Napi::Function::New(env, Unmap, "unmap"));
  exports.Set("getDevInfo", Napi::Function::New(env, GetDevInfo, "getDevInfo"));
  exports.Set("getDrvInfo", Napi::Function::New(env, GetDrvInfo, "getDrvInfo"));
  exports.Set("getSync", Napi::Function::New(env, GetSync, "getSync"));
  exports.Set("syncValue", Napi::Function::New(env, SyncValue, "syncValue"));
  exports.Set("exportDmaBuf", Napi::Function::New(env, ExportDmaBuf, "exportDmaBuf"));
  exports.Set("uioWatch", Napi::Function::New(env, UioWatch, "uioWatch"));
  exports.Set("uioUnwatch", Napi::Function::New(env, UioUnwatch, "uioUnwatch"));
  exports.Set("checkBuf", Napi::Function::New(env, CheckBuf, "checkBuf"));
  exports.Set("clearBuf", Napi::Function::New(env, ClearBuf, "clearBuf"));
  InitEngine(env, exports);
  exports.Set("sort", Napi::Function::New(env, Sort, "sort"));
  exports.Set("argsort", Napi::Function::New(env, Argsort, "argsort"));
  exports.Set("sortLanes", Napi::Function::New(env, SortLanes, "sortLanes"));
  exports.Set("argsortLanes", Napi::Function::New(env, ArgsortLanes, "argsortLanes"));
  exports.Set("sortAxis", Napi::Function::New(env, SortAxis, "sortAxis"));
  exports.Set("argsortAxis", Napi::Function::New(env, ArgsortAxis, "argsortAxis"));
  exports.Set("intRange", Napi::Function::New(env, IntRange, "intRange"));
  exports.Set("bincount", Napi::Function::New(env, Bincount, "bincount"));
  exports.Set("nonzero", Napi::Function::New(env, Nonzero, "nonzero"));
  exports.Set("take", Napi::Function::New(env, Take, "take"));
  exports.Set("fillRange", Napi::Function::New(env, FillRange, "fillRange"));
  exports.Set("maskCompress", Napi::Function::New(env, MaskCompress, "maskCompress"));
  exports.Set("bincountWeights", Napi::Function::New(env, BincountWeights, "bincountWeights"));
  exports.Set("histUniform", Napi::Function::New(env, HistUniform, "histUniform"));
  exports.Set("searchsorted", Napi::Function::New(env, Searchsorted, "searchsorted"));
  exports.Set("matmul", Napi::Function::New(env, Matmul, "matmul"));
  exports.Set("matmulBatch", Napi::Function::New(env, MatmulBatch, "matmulBatch"));
  InitReduce(env, exports);
  return exports;
}

NODE_API_MODULE(udmabuf, Init)
