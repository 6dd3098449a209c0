// The canonical layout of content files: fixed key order, two-space indent, short lists
// of plain values on one line, defaults left out. `upstander-content fmt` and the editor
// both write through here, so their output is byte-identical.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "upstander/content_file.hpp"

namespace upstander {

nlohmann::ordered_json to_json(const Scenario& s);
nlohmann::ordered_json to_json(const Survey& s);
nlohmann::ordered_json to_json(const HelpDirectory& h);
nlohmann::ordered_json to_json(const LocaleStrings& l);

// The canonical text of a JSON value (ends with a newline).
std::string write_canonical(const nlohmann::ordered_json& j);
// The canonical text of a loaded file; "" if the file has no content.
std::string canonical_text(const ContentFile& f);

}  // namespace upstander
