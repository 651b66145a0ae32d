// Move-only owners for libclang handles, and CXString -> std::string that always disposes.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <utility>

namespace scopelint::extract {

// Takes ownership of `s` and disposes it.
inline std::string to_string(CXString s) {
  const char* text = clang_getCString(s);
  std::string result = text ? text : "";
  clang_disposeString(s);
  return result;
}

template <typename Handle, void (*Dispose)(Handle)>
class ClangOwner {
 public:
  ClangOwner() = default;
  explicit ClangOwner(Handle handle) : handle_(handle) {}
  ClangOwner(const ClangOwner&) = delete;
  ClangOwner& operator=(const ClangOwner&) = delete;
  ClangOwner(ClangOwner&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  ClangOwner& operator=(ClangOwner&& other) noexcept {
    if (this != &other) {
      reset();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  ~ClangOwner() { reset(); }

  Handle get() const { return handle_; }
  explicit operator bool() const { return handle_ != nullptr; }
  void reset() {
    if (handle_) Dispose(handle_);
    handle_ = nullptr;
  }

 private:
  Handle handle_ = nullptr;
};

using IndexHandle = ClangOwner<CXIndex, clang_disposeIndex>;
using TranslationUnitHandle = ClangOwner<CXTranslationUnit, clang_disposeTranslationUnit>;
using EvalResultHandle = ClangOwner<CXEvalResult, clang_EvalResult_dispose>;

}  // namespace scopelint::extract
