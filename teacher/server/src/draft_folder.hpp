// A teacher's drafts on the server (author mode in the browser): each pack's saved text and
// its last autosave, kept in `<data folder>/drafts/` under the draft's id (never a path
// from the client), written atomically so a killed server loses nothing it acknowledged.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "upstander/result.hpp"

namespace upstander::server {

struct DraftInfo {
  std::string id;
  std::optional<std::int64_t> saved_ms;     // when the pack was last saved (absent: never)
  std::optional<std::int64_t> autosave_ms;  // when unsaved work was last autosaved
};

struct Draft {
  std::string id;
  std::optional<std::string> text;  // the saved pack
  std::optional<std::string> autosave_text;
  std::int64_t saved_ms = 0;
  std::int64_t autosave_ms = 0;
};

enum class DraftError { BadId, NotFound, TooMany, Io };
using DraftResult = Result<void, DraftError>;

class DraftFolder {
 public:
  DraftFolder(std::string dir, std::size_t max_drafts);

  // Ids follow the content format (a-z, 0-9, -, _; at most 64): they name the files.
  static bool valid_id(const std::string& id);

  std::vector<DraftInfo> list() const;
  Result<Draft, DraftError> read(const std::string& id) const;
  // The pack was saved: its text replaces the saved one and the autosave is dropped.
  DraftResult save(const std::string& id, const std::string& text, std::int64_t now_ms);
  DraftResult autosave(const std::string& id, const std::string& text, std::int64_t now_ms);
  DraftResult remove(const std::string& id);

  const std::string& dir() const { return dir_; }

 private:
  std::string pack_file(const std::string& id) const;
  std::string autosave_file(const std::string& id) const;
  DraftResult write(const std::string& path, const std::string& id, const std::string& text,
                    std::int64_t now_ms);
  std::size_t count_locked() const;

  std::string dir_;
  std::size_t max_drafts_;
  mutable std::mutex mu_;
};

}  // namespace upstander::server
