// Offset-to-pointer lookup built on demand from the source text.
#include "upstander/pointer_index.hpp"

#include "upstander/json_parser.hpp"
#include "upstander/read_context.hpp"

namespace upstander {

namespace {

void index_value(const JsonValue& v, const std::string& pointer,
                 std::unordered_map<std::uint32_t, std::string>& out) {
  out.emplace(v.offset(), pointer);
  if (v.is(JsonType::Array)) {
    for (std::size_t i = 0; i < v.items().size(); ++i)
      index_value(v.items()[i], pointer + "/" + std::to_string(i), out);
  } else if (v.is(JsonType::Object)) {
    for (const auto& m : v.members()) {
      const std::string child = pointer + "/" + escape_pointer_segment(m.key);
      out.emplace(m.key_offset, child);
      index_value(m.value, child, out);
    }
  }
}

}  // namespace

std::string PointerIndex::at(std::uint32_t offset) {
  if (offset == kNoOffset) return "";
  if (!pointers_) {
    pointers_ = std::make_unique<std::unordered_map<std::uint32_t, std::string>>();
    Diagnostics ignored;
    ParseLimits limits;
    limits.max_bytes = source_.bytes().size();
    // The depth limit keeps this recursion bounded; the document already parsed once.
    if (auto root = parse_json(source_, ignored, limits)) index_value(*root, "", *pointers_);
  }
  auto it = pointers_->find(offset);
  return it == pointers_->end() ? "" : it->second;
}

}  // namespace upstander
