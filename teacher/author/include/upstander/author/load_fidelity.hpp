// Whether the scenario model loaded from a file still holds everything the file says.
// Most problems (a missing translation, a broken link, an unreachable ending) are kept in
// the model exactly as written; a few (an unknown key, a value of the wrong type) make the
// loader skip what it cannot represent, so writing the model back would drop it.
#pragma once

#include <vector>

#include "upstander/diagnostic.hpp"

namespace upstander::author {

// True when the model keeps what the diagnostic is about, so saving loses nothing.
bool model_keeps(const Diagnostic& d);
// The diagnostics whose content the model could not keep (empty: a lossless load).
std::vector<Diagnostic> lossy_problems(const Diagnostics& all);

}  // namespace upstander::author
