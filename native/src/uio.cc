// An event-loop watch on a UIO device: libuv polls /dev/uioN and, when the
// kernel reports an interrupt, the 4-byte event count is read and handed to
// a JavaScript callback on the loop's thread. Nothing blocks the loop.
//
// libuv: the cross builds have only the Node-API headers, so the handful of
// libuv functions used are declared here. libuv keeps its ABI across 1.x
// (Debian's Node 18 links libuv 1.44, Node 20 bundles 1.4x), and the poll
// handle is allocated with uv_handle_size() so no struct layout is assumed.
//
// Ownership: a Watch is shared by the libuv handle (released in the close
// callback) and the type-tagged External returned to JavaScript (released by
// its finalizer); the last one frees it. unwatch() or the External's
// finalizer stops the poll; the environment's cleanup hook does it at exit.
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "addon.h"

extern "C" {
typedef struct uv_handle_s uv_handle_t;
typedef struct uv_poll_s uv_poll_t;
typedef void (*uv_poll_cb)(uv_poll_t* handle, int status, int events);
typedef void (*uv_close_cb)(uv_handle_t* handle);
size_t uv_handle_size(int type);
int uv_poll_init(struct uv_loop_s* loop, uv_poll_t* handle, int fd);
int uv_poll_start(uv_poll_t* handle, int events, uv_poll_cb cb);
int uv_poll_stop(uv_poll_t* handle);
void uv_close(uv_handle_t* handle, uv_close_cb close_cb);
void uv_handle_set_data(uv_handle_t* handle, void* data);
void* uv_handle_get_data(const uv_handle_t* handle);
const char* uv_err_name(int err);
}

namespace udmabuf {

namespace {

const int kUvPoll = 8;      // UV_POLL in uv_handle_type (uv.h UV_HANDLE_TYPE_MAP order)
const int kUvReadable = 1;  // UV_READABLE

const napi_type_tag kWatchTag = {0x75696f7761746368ULL, 0x2d6c69627576706fULL};

struct Watch {
  napi_env env;
  int fd;
  uv_poll_t* poll;
  Napi::FunctionReference callback;
  bool stopped;
  int refs;  // the libuv handle and the External, one each
};

void Release(Watch* w) {
  if (--w->refs == 0) delete w;
}

void OnClosed(uv_handle_t* handle) {
  Watch* w = static_cast<Watch*>(uv_handle_get_data(handle));
  free(handle);
  Release(w);
}

void Stop(Watch* w) {
  if (w->stopped) return;
  w->stopped = true;
  uv_poll_stop(w->poll);
  uv_close(reinterpret_cast<uv_handle_t*>(w->poll), OnClosed);
  w->callback.Reset();
}

void Cleanup(void* data) { Stop(static_cast<Watch*>(data)); }

void FinalizeHandle(Napi::Env env, Watch* w) {
  if (!w->stopped) napi_remove_env_cleanup_hook(env, Cleanup, w);
  Stop(w);
  Release(w);
}

// Call back (err, count) through MakeCallback, so that promise reactions
// run; an exception thrown by the callback becomes an uncaught exception.
void Deliver(Watch* w, napi_value err, double count) {
  Napi::Env env(w->env);
  Napi::HandleScope scope(env);
  napi_value args[2] = {err, Napi::Number::New(env, count)};
  napi_value recv;  // napi_make_callback wants an object as `this`
  napi_get_global(w->env, &recv);
  napi_value fn = w->callback.Value();
  napi_value result;
  if (napi_make_callback(w->env, nullptr, recv, fn, 2, args, &result) != napi_ok) {
    bool pending = false;
    napi_is_exception_pending(w->env, &pending);
    if (pending) {
      napi_value exc;
      napi_get_and_clear_last_exception(w->env, &exc);
      napi_fatal_exception(w->env, exc);
    }
  }
}

void OnReadable(uv_poll_t* handle, int status, int) {
  Watch* w = static_cast<Watch*>(uv_handle_get_data(reinterpret_cast<uv_handle_t*>(handle)));
  if (w->stopped) return;
  Napi::Env env(w->env);
  Napi::HandleScope scope(env);
  if (status < 0) {
    Napi::Error e = Napi::Error::New(env, std::string("uv_poll: ") + uv_err_name(status));
    e.Set("code", Napi::String::New(env, uv_err_name(status)));
    Deliver(w, e.Value(), 0);
    return;
  }
  uint32_t count;
  ssize_t n = ::read(w->fd, &count, sizeof count);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;  // spurious wake-up
  if (n != static_cast<ssize_t>(sizeof count)) {
    int err = n < 0 ? errno : EIO;
    Napi::Error e = Napi::Error::New(env, std::string("read of the interrupt count failed: ") + strerror(err));
    e.Set("code", Napi::String::New(env, err == EIO ? "EIO" : "EUNKNOWN"));
    e.Set("errno", Napi::Number::New(env, -err));
    Deliver(w, e.Value(), 0);
    return;
  }
  napi_value null;
  napi_get_null(w->env, &null);
  Deliver(w, null, count);
}

}  // namespace

// uioWatch(fd, callback(err, count)): handle. The fd should be non-blocking.
// The callback runs on the event loop once per interrupt, until uioUnwatch.
Napi::Value UioWatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double fd;
  if (!CheckArgs(info, 2, "uioWatch(fd, callback)") || !GetUint(info, 0, "fd", 0x7fffffff, &fd))
    return env.Undefined();
  if (!info[1].IsFunction()) {
    Napi::TypeError::New(env, "callback must be a function").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  struct uv_loop_s* loop;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok) {
    Napi::Error::New(env, "no libuv event loop in this environment").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  uv_poll_t* poll = static_cast<uv_poll_t*>(calloc(1, uv_handle_size(kUvPoll)));
  if (!poll) {
    ThrowErrno(env, ENOMEM, "uioWatch");
    return env.Undefined();
  }
  int rc = uv_poll_init(loop, poll, static_cast<int>(fd));
  if (rc < 0) {
    free(poll);
    ThrowErrno(env, -rc, "uv_poll_init");
    return env.Undefined();
  }
  Watch* w = new Watch{env, static_cast<int>(fd), poll, Napi::Persistent(info[1].As<Napi::Function>()), false, 1};
  uv_handle_set_data(reinterpret_cast<uv_handle_t*>(poll), w);
  rc = uv_poll_start(poll, kUvReadable, OnReadable);
  if (rc < 0) {
    Stop(w);  // the close callback releases the Watch
    ThrowErrno(env, -rc, "uv_poll_start");
    return env.Undefined();
  }
  w->refs++;
  napi_add_env_cleanup_hook(env, Cleanup, w);
  Napi::External<Watch> handle = Napi::External<Watch>::New(env, w, FinalizeHandle);
  handle.TypeTag(&kWatchTag);
  return handle;
}

// uioUnwatch(handle): undefined. Idempotent.
Napi::Value UioUnwatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckArgs(info, 1, "uioUnwatch(handle)")) return env.Undefined();
  if (!info[0].IsExternal() || !info[0].As<Napi::Object>().CheckTypeTag(&kWatchTag)) {
    Napi::TypeError::New(env, "handle must come from uioWatch()").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Watch* w = info[0].As<Napi::External<Watch>>().Data();
  if (!w->stopped) napi_remove_env_cleanup_hook(env, Cleanup, w);
  Stop(w);
  return env.Undefined();
}

}  // namespace udmabuf
