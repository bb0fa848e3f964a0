// Binding of the reductions (csrc/engine/reduce.c, arg.c, accumulate.c,
// select.c): one call per reduction. Each takes a Float64Array `scratch`
// that the JavaScript side reuses (lib/np/reduce.ts, lib/np/stats.ts), the
// input and the output typed arrays:
//
//   reduce(scratch, input, out[, aux]) -> 1 done, 0 no native loop
//     [0] op, [1] input dtype, [2] output dtype, [3] ndim, [4] chunk,
//     [5] input offset, [6] output offset (elements), [7] unused; then per
//     dimension, innermost first: length, input stride, output stride
//     (elements; 0 where reduced). aux (UE_R_SSD's mean) is laid out like
//     the output.
//   argReduce(scratch, input, out) -> 1 / 0
//     [0] 0 argmin / 1 argmax, [1] dtype, [2] intp dtype, [3] ndim,
//     [4] length and [5] stride of the reduced axis, [6] input and
//     [7] output offsets; then the kept dimensions as above.
//   accumulate(scratch, input, out) -> 1 / 0
//     [0] op (sum/prod), [1] input dtype, [2] output dtype, [3] ndim,
//     [4] length, [5] input and [6] output stride of the axis, [7] unused,
//     [8] input and [9] output offsets, [10], [11] unused; then the other
//     dimensions as above.
//   select(scratch, input, out) -> 1 / 0
//     [0] dtype, [1] kept ndim, [2] reduced ndim, [3] rank count,
//     [4] output stride between ranks, [5] input and [6] output offsets,
//     [7] unused; then the kept dimensions, the reduced dimensions (output
//     stride 0), then the ranks.
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

napi_value Result(napi_env env, int err) {
  if (err == UE_REDUCE_ENOMEM) return Throw(env, "ENOMEM", "reduce: out of memory for a buffer");
  napi_value result;
  napi_create_int32(env, err == 0 ? 1 : 0, &result);
  return result;
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

// The call's arguments: the scratch, the input and output (and aux) arrays.
struct Call {
  napi_env env;
  const double* s = nullptr;
  size_t slen = 0;
  napi_value argv[4];
  size_t argc = 4;
};

bool Begin(napi_env env, napi_callback_info cbinfo, Call* c, size_t need, const char* usage) {
  c->env = env;
  if (napi_get_cb_info(env, cbinfo, &c->argc, c->argv, nullptr, nullptr) != napi_ok) return false;
  if (c->argc < 3) {
    Throw(env, "EINVAL", usage);
    return false;
  }
  napi_typedarray_type type;
  void* raw;
  if (napi_get_typedarray_info(env, c->argv[0], &type, &c->slen, &raw, nullptr, nullptr) != napi_ok ||
      type != napi_float64_array || c->slen < need) {
    Throw(env, "EINVAL", "reduce: the scratch must be a Float64Array");
    return false;
  }
  c->s = static_cast<const double*>(raw);
  return true;
}

// The reach of an operand: lowest and highest element index its strides touch.
struct Reach {
  double lo, hi;
  explicit Reach(double offset) : lo(offset), hi(offset) {}
  bool Add(double n, double stride) {
    if (!(n >= 1)) return false;
    double span = stride * (n - 1);
    if (span < 0) lo += span; else hi += span;
    return true;
  }
  bool Within(size_t len) const { return lo >= 0 && hi < static_cast<double>(len); }
};

// @ndim triples (length, input stride, output stride) from s[at], scaled to bytes.
bool Dims(const double* s, size_t at, int ndim, size_t isz, size_t osz, ue_rdim* dims, Reach* in, Reach* out) {
  for (int d = 0; d < ndim; d++) {
    double n = s[at + 3 * d], is = s[at + 3 * d + 1], os = s[at + 3 * d + 2];
    if (!in->Add(n, is) || !out->Add(n, os)) return false;
    dims[d].n = static_cast<intptr_t>(n);
    dims[d].is = static_cast<intptr_t>(is) * static_cast<intptr_t>(isz);
    dims[d].os = static_cast<intptr_t>(os) * static_cast<intptr_t>(osz);
  }
  return true;
}

napi_value Reduce(napi_env env, napi_callback_info cbinfo) {
  Call c;
  if (!Begin(env, cbinfo, &c, 8, "reduce(scratch, input, out[, aux]) needs three arguments")) return nullptr;
  const double* s = c.s;
  int op = static_cast<int>(s[0]), in_type = static_cast<int>(s[1]), out_type = static_cast<int>(s[2]);
  int ndim = static_cast<int>(s[3]);
  if (ndim < 0 || ndim > UE_MAXDIMS || c.slen < 8 + 3 * static_cast<size_t>(ndim)) {
    return Throw(env, "EINVAL", "reduce: bad dimension count");
  }
  char *in, *out, *aux = nullptr;
  size_t in_len, out_len, aux_len = 0;
  if (!ArrayOf(env, c.argv[1], in_type, &in, &in_len) || !ArrayOf(env, c.argv[2], out_type, &out, &out_len) ||
      (c.argc > 3 && !ArrayOf(env, c.argv[3], out_type, &aux, &aux_len))) {
    return Throw(env, "EINVAL", "reduce: an operand's typed array does not match its dtype");
  }
  ue_rdim dims[UE_MAXDIMS];
  Reach ir(s[5]), orr(s[6]);
  size_t isz = ue_itemsize(in_type), osz = ue_itemsize(out_type);
  if (!Dims(s, 8, ndim, isz, osz, dims, &ir, &orr)) return Throw(env, "EINVAL", "reduce: empty dimension");
  if (!ir.Within(in_len) || !orr.Within(out_len) || (aux && !orr.Within(aux_len))) {
    return Throw(env, "ERANGE", "reduce: strides reach outside an operand's typed array");
  }
  intptr_t oo = static_cast<intptr_t>(s[6]) * static_cast<intptr_t>(osz);
  int err = ue_reduce_aux(op, in_type, out_type, ndim, dims, static_cast<intptr_t>(s[4]),
                          in + static_cast<intptr_t>(s[5]) * static_cast<intptr_t>(isz), out + oo,
                          aux ? aux + oo : nullptr);
  return Result(env, err);
}

napi_value ArgReduce(napi_env env, napi_callback_info cbinfo) {
  Call c;
  if (!Begin(env, cbinfo, &c, 8, "argReduce(scratch, input, out) needs three arguments")) return nullptr;
  const double* s = c.s;
  int which = static_cast<int>(s[0]), dtype = static_cast<int>(s[1]), out_type = static_cast<int>(s[2]);
  int ndim = static_cast<int>(s[3]);
  if (ndim < 0 || ndim > UE_MAXDIMS || c.slen < 8 + 3 * static_cast<size_t>(ndim)) {
    return Throw(env, "EINVAL", "argReduce: bad dimension count");
  }
  char *in, *out;
  size_t in_len, out_len;
  if (!ArrayOf(env, c.argv[1], dtype, &in, &in_len) || !ArrayOf(env, c.argv[2], out_type, &out, &out_len)) {
    return Throw(env, "EINVAL", "argReduce: an operand's typed array does not match its dtype");
  }
  ue_rdim dims[UE_MAXDIMS];
  Reach ir(s[6]), orr(s[7]);
  size_t isz = ue_itemsize(dtype), osz = ue_itemsize(out_type);
  if (!ir.Add(s[4], s[5]) || !Dims(s, 8, ndim, isz, osz, dims, &ir, &orr)) {
    return Throw(env, "EINVAL", "argReduce: empty dimension");
  }
  if (!ir.Within(in_len) || !orr.Within(out_len)) {
    return Throw(env, "ERANGE", "argReduce: strides reach outside an operand's typed array");
  }
  int err = ue_argreduce(which, dtype, out_type, static_cast<intptr_t>(s[4]),
                         static_cast<intptr_t>(s[5]) * static_cast<intptr_t>(isz), ndim, dims,
                         in + static_cast<intptr_t>(s[6]) * static_cast<intptr_t>(isz),
                         out + static_cast<intptr_t>(s[7]) * static_cast<intptr_t>(osz));
  return Result(env, err);
}

napi_value Accumulate(napi_env env, napi_callback_info cbinfo) {
  Call c;
  if (!Begin(env, cbinfo, &c, 12, "accumulate(scratch, input, out) needs three arguments")) return nullptr;
  const double* s = c.s;
  int op = static_cast<int>(s[0]), in_type = static_cast<int>(s[1]), out_type = static_cast<int>(s[2]);
  int ndim = static_cast<int>(s[3]);
  if (ndim < 0 || ndim > UE_MAXDIMS || c.slen < 12 + 3 * static_cast<size_t>(ndim)) {
    return Throw(env, "EINVAL", "accumulate: bad dimension count");
  }
  char *in, *out;
  size_t in_len, out_len;
  if (!ArrayOf(env, c.argv[1], in_type, &in, &in_len) || !ArrayOf(env, c.argv[2], out_type, &out, &out_len)) {
    return Throw(env, "EINVAL", "accumulate: an operand's typed array does not match its dtype");
  }
  ue_rdim dims[UE_MAXDIMS];
  Reach ir(s[8]), orr(s[9]);
  size_t isz = ue_itemsize(in_type), osz = ue_itemsize(out_type);
  if (!ir.Add(s[4], s[5]) || !orr.Add(s[4], s[6]) || !Dims(s, 12, ndim, isz, osz, dims, &ir, &orr)) {
    return Throw(env, "EINVAL", "accumulate: empty dimension");
  }
  if (!ir.Within(in_len) || !orr.Within(out_len)) {
    return Throw(env, "ERANGE", "accumulate: strides reach outside an operand's typed array");
  }
  int err = ue_accumulate(op, in_type, out_type, static_cast<intptr_t>(s[4]),
                          static_cast<intptr_t>(s[5]) * static_cast<intptr_t>(isz),
                          static_cast<intptr_t>(s[6]) * static_cast<intptr_t>(osz), ndim, dims,
                          in + static_cast<intptr_t>(s[8]) * static_cast<intptr_t>(isz),
                          out + static_cast<intptr_t>(s[9]) * static_cast<intptr_t>(osz));
  return Result(env, err);
}

napi_value Select(napi_env env, napi_callback_info cbinfo) {
  Call c;
  if (!Begin(env, cbinfo, &c, 8, "select(scratch, input, out) needs three arguments")) return nullptr;
  const double* s = c.s;
  int dtype = static_cast<int>(s[0]), ndim = static_cast<int>(s[1]), nred = static_cast<int>(s[2]);
  int nranks = static_cast<int>(s[3]);
  if (ndim < 0 || ndim > UE_MAXDIMS || nred < 1 || nred > UE_MAXDIMS || nranks < 1 ||
      c.slen < 8 + 3 * static_cast<size_t>(ndim + nred) + static_cast<size_t>(nranks)) {
    return Throw(env, "EINVAL", "select: bad dimension or rank count");
  }
  char *in, *out;
  size_t in_len, out_len;
  if (!ArrayOf(env, c.argv[1], dtype, &in, &in_len) || !ArrayOf(env, c.argv[2], dtype, &out, &out_len)) {
    return Throw(env, "EINVAL", "select: an operand's typed array does not match its dtype");
  }
  ue_rdim dims[UE_MAXDIMS], red[UE_MAXDIMS];
  Reach ir(s[5]), orr(s[6]);
  size_t isz = ue_itemsize(dtype);
  if (!Dims(s, 8, ndim, isz, isz, dims, &ir, &orr) || !Dims(s, 8 + 3 * ndim, nred, isz, isz, red, &ir, &orr) ||
      !orr.Add(nranks, s[4])) {
    return Throw(env, "EINVAL", "select: empty dimension");
  }
  if (!ir.Within(in_len) || !orr.Within(out_len)) {
    return Throw(env, "ERANGE", "select: strides reach outside an operand's typed array");
  }
  intptr_t ranks[256];
  if (nranks > 256) return Result(env, UE_REDUCE_UNSUPPORTED);
  for (int j = 0; j < nranks; j++) ranks[j] = static_cast<intptr_t>(s[8 + 3 * (ndim + nred) + j]);
  int err = ue_select(dtype, ndim, dims, nred, red, ranks, nranks,
                      static_cast<intptr_t>(s[4]) * static_cast<intptr_t>(isz),
                      in + static_cast<intptr_t>(s[5]) * static_cast<intptr_t>(isz),
                      out + static_cast<intptr_t>(s[6]) * static_cast<intptr_t>(isz));
  return Result(env, err);
}

void Export(napi_env env, napi_value exports, const char* name, napi_callback fn) {
  napi_value f;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, nullptr, &f);
  napi_set_named_property(env, exports, name, f);
}

}  // namespace

void InitReduce(Napi::Env env, Napi::Object exports) {
  Export(env, exports, "reduce", Reduce);
  Export(env, exports, "argReduce", ArgReduce);
  Export(env, exports, "accumulate", Accumulate);
  Export(env, exports, "select", Select);
}

}  // namespace udmabuf
