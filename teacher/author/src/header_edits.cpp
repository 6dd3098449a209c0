// Edits of the scenario header, its texts and translation records, and its declarations
// (characters, threads, variables).
#include "header_edits.hpp"

#include <algorithm>
#include <set>

#include "upstander/author/text_slots.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/utf8.hpp"

namespace upstander::author::detail {

namespace {

constexpr const char* kAvatarColours[] = {"#4a90d9", "#d96c4a", "#5aa469", "#a05ad9",
                                          "#d9a441", "#4ab5c4", "#c44a7a"};

TranslationRecord* record_for(Scenario& s, std::string_view locale) {
  for (auto& r : s.translations) {
    if (r.locale == locale) return &r;
  }
  return nullptr;
}

bool is_hex_colour(std::string_view c) {
  if (c.size() != 7 || c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
  });
}

bool is_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

// Keeps each text's entries in the declared order and drops locales no longer declared.
void reorder_texts(Scenario& s) {
  for_each_slot(s, [&](const TextSlot&, LocalizedText& text) {
    LocalizedText out;
    for (const auto& l : s.locales) {
      if (const std::string* t = text.find(l)) out.set(l, *t);
    }
    text = std::move(out);
  });
}

}  // namespace

EditResult apply(Scenario& s, const edit::SetScenarioId& e) {
  if (!is_valid_id(e.id)) return fail(EditFailure{EditError::BadId, e.id});
  if (s.id == e.id) return fail(EditFailure{EditError::NoChange});
  s.id = e.id;
  return {};
}

EditResult apply(Scenario& s, const edit::SetLocales& e) {
  if (e.locales.empty()) return fail(EditFailure{EditError::BadValue, "no locales"});
  std::set<std::string> seen;
  for (const auto& l : e.locales) {
    if (!is_valid_locale_code(l)) return fail(EditFailure{EditError::BadValue, l});
    if (!seen.insert(l).second) return fail(EditFailure{EditError::DuplicateId, l});
  }
  if (e.locales == s.locales) return fail(EditFailure{EditError::NoChange});
  s.locales = e.locales;
  reorder_texts(s);
  std::erase_if(s.translations, [&](const TranslationRecord& r) {
    return !is_locale(s, r.locale) || !is_locale(s, r.from);
  });
  return {};
}

EditResult apply(Scenario& s, const edit::SetAudience& e) {
  if (e.min_age < 10 || e.max_age > 19 || e.min_age > e.max_age)
    return fail(EditFailure{EditError::BadValue});
  s.min_age = e.min_age;
  s.max_age = e.max_age;
  return {};
}

EditResult apply(Scenario& s, const edit::SetMinutes& e) {
  if (e.minutes < 1 || e.minutes > 90)
    return fail(EditFailure{EditError::BadValue, std::to_string(e.minutes)});
  s.minutes = e.minutes;
  return {};
}

EditResult apply(Scenario& s, const edit::SetOrder& e) {
  if (e.order < 0 || e.order > 10'000)
    return fail(EditFailure{EditError::BadValue, std::to_string(e.order)});
  s.order = e.order;
  return {};
}

EditResult apply(Scenario& s, const edit::SetTargeted& e) {
  std::set<std::string> seen;
  for (const auto& id : e.characters) {
    if (find_character(s, id) == nullptr) return fail(EditFailure{EditError::UnknownCharacter, id});
    if (!seen.insert(id).second) return fail(EditFailure{EditError::DuplicateId, id});
  }
  s.targeted.clear();
  for (const auto& id : e.characters) s.targeted.push_back(IdRef{id, {}, -1});
  return {};
}

EditResult apply(Scenario& s, const edit::SetLearningGoals& e) {
  std::set<LearningGoal> seen(e.goals.begin(), e.goals.end());
  if (seen.size() != e.goals.size()) return fail(EditFailure{EditError::DuplicateId});
  s.goals = e.goals;
  return {};
}

EditResult apply(Scenario& s, const edit::SetReview& e) {
  if (!e.date.empty() && !is_date(e.date)) return fail(EditFailure{EditError::BadValue, e.date});
  s.review = Review{e.status, e.by, e.date};
  return {};
}

EditResult apply(Scenario& s, const edit::SetPlayer& e) {
  if (find_character(s, e.character) == nullptr)
    return fail(EditFailure{EditError::UnknownCharacter, e.character});
  s.player.id = e.character;
  return {};
}

EditResult apply(Scenario& s, const edit::SetStart& e) {
  if (find_node(s, e.node) == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  s.start.id = e.node;
  return {};
}

EditResult apply(Scenario& s, const edit::SetText& e) {
  if (!is_locale(s, e.locale)) return fail(EditFailure{EditError::UnknownLocale, e.locale});
  LocalizedText* text = find_slot(s, e.key);
  if (text == nullptr) return fail(EditFailure{EditError::UnknownText, e.key});
  const std::string* before = text->find(e.locale);
  if ((before ? *before : std::string()) == e.text) return fail(EditFailure{EditError::NoChange});
  set_localized(*text, e.locale, e.text, s.locales);
  // Writing a translation records the source it was written against.
  if (TranslationRecord* r = record_for(s, e.locale)) {
    const std::string* source = text->find(r->from);
    if (e.text.empty() || source == nullptr)
      r->erase(e.key);
    else
      r->set(e.key, text_fingerprint(*source));
  }
  return {};
}

EditResult apply(Scenario& s, const edit::ConfirmTranslation& e) {
  if (!is_locale(s, e.locale)) return fail(EditFailure{EditError::UnknownLocale, e.locale});
  const LocalizedText* text = find_slot(s, e.key);
  if (text == nullptr) return fail(EditFailure{EditError::UnknownText, e.key});
  TranslationRecord* r = record_for(s, e.locale);
  if (r == nullptr) {
    TranslationRecord fresh;
    fresh.locale = e.locale;
    for (const auto& l : s.locales) {
      if (l != e.locale && fresh.from.empty()) fresh.from = l;
    }
    if (fresh.from.empty()) return fail(EditFailure{EditError::UnknownLocale, e.locale});
    s.translations.push_back(std::move(fresh));
    std::sort(s.translations.begin(), s.translations.end(),
              [](const auto& a, const auto& b) { return a.locale < b.locale; });
    r = record_for(s, e.locale);
  }
  const std::string* source = text->find(r->from);
  if (source == nullptr || text->find(e.locale) == nullptr)
    return fail(EditFailure{EditError::BadValue, e.key});
  const TranslatedText* entry = r->find(e.key);
  const std::string fingerprint = text_fingerprint(*source);
  if (entry && entry->fingerprint == fingerprint) return fail(EditFailure{EditError::NoChange});
  r->set(e.key, fingerprint);
  return {};
}

EditResult apply(Scenario& s, const edit::AddCharacter& e) {
  if (auto r = check_new_id(s.characters, e.id); !r.ok()) return r;
  Character c;
  c.id = e.id;
  c.avatar.color = kAvatarColours[s.characters.size() % std::size(kAvatarColours)];
  s.characters.push_back(std::move(c));
  return {};
}

EditResult apply(Scenario& s, const edit::RemoveCharacter& e) {
  if (find_character(s, e.id) == nullptr)
    return fail(EditFailure{EditError::UnknownCharacter, e.id});
  if (auto user = first_user(s, for_each_character_ref, e.id))
    return fail(EditFailure{EditError::InUse, *user});
  std::erase_if(s.characters, [&](const Character& c) { return c.id == e.id; });
  rekey_translations(s, [&](const std::string& key) -> std::optional<std::string> {
    if (key == "character/" + e.id + "/name") return std::nullopt;
    return key;
  });
  return {};
}

EditResult apply(Scenario& s, const edit::RenameCharacter& e) {
  if (find_character(s, e.id) == nullptr)
    return fail(EditFailure{EditError::UnknownCharacter, e.id});
  if (auto r = check_new_id(s.characters, e.new_id); !r.ok()) return r;
  find_character(s, e.id)->id = e.new_id;
  rename_refs(s, for_each_character_ref, e.id, e.new_id);
  rename_key_prefix(s, "character/" + e.id + "/", "character/" + e.new_id + "/");
  return {};
}

EditResult apply(Scenario& s, const edit::SetAvatar& e) {
  Character* c = find_character(s, e.id);
  if (c == nullptr) return fail(EditFailure{EditError::UnknownCharacter, e.id});
  if (e.emoji.empty() && e.color.empty()) return fail(EditFailure{EditError::BadValue, "avatar"});
  if (!e.color.empty() && !is_hex_colour(e.color))
    return fail(EditFailure{EditError::BadValue, e.color});
  if (!e.emoji.empty() && (static_cast<unsigned char>(e.emoji[0]) < 0x80 ||
                           utf8::count_code_points(e.emoji) > 8 || !utf8::is_valid(e.emoji))) {
    return fail(EditFailure{EditError::BadValue, e.emoji});
  }
  c->avatar = Avatar{e.emoji, e.color};
  return {};
}

EditResult apply(Scenario& s, const edit::SetCharacterUnknown& e) {
  Character* c = find_character(s, e.id);
  if (c == nullptr) return fail(EditFailure{EditError::UnknownCharacter, e.id});
  c->unknown = e.unknown;
  return {};
}

EditResult apply(Scenario& s, const edit::AddThread& e) {
  if (auto r = check_new_id(s.threads, e.id); !r.ok()) return r;
  Thread t;
  t.id = e.id;
  s.threads.push_back(std::move(t));
  return {};
}

EditResult apply(Scenario& s, const edit::RemoveThread& e) {
  if (find_thread(s, e.id) == nullptr) return fail(EditFailure{EditError::UnknownThread, e.id});
  if (auto user = first_user(s, for_each_thread_ref, e.id))
    return fail(EditFailure{EditError::InUse, *user});
  std::erase_if(s.threads, [&](const Thread& t) { return t.id == e.id; });
  rekey_translations(s, [&](const std::string& key) -> std::optional<std::string> {
    if (key == "thread/" + e.id + "/name") return std::nullopt;
    return key;
  });
  return {};
}

EditResult apply(Scenario& s, const edit::RenameThread& e) {
  if (find_thread(s, e.id) == nullptr) return fail(EditFailure{EditError::UnknownThread, e.id});
  if (auto r = check_new_id(s.threads, e.new_id); !r.ok()) return r;
  find_thread(s, e.id)->id = e.new_id;
  rename_refs(s, for_each_thread_ref, e.id, e.new_id);
  rename_key_prefix(s, "thread/" + e.id + "/", "thread/" + e.new_id + "/");
  return {};
}

EditResult apply(Scenario& s, const edit::SetThread& e) {
  Thread* t = find_thread(s, e.id);
  if (t == nullptr) return fail(EditFailure{EditError::UnknownThread, e.id});
  if (e.members < 0 || e.members > 100000)
    return fail(EditFailure{EditError::BadValue, std::to_string(e.members)});
  t->kind = e.kind;
  t->members = e.members;
  return {};
}

EditResult apply(Scenario& s, const edit::AddVariable& e) {
  if (auto r = check_new_id(s.variables, e.id); !r.ok()) return r;
  Variable v;
  v.id = e.id;
  v.type = e.type;
  s.variables.push_back(std::move(v));
  return {};
}

EditResult apply(Scenario& s, const edit::RemoveVariable& e) {
  if (find_variable(s, e.id) == nullptr) return fail(EditFailure{EditError::UnknownVariable, e.id});
  if (auto user = first_user(s, for_each_variable_ref, e.id))
    return fail(EditFailure{EditError::InUse, *user});
  std::erase_if(s.variables, [&](const Variable& v) { return v.id == e.id; });
  return {};
}

EditResult apply(Scenario& s, const edit::RenameVariable& e) {
  if (find_variable(s, e.id) == nullptr) return fail(EditFailure{EditError::UnknownVariable, e.id});
  if (auto r = check_new_id(s.variables, e.new_id); !r.ok()) return r;
  find_variable(s, e.id)->id = e.new_id;
  rename_refs(s, for_each_variable_ref, e.id, e.new_id);
  return {};
}

EditResult apply(Scenario& s, const edit::SetVariable& e) {
  Variable* v = find_variable(s, e.id);
  if (v == nullptr) return fail(EditFailure{EditError::UnknownVariable, e.id});
  constexpr std::int64_t kLimit = 1'000'000'000;
  const bool flag = e.type == VariableType::Flag;
  if (flag && (e.initial < 0 || e.initial > 1 || e.min || e.max))
    return fail(EditFailure{EditError::BadValue, e.id});
  if (!flag && (e.initial < -kLimit || e.initial > kLimit ||
                (e.min && (*e.min < -kLimit || *e.min > e.initial)) ||
                (e.max && (*e.max > kLimit || *e.max < e.initial)))) {
    return fail(EditFailure{EditError::BadValue, e.id});
  }
  v->type = e.type;
  v->initial = e.initial;
  v->min = e.min;
  v->max = e.max;
  v->description = e.description;
  return {};
}

}  // namespace upstander::author::detail
