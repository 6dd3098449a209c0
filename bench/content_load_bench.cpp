// Load + validate all shipped content, against parsing the same bytes with nlohmann::json
// alone, in the same run. Usage: content_load_bench [CONTENT_DIR] [RUNS]
#include <nlohmann/json.hpp>

#include "bench_util.hpp"
#include "upstander/content_library.hpp"

using namespace upstander;
using namespace upstander::bench;

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "content";
  const int runs = argc > 2 ? std::stoi(argv[2]) : 20;
  Diagnostics listing;
  std::vector<std::pair<std::string, std::string>> files;
  std::size_t bytes = 0;
  for (const auto& path : list_content_files({dir}, listing)) {
    Diagnostics d;
    auto b = read_content_bytes(path, 16u << 20, d);
    if (!b) continue;
    bytes += b->size();
    files.emplace_back(path, std::move(*b));
  }
  std::vector<double> ours, plain;
  for (int run = 0; run < runs + 2; ++run) {  // two warm-up runs are discarded
    double t0 = now_ms();
    std::size_t errors = 0;
    for (const auto& [path, b] : files) {
      Diagnostics d;
      ContentFile f = load_content_text(path, b, d);
      errors += d.error_count();
    }
    double t1 = now_ms();
    std::size_t members = 0;
    for (const auto& [path, b] : files) members += nlohmann::json::parse(b).size();
    double t2 = now_ms();
    if (errors != 0 || members == 0) {
      std::fprintf(stderr, "content has errors; benchmark meaningless\n");
      return 1;
    }
    if (run >= 2) {
      ours.push_back(t1 - t0);
      plain.push_back(t2 - t1);
    }
  }
  std::printf("content_load: %zu files, %.1f KiB, %d runs\n", files.size(),
              static_cast<double>(bytes) / 1024.0, runs);
  std::printf("  load+validate (ours): median %.3f ms, p99 %.3f ms\n", median(ours),
              percentile(ours, 99));
  std::printf("  nlohmann::json::parse: median %.3f ms, p99 %.3f ms\n", median(plain),
              percentile(plain, 99));
  std::printf("  ratio (median ours / median parse): %.2f (target <= 2.0)\n",
              median(ours) / median(plain));
  std::printf("  peak RSS: %.1f MiB\n", peak_rss_mib());
  return 0;
}
