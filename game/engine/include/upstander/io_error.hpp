// The engine layer's file errors: what failed, for the program, with the sentence (path and
// the system's reason) for a person. Used by every whole-file read and write.
#pragma once

#include "upstander/result.hpp"

namespace upstander {

enum class IoError {
  CannotOpen,
  CannotRead,
  CannotWrite,
  CannotReplace,  // written beside the target, but the rename over it failed
};
using IoFailure = Error<IoError>;

template <class T>
using IoResult = Result<T, IoFailure>;

}  // namespace upstander
