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

// The location of something that has an id: the id's value if it has one (that is where
// an author looks), else the object itself; the pointer is the object's.
inline SourceLoc entity_loc(std::uint32_t object_offset, std::uint32_t id_offset, std::string pointer) {
  return SourceLoc{id_offset != kNoOffset ? id_offset : object_offset, std::move(pointer)};
}

// A reference by id to another element, resolved to an index by the linker.
struct IdRef {
  std::string id;
  SourceLoc loc;
  int index = -1;  // -1 until linked, or when the id names nothing

  bool empty() const { return id.empty(); }
};

}  // namespace upstander
