// Fuzz target: any bytes as a student's event batch, read and checked against a session's
// content (the feature tour and the test survey). What is accepted must be fixed-format:
// hex ids, content ids of the session, values in range.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "event_validation.hpp"
#include "session_content.hpp"
#include "sha256.hpp"
#include "upstander/protocol/random_id.hpp"

namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

const upstander::server::SessionContent& fuzz_content() {
  using namespace upstander::server;
  static const std::shared_ptr<const SessionContent> content = [] {
    std::vector<ContentBlob> blobs;
    for (const auto& [name, kind, path] :
         {std::tuple{"feature-tour.json", "scenario", "/content/scenarios/feature-tour.json"},
          std::tuple{"test-survey.json", "survey",
                     "/tests/fixtures/server/survey/test-survey.json"}}) {
      ContentBlob b{name, kind, file_text(std::string(UPSTANDER_SOURCE_DIR) + path), ""};
      b.sha256 = sha256_hex(b.bytes);
      blobs.push_back(std::move(b));
    }
    auto c = SessionContent::load(std::move(blobs));
    if (!c) __builtin_trap();  // the repository's own content must load
    return *c;
  }();
  return *content;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upstander::server;
  const auto events = read_event_batch(std::string_view(reinterpret_cast<const char*>(data), size),
                                       fuzz_content(), 500);
  if (events.ok()) {
    if (events->empty() || events->size() > 500) __builtin_trap();
    for (const auto& e : *events) {
      if (!upstander::protocol::is_event_id(e.client_id) || e.value < 0 || e.value > 5)
        __builtin_trap();
    }
  } else if (events.error().code.empty() || events.error().status < 400 ||
             events.error().status > 499) {
    __builtin_trap();
  }
  return 0;
}
