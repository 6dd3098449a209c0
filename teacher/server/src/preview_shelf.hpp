// "Play from here" in the browser: a draft's pack, with its start moved to a node, kept in
// memory for a short while under an unguessable token, so the student game in a new tab
// can fetch it. Never a published session: nothing is stored and no student sees it.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace upstander::server {

class PreviewShelf {
 public:
  PreviewShelf(std::size_t capacity, std::int64_t lifetime_s)
      : capacity_(capacity), lifetime_s_(lifetime_s) {}

  // The token that fetches `text` until it expires or newer previews push it out; "" when
  // no random bytes could be had.
  std::string put(std::string text, std::int64_t now_s);
  std::optional<std::string> get(const std::string& token, std::int64_t now_s) const;

 private:
  struct Entry {
    std::string token;
    std::string text;
    std::int64_t expires_s;
  };
  std::size_t capacity_;
  std::int64_t lifetime_s_;
  mutable std::mutex mu_;
  std::deque<Entry> entries_;
};

}  // namespace upstander::server
