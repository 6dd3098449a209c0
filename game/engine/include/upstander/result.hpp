// Result<T, E>: a value or an error, the one way every layer returns I/O, storage, HTTP and
// client failures (C++20 has no std::expected). E is a layer's error enum, or a struct
// holding one with a message; see DEVELOPERS.md "Errors as results".
#pragma once

#include <cassert>
#include <stdexcept>
#include <type_traits>
#include <string>
#include <utility>
#include <variant>

namespace upstander {

// The error side, wrapped so that a Result<std::string, std::string> knows which it holds.
template <class E>
struct Failure {
  E error;
};

template <class E>
Failure<std::decay_t<E>> fail(E&& error) {
  return {std::forward<E>(error)};
}

template <class T, class E>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  template <class F, class = std::enable_if_t<std::is_convertible_v<F, E>>>
  Result(Failure<F> f) : v_(std::in_place_index<1>, std::move(f.error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok() && "Result::value() on an error");
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok() && "Result::value() on an error");
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok() && "Result::value() on an error");
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Throws in every build (not an assert): see Result<void, E>::error().
  const E& error() const {
    if (ok()) throw std::logic_error("Result::error() on a value");
    return std::get<1>(v_);
  }
  template <class U>
  T value_or(U&& fallback) const& {
    return ok() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, E> v_;
};

// Success with nothing to return.
template <class E>
class [[nodiscard]] Result<void, E> {
 public:
  Result() = default;
  template <class F, class = std::enable_if_t<std::is_convertible_v<F, E>>>
  Result(Failure<F> f) : failed_(true), error_(std::move(f.error)) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  // Throws even without asserts: under NDEBUG a silent default E would let a check such as
  // `r.error().code == FirstCode` pass on a success (Result<T, E> throws the same way).
  const E& error() const {
    if (ok()) throw std::logic_error("Result::error() on a success");
    return error_;
  }

 private:
  bool failed_ = false;
  E error_{};
};

// A layer's error code with the sentence a person reads (paths, the system's reason).
template <class Code>
struct Error {
  Code code{};
  std::string message;
};

}  // namespace upstander
