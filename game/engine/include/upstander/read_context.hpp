// Where the loader is in a document (JSON pointer) and how it reports problems there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/diagnostic.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

class ReadContext {
 public:
  ReadContext(const SourceText& source, Diagnostics& out) : source_(source), out_(out) {}

  // Descends into a key or index for as long as the returned guard lives. The key is kept
  // as a view: pass literals or strings owned by the document being read.
  class Scope {
   public:
    explicit Scope(ReadContext& ctx) : ctx_(ctx) {}
    ~Scope() { ctx_.segments_.pop_back(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ReadContext& ctx_;
  };
  [[nodiscard]] Scope at(std::string_view key);
  [[nodiscard]] Scope at(std::size_t index);

  std::string pointer() const;
  std::string pointer_to(std::string_view key) const;

  void error(std::uint32_t offset, std::string_view code, std::string message, std::string fix);
  void warning(std::uint32_t offset, std::string_view code, std::string message, std::string fix);
  // For a problem with a child key that is reported at another offset (e.g. a missing key).
  void report(std::uint32_t offset, Severity s, std::string_view code, std::string pointer,
              std::string message, std::string fix);

  const SourceText& source() const { return source_; }
  Diagnostics& diagnostics() { return out_; }

  // The locales every text of this file must have (set once the header is read).
  std::vector<std::string> locales;

 private:
  const SourceText& source_;
  Diagnostics& out_;
  // Pointers are built only when a problem is reported, so descending must not allocate.
  struct Segment {
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;
  };
  void append_pointer(std::string& out) const;
  std::vector<Segment> segments_;
};

// RFC 6901: "~" becomes "~0" and "/" becomes "~1".
std::string escape_pointer_segment(std::string_view s);

}  // namespace upstander
