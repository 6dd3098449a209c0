// The shape pass for scenario files: JSON tree in, typed Scenario out, with a diagnostic
// for every field that is missing, misspelt, mistyped or out of range. Links between ids
// are checked afterwards by link_scenario().
#pragma once

#include "upstander/json_value.hpp"
#include "upstander/object_reader.hpp"
#include "upstander/read_context.hpp"
#include "upstander/scenario.hpp"

namespace upstander {

// `root` must be the document's top-level object with "type": "scenario". Texts are moved
// out of `root` into the model (the tree is thrown away after reading; copying every text
// would double the memory of large packs), so read a tree only once.
Scenario read_scenario(ReadContext& ctx, JsonValue& root);

// The reader for "type" and "format_version", shared by all content files.
void read_format_version(ObjectReader& r, int supported);

}  // namespace upstander
