// Load + validate a generated pack; reports median/p99 time and peak RSS. Generation is
// a separate run so the peak memory measured belongs to loading alone.
// Usage: pack_load_bench --generate NODES FILE
//        pack_load_bench FILE [RUNS]
#include <malloc.h>

#include <fstream>

#include "bench_util.hpp"
#include "pack_generator.hpp"
#include "upstander/content_file.hpp"

using namespace upstander;
using namespace upstander::bench;

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--generate") {
    std::ofstream(argv[3], std::ios::binary) << generate_pack(std::stoul(argv[2]), 1);
    return 0;
  }
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: pack_load_bench --generate NODES FILE | pack_load_bench FILE [RUNS]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::stoi(argv[2]) : 5;
  // Keep freed memory in the process at every size. By default glibc gives allocations
  // above a moving threshold (at most 32 MiB) back to the kernel when freed, so a 100k pack's
  // repeated runs pay every page fault again while a 10k pack's reuse warm memory: the ratio
  // between them would measure the allocator, not the loader. The first run, which pays
  // the faults at both sizes as a teacher's one load does, is reported on its own.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  Diagnostics io;
  const auto pack = read_content_bytes(argv[1], 1u << 30, io);
  if (!pack) return 1;
  const double rss_before = peak_rss_mib();
  LoadOptions options;
  options.parse.max_bytes =
      256u << 20;  // generated packs exceed the 16 MB per-file limit on purpose
  std::vector<double> times;
  std::size_t loaded_nodes = 0;
  for (int run = 0; run < runs; ++run) {
    Diagnostics d;
    const double t0 = now_ms();
    ContentFile f = load_content_text(argv[1], *pack, d, options);
    times.push_back(now_ms() - t0);
    if (d.error_count() != 0 || d.warning_count() != 0) {
      std::fprintf(stderr, "generated pack has %zu errors, %zu warnings, first: %s\n",
                   d.error_count(), d.warning_count(), format_text(d.all().front()).c_str());
      return 1;
    }
    loaded_nodes = f.scenario()->nodes.size();
  }
  std::printf("pack_load: %zu nodes, %.1f MiB of JSON, %d runs\n", loaded_nodes,
              static_cast<double>(pack->size()) / (1 << 20), runs);
  std::printf("  load+validate, first run: %.1f ms\n", times.front());
  if (times.size() > 1) {
    const std::vector<double> again(times.begin() + 1, times.end());
    std::printf("  load+validate, runs 2-%zu: median %.1f ms, p99 %.1f ms\n", times.size(),
                median(again), percentile(again, 99));
  }
  std::printf("  peak RSS: %.1f MiB, of which %.1f MiB before loading (the file's bytes)\n",
              peak_rss_mib(), rss_before);
  return 0;
}
