// Fuzz target: any bytes as a discovery datagram. An answer is only ever given to a probe
// and is never larger than the datagram (no amplification).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "discovery_responder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upstander::server;
  const std::string_view datagram(reinterpret_cast<const char*>(data), size);
  const std::string answer = discovery_answer(datagram, 65535);
  if (!answer.empty()) {
    if (answer.size() > size || datagram.substr(0, kDiscoveryProbe.size()) != kDiscoveryProbe)
      __builtin_trap();
  }
  return 0;
}
