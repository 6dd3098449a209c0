// The bytes of one content file, with the line index that turns byte offsets into line:column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace upstander {

// Offsets are bytes from the start of the file; kNoOffset marks "position unknown"
// (for example a model built in the editor rather than read from a file).
inline constexpr std::uint32_t kNoOffset = 0xFFFFFFFFu;

struct LineColumn {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, counted in Unicode code points, as editors show it
};

class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  const std::string& bytes() const { return bytes_; }

  // The line index is built on first use: most files load without a single diagnostic.
  // A lookup costs a binary search and at most one block of bytes, however long the line
  // (a minified pack is one line of megabytes).
  LineColumn locate(std::uint32_t offset) const;
  std::string_view line_text(std::uint32_t line) const;
  // The start of the line holding `offset`.
  std::uint32_t line_start(std::uint32_t offset) const;

 private:
  void index_lines() const;
  std::uint32_t code_points_before(std::uint32_t offset) const;

  std::string path_;
  std::string bytes_;
  mutable std::vector<std::uint32_t> line_starts_;
  // Code points before each block of kBlock bytes, so columns are counted from the nearest
  // block rather than from the start of the line.
  static constexpr std::uint32_t kBlock = 4096;
  mutable std::vector<std::uint32_t> block_code_points_;
};

}  // namespace upstander
