// Binding of the reductions (csrc/engine/reduce.c): one call per reduction.
//
// reduce(scratch, input, out) -> 1 done, 0 no native loop (the caller
// computes it in JavaScript). `scratch` is a Float64Array the JavaScript
// side reuses for every call (lib/np/reduce.ts runNative):
//
//   [0] op, [1] input dtype code, [2] output dtype code, [3] ndim,
//   [4] chunk, [5] input offset, [6] output offset (elements), [7] unused,
//   then per dimension, innermost first: length, input stride, output
//   stride (elements; 0 where reduced).
//
// Every element the strides reach is checked to lie inside its typed array
// before anything runs.
#include "addon.h"
#include "engine/reduce.h"

namespace udmabuf {

namespace {

napi_value Throw(napi_env env, const char* code, const char* msg) {
  napi_throw_range_error(env, code, msg);
  return nullptr;
}

bool ArrayOf(napi_env env, napi_value v, int dtype, char** data, size_t* len) {
  static const unsigned char kSize[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 8};
  napi_typedarray_type ta;
  void* raw;
  if (napi_get_typedarray_info(env, v, &ta, len, &raw, nullptr, nullptr) != napi_ok) return false;
  size_t itemsize = ue_itemsize(dtype);
  if (itemsize == 0 || static_cast<size_t>(ta) >= sizeof(kSize) || kSize[ta] != itemsize) return false;
  *data = static_cast<char*>(raw);
  return true;
}

napi_value Reduce(napi_env env, napi_callback_info cbinfo) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, cbinfo, &argc, argv, nullptr, nullptr) != napi_ok) return nullptr;
  if (argc < 3) return Throw(env, "EINVAL", "reduce(scratch, input, out) needs three arguments");
  napi_typedarray_type type;
  size_t length;
  void* raw;
  if (napi_get_typedarray_info(env, argv[0], &type, &length, &raw, nullptr, nullptr) != napi_ok ||
      type != napi_float64_array || length < 8) {
    return Throw(env, "EINVAL", "reduce: the scratch must be a Float64Array");
  }
  const double* s = static_cast<const double*>(raw);
  int op = static_cast<int>(s[0]), in_type = static_cast<int>(s[1]), out_type = static_cast<int>(s[2]);
  int ndim = static_cast<int>(s[3]);
  if (ndim < 0 || ndim > UE_MAXDIMS || length < 8 + 3 * static_cast<size_t>(ndim)) {
    return Throw(env, "EINVAL", "reduce: bad dimension count");
  }
  char *in, *out;
  size_t in_len, out_len;
  if (!ArrayOf(env, argv[1], in_type, &in, &in_len) || !ArrayOf(env, argv[2], out_type, &out, &out_len)) {
    return Throw(env, "EINVAL", "reduce: an operand's typed array does not match its dtype");
  }
  ue_rdim dims[UE_MAXDIMS];
  double ilo = s[5], ihi = s[5], olo = s[6], ohi = s[6];
  size_t isz = ue_itemsize(in_type), osz = ue_itemsize(out_type);
  for (int d = 0; d < ndim; d++) {
    double n = s[8 + 3 * d], is = s[9 + 3 * d], os = s[10 + 3 * d];
    if (n < 1) return Throw(env, "EINVAL", "reduce: empty dimension");
    double ispan = is * (n - 1), ospan = os * (n - 1);
    if (ispan < 0) ilo += ispan; else ihi += ispan;
    if (ospan < 0) olo += ospan; else ohi += ospan;
    dims[d].n = static_cast<intptr_t>(n);
    dims[d].is = static_cast<intptr_t>(is) * static_cast<intptr_t>(isz);
    dims[d].os = static_cast<intptr_t>(os) * static_cast<intptr_t>(osz);
  }
  if (ilo < 0 || ihi >= static_cast<double>(in_len) || olo < 0 || ohi >= static_cast<double>(out_len)) {
    return Throw(env, "ERANGE", "reduce: strides reach outside an operand's typed array");
  }
  int err = ue_reduce(op, in_type, out_type, ndim, dims, static_cast<intptr_t>(s[4]),
                      in + static_cast<intptr_t>(s[5]) * static_cast<intptr_t>(isz),
                      out + static_cast<intptr_t>(s[6]) * static_cast<intptr_t>(osz));
  if (err == UE_REDUCE_ENOMEM) return Throw(env, "ENOMEM", "reduce: out of memory for the buffer");
  napi_value result;
  napi_create_int32(env, err == 0 ? 1 : 0, &result);
  return result;
}

}  // namespace

void InitReduce(Napi::Env env, Napi::Object exports) {
  napi_value fn;
  napi_create_function(env, "reduce", NAPI_AUTO_LENGTH, Reduce, nullptr, &fn);
  napi_set_named_property(env, exports, "reduce", fn);
}

}  // namespace udmabuf
