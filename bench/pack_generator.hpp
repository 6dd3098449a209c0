// Generates large valid scenario packs for benchmarks: chapters of chat, a decision with
// three branches (excuse, DM, image card), a ripple, a fact and a merge, in ko and en.
#pragma once

#include <cstddef>
#include <string>

namespace upstander::bench {

// A scenario with about `nodes` nodes that passes `check` with no errors.
std::string generate_pack(std::size_t nodes, unsigned seed);

}  // namespace upstander::bench
