// Where a model element came from, so checks after loading can still point at the file.
#pragma once

#include <cstdint>
#include <string>

#include "upstander/source_text.hpp"

namespace upstander {

// A byte offset in the source file; PointerIndex turns it into a JSON pointer when a
// diagnostic needs one.
struct SourceLoc {
  std::uint32_t offset = kNoOffset;  // kNoOffset for elements made in the editor
};

// The location of something that has an id: the id's value if it has one (that is where
// an author looks), else the object itself.
inline SourceLoc entity_loc(std::uint32_t object_offset, std::uint32_t id_offset) {
  return SourceLoc{id_offset != kNoOffset ? id_offset : object_offset};
}

// A reference by id to another element, resolved to an index by the linker.
struct IdRef {
  std::string id;
  SourceLoc loc;
  int index = -1;  // -1 until linked, or when the id names nothing

  bool empty() const { return id.empty(); }
};

}  // namespace upstander
