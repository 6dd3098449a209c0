// Where a model element came from, so checks after loading can still point at the file.
#pragma once

#include <cstdint>
#include <string>

#include "upstander/source_text.hpp"

namespace upstander {

struct SourceLoc {
  std::uint32_t offset = kNoOffset;  // kNoOffset for elements made in the editor
  std::string pointer;
};

// A reference by id to another element, resolved to an index by the linker.
struct IdRef {
  std::string id;
  SourceLoc loc;
  int index = -1;  // -1 until linked, or when the id names nothing

  bool empty() const { return id.empty(); }
};

}  // namespace upstander
