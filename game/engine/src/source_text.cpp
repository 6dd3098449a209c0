// Line index and offset-to-position conversion for content files.
#include "upstander/source_text.hpp"

#include <algorithm>

namespace upstander {

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {}

namespace {
// Code points, as editors count columns: continuation bytes (10xxxxxx) start none.
bool starts_code_point(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}
}  // namespace

void SourceText::index_lines() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  block_code_points_.reserve(bytes_.size() / kBlock + 1);
  std::uint32_t code_points = 0;
  for (std::uint32_t i = 0; i < bytes_.size(); ++i) {
    if (i % kBlock == 0) block_code_points_.push_back(code_points);
    if (starts_code_point(bytes_[i])) ++code_points;
    if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::uint32_t SourceText::code_points_before(std::uint32_t offset) const {
  if (block_code_points_.empty()) return 0;  // an empty file
  // The end of a file that fills its last block exactly belongs to no block of its own.
  const std::uint32_t block = std::min<std::uint32_t>(
      offset / kBlock, static_cast<std::uint32_t>(block_code_points_.size() - 1));
  std::uint32_t n = block_code_points_[block];
  for (std::uint32_t i = block * kBlock; i < offset; ++i)
    n += starts_code_point(bytes_[i]) ? 1u : 0u;
  return n;
}

std::uint32_t SourceText::line_start(std::uint32_t offset) const {
  index_lines();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(bytes_.size()));
  return *(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1);
}

LineColumn SourceText::locate(std::uint32_t offset) const {
  index_lines();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(bytes_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::uint32_t>(it - line_starts_.begin()) - 1;
  const std::uint32_t column =
      code_points_before(offset) - code_points_before(line_starts_[line_index]) + 1;
  return {line_index + 1, column};
}

std::string_view SourceText::line_text(std::uint32_t line) const {
  index_lines();
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end =
      line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(bytes_.size());
  while (end > begin && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;
  return std::string_view(bytes_).substr(begin, end - begin);
}

}  // namespace upstander
