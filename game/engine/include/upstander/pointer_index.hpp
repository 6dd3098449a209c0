// Finds the JSON pointer of a value from its byte offset. The model keeps only offsets
// (pointers would cost a string per reference); checks after loading ask here when they
// have something to report, and the document is re-read once, then only if needed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "upstander/source_loc.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

class PointerIndex {
 public:
  explicit PointerIndex(const SourceText& source) : source_(source) {}

  // The pointer of the value (or key) starting at `offset`; "" if unknown.
  std::string at(std::uint32_t offset);
  std::string at(const SourceLoc& loc) { return at(loc.offset); }

 private:
  const SourceText& source_;
  std::unique_ptr<std::unordered_map<std::uint32_t, std::string>> pointers_;
};

}  // namespace upstander
