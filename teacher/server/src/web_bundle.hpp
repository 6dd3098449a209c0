// The student game's web bundle (build-web/bundle: index.html, .js, .wasm, .data), served
// at / on the API's port so the QR's address opens the game. Static files only: GET and
// HEAD, no directory listing, nothing outside the bundle folder. Precompressed `X.gz` is
// sent when the browser accepts gzip; names carrying a content hash (`name.<8+ hex>.ext`)
// are cached for a year, everything else (the page) is revalidated with its ETag.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "api_error.hpp"

namespace upstander::server {

struct StaticRequest {
  std::string method;
  std::string path;  // decoded, without the query
  std::string accept_encoding;
  std::string if_none_match;
};

class WebBundle {
 public:
  // `root` may not exist: then / answers a page saying how to build the bundle.
  explicit WebBundle(std::filesystem::path root);
  bool present() const;
  const std::filesystem::path& root() const { return root_; }

  ApiResponse serve(const StaticRequest& request) const;

 private:
  std::filesystem::path root_;
};

// The bundle folder: `explicit_root` when given, else the first of <executable's
// folder>/web, the shipped one (find_shipped: ../share/upstander/web, the install prefix's,
// the bundle named at configure time), and build-web/bundle in the executable's folder or
// any folder above it. Empty when none has an index.html.
std::filesystem::path find_web_root(const std::string& explicit_root);

// "upstander.3f9a1c2b.wasm" is content-hashed; "index.html" is not.
bool is_content_hashed(std::string_view file_name);
// Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace upstander::server
