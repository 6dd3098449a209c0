// Fuzz target: any bytes read as Twine 2 published or archive HTML, then every story
// imported as a scenario, written and loaded again (twine_fuzz_check.hpp). Built as a
// libFuzzer binary with clang (-DUPSTANDER_FUZZ=ON), and in every build as a corpus replay test.
#include <cstddef>
#include <cstdint>
#include <string>

#include "twine_fuzz_check.hpp"
#include "upstander/author/twine_story.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upstander;
  const SourceText source("fuzz.html", std::string(reinterpret_cast<const char*>(data), size));
  fuzz::import_every_story(author::read_twine_html(source));
  return 0;
}
