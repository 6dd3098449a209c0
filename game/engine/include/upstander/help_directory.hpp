// Help resources by country: who a student can call or visit, and what each service does.
// Every ending and the help screen show them (SAFETY.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "upstander/json_value.hpp"
#include "upstander/localized_text.hpp"
#include "upstander/read_context.hpp"
#include "upstander/source_loc.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander {

inline constexpr int kHelpFormatVersion = 1;

enum class HelpAudience { Everyone, Under18, Adults };

struct HelpResource {
  std::string id;
  LocalizedText name;
  std::string phone;  // as dialled locally, e.g. "1366"
  std::string text;   // SMS/text line, e.g. "#0117"
  std::string url;
  LocalizedText what;   // what the service does, in a sentence
  LocalizedText hours;  // optional, e.g. "24 hours"
  HelpAudience audience = HelpAudience::Everyone;
  std::vector<HelpTopic> topics;
  std::string source;  // where the details were checked
  SourceLoc loc;
};

struct HelpCountry {
  std::string code;  // ISO 3166 alpha-2 ("KR"), or "INT" for the international fallback
  LocalizedText name;
  std::vector<HelpResource> resources;
  SourceLoc loc;
};

struct HelpDirectory {
  std::string schema;
  std::vector<std::string> locales;
  std::string fallback = "INT";  // shown when the student's country has no entry
  std::vector<HelpCountry> countries;

  // The student's country, or the fallback; nullptr only for an empty directory.
  const HelpCountry* for_country(std::string_view code) const;
  // Resources of `country` with those matching `topics` first, keeping file order otherwise.
  std::vector<const HelpResource*> ranked(const HelpCountry& country,
                                          const std::vector<HelpTopic>& topics) const;
};

// `root` must be the document's top-level object with "type": "help"; its texts are moved
// into the model (see read_scenario).
HelpDirectory read_help(ReadContext& ctx, JsonValue& root);

std::string_view name_of(HelpAudience a);

}  // namespace upstander
