// The server storage layer's errors (its folder, private files, the teacher token): a code
// for the program and a sentence with the path and the system's reason for the teacher.
#pragma once

#include "upstander/result.hpp"

namespace upstander::server {

enum class StorageError {
  CannotCreate,  // a folder or file cannot be made
  NotPrivate,    // it cannot be made owner-only
  NetworkShare,  // it is on a network file system (student data stays on this machine)
  CannotRead,
  CannotWrite,
  Damaged,       // it is there but not what it should be
  NoRandomness,  // the system gave no random bytes (a token cannot be made)
};
using StorageFailure = Error<StorageError>;

template <class T>
using StorageResult = Result<T, StorageFailure>;

}  // namespace upstander::server
