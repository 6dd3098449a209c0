// JSON pointer tracking and diagnostic shortcuts for the loaders.
#include "upstander/read_context.hpp"

namespace upstander {

std::string escape_pointer_segment(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

ReadContext::Scope ReadContext::at(std::string_view key) {
  segments_.push_back(Segment{key, 0, false});
  return Scope(*this);
}

ReadContext::Scope ReadContext::at(std::size_t index) {
  segments_.push_back(Segment{{}, index, true});
  return Scope(*this);
}

void ReadContext::append_pointer(std::string& out) const {
  for (const auto& s : segments_) {
    out += '/';
    out += s.is_index ? std::to_string(s.index) : escape_pointer_segment(s.key);
  }
}

std::string ReadContext::pointer() const {
  std::string p;
  append_pointer(p);
  return p;  // "" is the whole document (RFC 6901)
}

std::string ReadContext::pointer_to(std::string_view key) const {
  std::string p;
  append_pointer(p);
  return p + "/" + escape_pointer_segment(key);
}

void ReadContext::error(std::uint32_t offset, std::string_view code, std::string message,
                        std::string fix) {
  out_.report(source_, offset, Severity::Error, code, pointer(), std::move(message),
              std::move(fix));
}

void ReadContext::warning(std::uint32_t offset, std::string_view code, std::string message,
                          std::string fix) {
  out_.report(source_, offset, Severity::Warning, code, pointer(), std::move(message),
              std::move(fix));
}

void ReadContext::report(std::uint32_t offset, Severity s, std::string_view code, std::string ptr,
                         std::string message, std::string fix) {
  out_.report(source_, offset, s, code, std::move(ptr), std::move(message), std::move(fix));
}

}  // namespace upstander
