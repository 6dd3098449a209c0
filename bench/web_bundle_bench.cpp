// 30 students opening the web game at once: cold downloads of the whole bundle (the page,
// then its assets, gzip accepted, each student from an address of its own) against one
// `upstander-teacher serve` over loopback. Reports that all were served, the time, the
// server's CPU and memory. Without --bundle it serves a fake bundle of the sizes measured
// for the real one (docs: web-build.md), incompressible, so the bytes on the wire are real.
//
//   ./build/bench/upstander-bench-web --exe build/teacher/app/upstander-teacher --content content
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "load_stats.hpp"
#include "raw_http.hpp"
#include "server_process.hpp"

namespace fs = std::filesystem;
using namespace upstander::bench;

namespace {

struct Asset {
  std::string name;
  std::size_t raw = 0;
  std::size_t gz = 0;
};

// The real bundle's parts (design note: .wasm 1.42 MB / 509 KB gzipped, .js 201 / 48 KB,
// the subset font with the content ~1.5 MB / ~750 KB): about 1.3 MB gzipped in total.
const std::vector<Asset> kFake = {
    {"index.html", 4 * 1024, 0},
    {"upstander.3f9a1c2b.js", 201 * 1024, 48 * 1024},
    {"upstander.8d0e4a77.wasm", 1420 * 1024, 509 * 1024},
    {"upstander.51c0be92.data", 1500 * 1024, 750 * 1024},
};

void write_random(const fs::path& p, std::size_t size, std::mt19937_64& rng) {
  std::string bytes(size, '\0');
  for (auto& c : bytes) c = static_cast<char>(rng() & 0xff);
  std::ofstream(p, std::ios::binary) << bytes;
}

std::vector<std::string> make_fake_bundle(const fs::path& root) {
  fs::create_directories(root);
  std::mt19937_64 rng(11);
  std::vector<std::string> paths;
  for (const auto& a : kFake) {
    write_random(root / a.name, a.raw, rng);
    if (a.gz > 0) write_random(root / (a.name + ".gz"), a.gz, rng);
    paths.push_back(a.name == "index.html" ? "/" : "/" + a.name);
  }
  return paths;
}

}  // namespace

int main(int argc, char** argv) {
  std::string exe = "build/teacher/app/upstander-teacher";
  std::string content = "content";
  std::string bundle;
  int students = 30;
  std::vector<std::string> paths;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--exe")) exe = argv[i + 1];
    if (!std::strcmp(argv[i], "--content")) content = argv[i + 1];
    if (!std::strcmp(argv[i], "--students")) students = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--bundle"))
      bundle = argv[i + 1];  // a real one; paths: every file in it
  }
  const fs::path scratch =
      fs::temp_directory_path() / ("upstander-bench-web-" + std::to_string(::getpid()));
  fs::create_directories(scratch / "data");
  if (bundle.empty()) {
    bundle = (scratch / "bundle").string();
    paths = make_fake_bundle(bundle);
  } else {
    paths.push_back("/");
    for (const auto& e : fs::directory_iterator(bundle)) {
      const std::string n = e.path().filename().string();
      if (e.is_regular_file() && n != "index.html" && e.path().extension() != ".gz")
        paths.push_back("/" + n);
    }
  }

  ServerProcess server(exe, (scratch / "data").string(), content, bundle);
  if (!server.ok()) {
    std::fprintf(stderr, "the server did not start (%s)\n", exe.c_str());
    return 1;
  }
  const double cpu0 = server.cpu_seconds();
  const double rss0 = server.rss_mb();
  LatencyLog per_student_ms;
  std::vector<std::size_t> bytes(static_cast<std::size_t>(students));
  std::vector<int> failures(static_cast<std::size_t>(students));
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int s = 0; s < students; ++s) {
    threads.emplace_back([&, s] {
      const std::string source = "127.0.1." + std::to_string(s + 1);
      const auto start = std::chrono::steady_clock::now();
      for (const auto& path : paths) {
        const RawReply r = raw_request(server.port(), source, "GET", path, "", "", 30000,
                                       "Accept-Encoding: gzip, deflate, br\r\n");
        if (r.status != 200) ++failures[static_cast<std::size_t>(s)];
        bytes[static_cast<std::size_t>(s)] += r.body.size();
      }
      per_student_ms.add(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    });
  }
  for (auto& t : threads) t.join();
  const double wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = server.cpu_seconds() - cpu0;
  int failed = 0;
  std::size_t total = 0;
  for (int s = 0; s < students; ++s) {
    failed += failures[static_cast<std::size_t>(s)];
    total += bytes[static_cast<std::size_t>(s)];
  }
  std::printf("web bundle: %zu files, %.2f MB per student on the wire (gzip)\n", paths.size(),
              static_cast<double>(bytes[0]) / 1e6);
  std::printf("%d students at once: %d of %zu requests failed; all done in %.0f ms\n", students,
              failed, paths.size() * static_cast<std::size_t>(students), wall_ms);
  std::printf("per student: median %.0f ms, p99 %.0f ms\n", per_student_ms.quantile(0.5),
              per_student_ms.quantile(0.99));
  std::printf(
      "served %.1f MB; server CPU %.2f s; RSS %.1f MB before, %.1f MB after, peak %.1f MB\n",
      static_cast<double>(total) / 1e6, cpu, rss0, server.rss_mb(), server.peak_rss_mb());
  server.stop();
  std::error_code ec;
  fs::remove_all(scratch, ec);
  return failed == 0 ? 0 : 1;
}
