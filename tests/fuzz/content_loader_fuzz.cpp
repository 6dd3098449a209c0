// Fuzz target: any bytes through the whole content pipeline (parse, shape, link, flow,
// canonical writer). Built as a libFuzzer binary with clang (-DUPSTANDER_FUZZ=ON), and in
// every build as a corpus replay test.
#include <cstddef>
#include <cstdint>
#include <string>

#include "upstander/canonical_json.hpp"
#include "upstander/content_file.hpp"
#include "upstander/scenario_stats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upstander;
  Diagnostics d;
  LoadOptions options;
  options.flow.max_states = 20'000;  // keep each input fast; the search itself is bounded
  ContentFile f = load_content_text(
      "fuzz.json", std::string(reinterpret_cast<const char*>(data), size), d, options);
  for (const auto& x : d.all()) (void)format_text(x);
  if (f.ok()) {
    // A file that loads clean must also write and reload clean, and have stats.
    const std::string canonical = canonical_text(f);
    Diagnostics again;
    ContentFile g = load_content_text("fuzz.json", canonical, again, options);
    if (!g.ok() || canonical_text(g) != canonical) __builtin_trap();
    if (const Scenario* s = f.scenario()) (void)compute_stats(*s);
  }
  return 0;
}
