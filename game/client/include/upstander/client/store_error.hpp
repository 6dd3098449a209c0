// The student client's storage errors (the device's class store, class_store.hpp): a code
// for the program and a sentence with the path and SQLite's reason for the log.
#pragma once

#include "upstander/result.hpp"

namespace upstander::client {

enum class StoreError {
  CannotOpen,     // the file cannot be opened or created
  CannotPrepare,  // it opened but its settings or tables cannot be set up
};
using StoreFailure = Error<StoreError>;

template <class T>
using StoreResult = Result<T, StoreFailure>;

}  // namespace upstander::client
