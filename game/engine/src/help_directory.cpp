// Reading and querying help resources.
#include "upstander/help_directory.hpp"

#include <algorithm>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/scenario_reader.hpp"
#include "upstander/suggest.hpp"
#include "upstander/text_limits.hpp"

namespace upstander {

std::string_view name_of(HelpAudience a) {
  switch (a) {
    case HelpAudience::Everyone: return "everyone";
    case HelpAudience::Under18: return "under_18";
    case HelpAudience::Adults: return "adults";
  }
  return "?";
}

const HelpCountry* HelpDirectory::for_country(std::string_view code) const {
  const HelpCountry* fallback_country = nullptr;
  for (const auto& c : countries) {
    if (c.code == code) return &c;
    if (c.code == fallback) fallback_country = &c;
  }
  return fallback_country ? fallback_country : (countries.empty() ? nullptr : &countries.front());
}

std::vector<const HelpResource*> HelpDirectory::ranked(const HelpCountry& country,
                                                       const std::vector<HelpTopic>& topics) const {
  std::vector<const HelpResource*> out;
  for (const auto& r : country.resources) out.push_back(&r);
  auto matches = [&](const HelpResource* r) {
    return std::any_of(r->topics.begin(), r->topics.end(), [&](HelpTopic t) {
      return std::find(topics.begin(), topics.end(), t) != topics.end();
    });
  };
  std::stable_partition(out.begin(), out.end(), matches);
  return out;
}

namespace {

bool is_country_code(std::string_view c) {
  if (c == "INT") return true;
  return c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
}

bool is_phone(std::string_view p) {
  if (p.empty()) return false;
  for (char ch : p) {
    if (!((ch >= '0' && ch <= '9') || ch == ' ' || ch == '-' || ch == '+' || ch == '#' ||
          ch == '(' || ch == ')'))
      return false;
  }
  return true;
}

HelpResource read_resource(ObjectReader& parent, ReadContext& ctx, const JsonValue& item) {
  ObjectReader r(ctx, item, "a help resource");
  HelpResource res;
  res.loc = entity_loc(item.offset(), item.offset_of("id"));
  res.id = r.required_id("id").value_or("");
  res.name = required_text(r, "name", limits::kTitle);
  res.what = required_text(r, "what", limits::kCard);
  res.hours = optional_text(r, "hours", limits::kLabel);
  res.phone = r.optional_string("phone", "");
  res.text = r.optional_string("text", "");
  for (const char* key : {"phone", "text"}) {
    const std::string& v = std::string_view(key) == "phone" ? res.phone : res.text;
    if (!v.empty() && !is_phone(v)) {
      ctx.report(item.find(key)->offset(), Severity::Error, codes::kBadValue, ctx.pointer_to(key),
                 "\"" + v + "\" is not a phone number",
                 "write digits, spaces, +, -, # only, as the number is dialled");
    }
  }
  if (r.has("url")) res.url = required_url(r, "url").value_or("");
  if (r.has("source")) {
    res.source = required_url(r, "source").value_or("");
  } else {
    r.allow("source");
    ctx.report(
        item.offset(), Severity::Error, codes::kHelpWithoutSource, ctx.pointer_to("source"),
        "this help resource has no source",
        "add \"source\": \"https://...\" (the service's own page where its number, hours and role were "
        "checked), so schools can confirm it is still right");
  }
  if (auto a = r.optional_enum("audience", {"everyone", "under_18", "adults"})) {
    res.audience = *a == "under_18" ? HelpAudience::Under18
                   : *a == "adults" ? HelpAudience::Adults
                                    : HelpAudience::Everyone;
  }
  const auto names = all_names<HelpTopic>();
  for_each_item(r, r.required("topics"), "topics", [&](std::size_t, const JsonValue& t) {
    std::optional<HelpTopic> topic;
    if (t.is(JsonType::String)) topic = parse_name<HelpTopic>(t.as_string());
    if (!topic) {
      ctx.error(t.offset(), codes::kBadValue,
                "this is not a help topic" +
                    (t.is(JsonType::String) ? did_you_mean(t.as_string(), names) : std::string()),
                "use " + join_list(names));
      return;
    }
    res.topics.push_back(*topic);
  });
  if (res.phone.empty() && res.text.empty() && !r.has("url")) {
    ctx.error(item.offset(), codes::kHelpWithoutContact,
              "this help resource has no phone number and no website",
              "add \"phone\" or \"url\" so a student can actually reach it");
  }
  r.finish();
  (void)parent;
  return res;
}

}  // namespace

HelpDirectory read_help(ReadContext& ctx, JsonValue& root) {
  HelpDirectory d;
  ObjectReader r(ctx, root, "a help file");
  r.allow("type");
  d.schema = r.optional_string("$schema", "");
  read_format_version(r, kHelpFormatVersion);
  d.locales = read_locales(r);
  d.fallback = r.optional_string("fallback", "INT");
  std::vector<std::string> resource_ids;
  for_each_item(r, r.required("countries"), "countries", [&](std::size_t, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::Object)) return;
    ObjectReader cr(ctx, item, "a country");
    HelpCountry c;
    c.loc = SourceLoc{item.offset()};
    c.code = cr.required_string("code").value_or("");
    if (!c.code.empty() && !is_country_code(c.code)) {
      ctx.report(item.find("code")->offset(), Severity::Error, codes::kBadValue,
                 ctx.pointer_to("code"), "\"" + c.code + "\" is not a country code",
                 "use the two capital letters of ISO 3166 (\"KR\", \"US\", \"GB\") or \"INT\"");
    }
    for (const auto& other : d.countries) {
      if (!c.code.empty() && other.code == c.code) {
        ctx.report(item.offset(), Severity::Error, codes::kDuplicateId, ctx.pointer() + "/code",
                   "the country \"" + c.code + "\" is listed twice",
                   "merge the two lists of resources");
      }
    }
    c.name = required_text(cr, "name", limits::kName);
    for_each_item(
        cr, cr.required("resources"), "resources", [&](std::size_t, const JsonValue& res) {
          if (!cr.expect_type(res, "", JsonType::Object)) return;
          HelpResource hr = read_resource(cr, ctx, res);
          for (const auto& id : resource_ids) {
            if (!hr.id.empty() && id == hr.id) {
              ctx.report(res.offset(), Severity::Error, codes::kDuplicateId, ctx.pointer() + "/id",
                         "another resource already has the id \"" + hr.id + "\"",
                         "give each resource its own id");
            }
          }
          resource_ids.push_back(hr.id);
          c.resources.push_back(std::move(hr));
        });
    cr.finish();
    d.countries.push_back(std::move(c));
  });
  const bool has_fallback = std::any_of(d.countries.begin(), d.countries.end(),
                                        [&](const HelpCountry& c) { return c.code == d.fallback; });
  if (!has_fallback && !d.countries.empty()) {
    ctx.report(
        root.offset(), Severity::Error, codes::kMissingFallbackCountry, "/fallback",
        "the fallback country \"" + d.fallback +
            "\" has no entry, so a student from an unlisted country sees no help",
        "add a country with \"code\": \"" + d.fallback + "\" listing international services");
  }
  r.finish();
  return d;
}

}  // namespace upstander
