// The web game served at / by a real server on loopback, from a fake bundle folder:
// content types, gzip when accepted, ETag and 304 for the page, a year's cache for hashed
// names, nothing outside the folder, the page that says how to build a missing bundle,
// and the API unchanged beside it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "server_test_support.hpp"
#include "web_bundle.hpp"

using namespace upstander;
using namespace upstander::test;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// A bundle as scripts/build-web lays it out: the page, hashed assets, a .gz beside each.
struct FakeBundle {
  TempDir dir;
  fs::path root() const { return fs::path(dir.path()) / "bundle"; }
  FakeBundle() {
    write(root() / "index.html", "<!doctype html><title>Upstander</title>");
    write(root() / "upstander.0123abcd.js", "console.log('game')");
    write(root() / "upstander.0123abcd.js.gz", std::string("\x1f\x8b", 2) + "fake-gzip-js");
    write(root() / "upstander.89abcdef.wasm", std::string("\0asm\1\0\0\0", 8));
    write(root() / "upstander.89abcdef.wasm.gz", std::string("\x1f\x8b", 2) + "fake-gzip-wasm");
    write(root() / "upstander.4567cdef.data", "font and content");
    write(root() / "fonts" / "ui.ttf", "ttf");
    write(fs::path(dir.path()) / "secret.txt", "outside the bundle");
    write(root() / ".hidden", "no");
  }
};

// The head of a raw answer (status line and headers), lower-cased names kept as sent.
std::string head_of(const std::string& raw) {
  return raw.substr(0, raw.find("\r\n\r\n"));
}
std::string body_of(const std::string& raw) {
  const auto at = raw.find("\r\n\r\n");
  return at == std::string::npos ? "" : raw.substr(at + 4);
}

std::string get_raw(int port, const std::string& path, const std::string& extra = "",
                    const std::string& method = "GET") {
  return raw_exchange(port, method + " " + path +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra +
                                "\r\n");
}

}  // namespace

TEST_CASE("the web bundle is served at / with the right types and caching") {
  FakeBundle bundle;
  TempDir data;
  TestClock clock;
  server::ServerOptions o = test_options(data.path(), clock);
  o.web_root = bundle.root().string();
  TestServer srv(o);
  const Http http(srv.port());

  SUBCASE("the page: html, revalidated with its ETag, 304 when unchanged") {
    const HttpResult page = http.get("/?code=482913");
    CHECK(page.status == 200);
    CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(page.body.find("<title>Upstander</title>") != std::string::npos);
    CHECK(page.header("Cache-Control") == "no-cache");
    CHECK(page.headers.count("Cache-Control") == 1);  // replaces the API's no-store
    CHECK(page.header("X-Content-Type-Options") == "nosniff");
    CHECK(page.header("Referrer-Policy") == "no-referrer");
    const std::string etag = page.header("ETag");
    REQUIRE(etag.size() > 10);
    const HttpResult again = http.get("/", "", {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(http.get("/index.html", "", {{"If-None-Match", "\"other\""}}).status == 200);
    CHECK(http.get("/index.html", "", {{"If-None-Match", "W/" + etag}}).status == 304);
  }
  SUBCASE("hashed assets: their types and a year's immutable cache") {
    const HttpResult wasm = http.get("/upstander.89abcdef.wasm");
    CHECK(wasm.status == 200);
    CHECK(wasm.header("Content-Type") == "application/wasm");
    CHECK(wasm.header("Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(wasm.body == std::string("\0asm\1\0\0\0", 8));
    CHECK(http.get("/upstander.0123abcd.js").header("Content-Type") ==
          "text/javascript; charset=utf-8");
    CHECK(http.get("/upstander.4567cdef.data").header("Content-Type") ==
          "application/octet-stream");
    const HttpResult font = http.get("/fonts/ui.ttf");
    CHECK(font.status == 200);
    CHECK(font.header("Cache-Control") == "no-cache");  // not hashed: revalidated
  }
  SUBCASE("gzip when the browser accepts it, the plain file when it does not") {
    const std::string gz =
        get_raw(srv.port(), "/upstander.89abcdef.wasm", "Accept-Encoding: gzip, deflate, br\r\n");
    CHECK(head_of(gz).find("Content-Encoding: gzip") != std::string::npos);
    CHECK(head_of(gz).find("Content-Type: application/wasm") != std::string::npos);
    CHECK(head_of(gz).find("Vary: Accept-Encoding") != std::string::npos);
    CHECK(body_of(gz) == std::string("\x1f\x8b", 2) + "fake-gzip-wasm");
    // A precompressed text file goes out as it is on disk, never compressed a second time.
    const std::string js =
        get_raw(srv.port(), "/upstander.0123abcd.js", "Accept-Encoding: gzip\r\n");
    CHECK(head_of(js).find("Content-Encoding: gzip") != std::string::npos);
    CHECK(body_of(js) == std::string("\x1f\x8b", 2) + "fake-gzip-js");
    const std::string plain = get_raw(srv.port(), "/upstander.89abcdef.wasm");
    CHECK(head_of(plain).find("Content-Encoding") == std::string::npos);
    CHECK(head_of(plain).find("Vary: Accept-Encoding") != std::string::npos);
    CHECK(body_of(plain) == std::string("\0asm\1\0\0\0", 8));
    const std::string refused =
        get_raw(srv.port(), "/upstander.0123abcd.js", "Accept-Encoding: gzip;q=0, identity\r\n");
    CHECK(head_of(refused).find("Content-Encoding") == std::string::npos);
    // A file without a .gz beside it is sent as it is.
    const std::string page = get_raw(srv.port(), "/", "Accept-Encoding: gzip\r\n");
    CHECK(head_of(page).find("Content-Encoding") == std::string::npos);
  }
  SUBCASE("HEAD answers the headers alone; other methods are refused") {
    const std::string head = get_raw(srv.port(), "/upstander.89abcdef.wasm", "", "HEAD");
    CHECK(head.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(body_of(head).empty());
    CHECK(http.post("/index.html", "x", "", "text/plain").status == 405);
    CHECK(http.request("PUT", "/upstander.89abcdef.wasm", "x", "", "text/plain", {}).status == 405);
  }
  SUBCASE("nothing outside the bundle, no listing, no hidden files") {
    CHECK(http.get("/fonts").status == 404);
    CHECK(http.get("/fonts/").status == 404);
    CHECK(http.get("/.hidden").status == 404);
    CHECK(http.get("/missing.js").status == 404);
    for (const std::string path :
         {"/../secret.txt", "/%2e%2e/secret.txt", "/fonts/../../secret.txt", "/..%2fsecret.txt",
          "//etc/passwd", "/fonts/%2e%2e/%2e%2e/secret.txt"}) {
      const std::string raw = get_raw(srv.port(), path);
      INFO(path);
      CHECK(raw.find("outside the bundle") == std::string::npos);
      CHECK(raw.rfind("HTTP/1.1 200", 0) != 0);
    }
    // A symbolic link inside the bundle may not lead out of it. Windows lets only
    // administrators (or developer mode) make one, so there the test has none to try.
    std::error_code made;
    fs::create_symlink(fs::path(bundle.dir.path()) / "secret.txt", bundle.root() / "link.txt",
                       made);
#ifndef _WIN32
    REQUIRE_FALSE(made);
#endif
    if (!made) CHECK(http.get("/link.txt").status == 404);
  }
  SUBCASE("the API beside it is unchanged") {
    CHECK(http.get("/api/v1/health").status == 200);
    const HttpResult nothing = http.get("/api/v1/nothing");
    CHECK(nothing.status == 404);
    CHECK(nothing.error_code() == "not_found");
    CHECK(http.get("/api/v1/health").header("Cache-Control") == "no-store");
    const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
    SimStudent s(srv.port(), 1);
    CHECK(s.join(session["code"]) == 200);
  }
  SUBCASE("30 students loading the page at once from one address are all served") {
    int served = 0;
    for (int student = 0; student < 30; ++student) {
      for (const char* path : {"/", "/upstander.0123abcd.js", "/upstander.89abcdef.wasm",
                               "/upstander.4567cdef.data"}) {
        served += http.get(path).status == 200 ? 1 : 0;
      }
    }
    CHECK(served == 120);
    CHECK(http.get("/api/v1/health").status == 200);
  }
}

TEST_CASE("without a bundle, / says in plain words how to build it") {
  TempDir data;
  TestClock clock;
  server::ServerOptions o = test_options(data.path(), clock);
  o.web_root = data.path() + "/nowhere";
  TestServer srv(o);
  const Http http(srv.port());
  const HttpResult page = http.get("/?code=482913");
  CHECK(page.status == 503);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.body.find("./scripts/build-web") != std::string::npos);
  CHECK(page.body.find("--web-root") != std::string::npos);
  CHECK(http.get("/upstander.89abcdef.wasm").status == 404);
  CHECK(http.get("/api/v1/health").status == 200);
}

TEST_CASE("web bundle helpers") {
  CHECK(server::is_content_hashed("upstander.3f9a1c2b.wasm"));
  CHECK(server::is_content_hashed("upstander.3f9a1c2b4d5e6f70.js"));
  CHECK_FALSE(server::is_content_hashed("index.html"));
  CHECK_FALSE(server::is_content_hashed("upstander.js"));
  CHECK_FALSE(server::is_content_hashed("upstander.3F9A1C2B.wasm"));
  CHECK_FALSE(server::is_content_hashed("up.1234.wasm"));
  CHECK(server::accepts_gzip("gzip, deflate, br"));
  CHECK(server::accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  CHECK(server::accepts_gzip("*"));
  CHECK_FALSE(server::accepts_gzip(""));
  CHECK_FALSE(server::accepts_gzip("identity"));
  CHECK_FALSE(server::accepts_gzip("gzip;q=0"));
  CHECK_FALSE(server::accepts_gzip("gzip; q=0.000"));
  CHECK_FALSE(server::accepts_gzip("xgzip"));
}
