// Serving the web bundle's files.
#include "web_bundle.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <sstream>

#include "sha256.hpp"
#include "upstander/shipped_data.hpp"

namespace upstander::server {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string content_type_of(const fs::path& p) {
  static const std::array<std::pair<const char*, const char*>, 14> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".data", "application/octet-stream"},
      {".json", "application/json; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const std::string ext = lower(p.extension().string());
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Only plain names: letters, digits, '.', '-', '_' in each segment, no segment starting
// with '.', so "..", hidden files and odd encodings never reach the file system.
bool safe_path(std::string_view path) {
  if (path.empty() || path.front() != '/' || path.size() > 512) return false;
  bool segment_start = true;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '/') {
      if (segment_start) return false;  // "//"
      segment_start = true;
      continue;
    }
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    if (!plain || (segment_start && c == '.')) return false;
    segment_start = false;
  }
  return true;
}

ApiResponse plain(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

// What / says when the bundle was not built: plain words for whoever set the server up.
ApiResponse missing_bundle_page() {
  ApiResponse r;
  r.status = 503;
  r.content_type = "text/html; charset=utf-8";
  r.headers.emplace_back("Cache-Control", "no-store");
  r.body = R"(<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Upstander</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>브라우저용 게임이 아직 없어요</h1>
<p>이 교실 서버는 동작하고 있지만, 학생이 브라우저에서 할 게임 파일이 설치되어 있지 않습니다.
서버를 실행한 컴퓨터의 Upstander 폴더에서 <code>./scripts/build-web</code>을 실행한 뒤 서버를 다시 시작해 주세요.
(또는 <code>upstander-teacher serve --web-root 폴더</code>로 게임 파일 폴더를 알려 주세요.)</p>
<h1 lang="en">The browser game is not installed yet</h1>
<p lang="en">This classroom server is running, but the game files students play in the browser are missing.
On the computer running the server, run <code>./scripts/build-web</code> in the Upstander folder, then start the
server again (or point it at the game files with <code>upstander-teacher serve --web-root FOLDER</code>).</p>
</body></html>
)";
  return r;
}

}  // namespace

bool is_content_hashed(std::string_view name) {
  // name.<hash>.ext: the part between the last two dots is 8 or more hex digits.
  const std::size_t last = name.rfind('.');
  if (last == std::string_view::npos || last == 0) return false;
  const std::size_t before = name.rfind('.', last - 1);
  if (before == std::string_view::npos) return false;
  const std::string_view hash = name.substr(before + 1, last - before - 1);
  if (hash.size() < 8) return false;
  for (char c : hash) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool accepts_gzip(std::string_view header) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const std::size_t semi = item.find(';');
    const std::string coding = lower(trim(item.substr(0, semi)));
    if (coding != "gzip" && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    std::string params = lower(item.substr(semi + 1));
    params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
    // q=0, q=0.0, q=0.00 ... refuse; any other weight accepts.
    if (params.rfind("q=0", 0) == 0 && params.find_first_of("123456789") == std::string::npos)
      return false;
    return true;
  }
  return false;
}

WebBundle::WebBundle(fs::path root) : root_(std::move(root)) {}

bool WebBundle::present() const {
  std::error_code ec;
  return !root_.empty() && fs::is_regular_file(root_ / "index.html", ec);
}

ApiResponse WebBundle::serve(const StaticRequest& req) const {
  if (req.method != "GET" && req.method != "HEAD") {
    ApiResponse r = plain(405, "only GET and HEAD are served here\n");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  // A folder's page is its index.html ("/" the game, "/teacher/" the teacher's dashboard).
  std::string path =
      !req.path.empty() && req.path.back() == '/' ? req.path + "index.html" : req.path;
  if (!safe_path(path)) return plain(404, "not found\n");
  if (!present()) {
    return path == "/index.html" ? missing_bundle_page() : plain(404, "not found\n");
  }
  std::error_code ec;
  const fs::path file = root_ / path.substr(1);
  // Symbolic links may not lead out of the bundle.
  const fs::path real = fs::canonical(file, ec);
  const fs::path real_root = fs::canonical(root_, ec);
  std::error_code folder_ec;
  if (!ec && fs::is_directory(real, folder_ec) &&
      fs::is_regular_file(real / "index.html", folder_ec)) {
    // "/teacher" is the folder: send the browser to "/teacher/" so its relative links work.
    ApiResponse r = plain(308, "");
    r.headers.emplace_back("Location", path + "/");
    return r;
  }
  if (ec || !fs::is_regular_file(real, ec)) return plain(404, "not found\n");
  const auto rel = real.lexically_relative(real_root);
  if (rel.empty() || *rel.begin() == "..") return plain(404, "not found\n");

  const bool gz =
      accepts_gzip(req.accept_encoding) && fs::is_regular_file(fs::path(file.string() + ".gz"), ec);
  const std::optional<std::string> bytes = read_file(gz ? fs::path(file.string() + ".gz") : file);
  if (!bytes) return plain(404, "not found\n");

  ApiResponse r;
  r.content_type = content_type_of(file);
  r.headers.emplace_back("Vary", "Accept-Encoding");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
  if (gz) r.headers.emplace_back("Content-Encoding", "gzip");
  if (is_content_hashed(file.filename().string())) {
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    // The page (and any other unhashed name) is checked each time: a 304 costs a few bytes
    // and a rebuilt bundle is picked up at once. The ETag differs per encoding.
    const std::string etag = "\"" + sha256_hex(*bytes).substr(0, 32) + (gz ? "-gz" : "") + "\"";
    r.headers.emplace_back("Cache-Control", "no-cache");
    r.headers.emplace_back("ETag", etag);
    std::string_view tags = req.if_none_match;
    while (!tags.empty()) {
      const std::size_t comma = tags.find(',');
      std::string_view tag = trim(tags.substr(0, comma));
      if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
      tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
      if (tag == etag || tag == "*") {
        r.status = 304;
        return r;
      }
    }
  }
  r.status = 200;
  r.body = std::move(*bytes);
  return r;
}

fs::path find_web_root(const std::string& explicit_root) {
  if (!explicit_root.empty()) return fs::path(explicit_root);
  // web/ beside the program (the Windows zip), an install (../share/upstander/web, the
  // prefix's) or the bundle named at configure time.
  if (fs::path shipped = find_shipped(ShippedData::Web); !shipped.empty()) return shipped;
  std::error_code ec;
  const fs::path exe = executable_path();
  if (exe.empty()) return {};
  for (fs::path d = exe.parent_path(); !d.empty(); d = d.parent_path()) {
    if (fs::is_regular_file(d / "build-web" / "bundle" / "index.html", ec))
      return d / "build-web" / "bundle";
    if (d == d.parent_path()) break;
  }
  return {};
}

}  // namespace upstander::server
