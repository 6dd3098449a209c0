// apply_edit and scope_of: dispatch over the command variant.
#include "header_edits.hpp"
#include "node_edits.hpp"
#include "upstander/author/text_slots.hpp"

namespace upstander::author {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// The node a text key belongs to ("node/<id>/..."), or "".
std::string node_of_key(const std::string& key) {
  if (key.rfind("node/", 0) != 0) return "";
  const std::size_t slash = key.find('/', 5);
  return slash == std::string::npos ? "" : key.substr(5, slash - 5);
}

EditScope one(const std::string& node) {
  return EditScope{false, node};
}
EditScope all() {
  return EditScope{true, ""};
}
EditScope none() {
  return EditScope{};
}

}  // namespace

std::string_view name_of(EditError e) {
  switch (e) {
    case EditError::UnknownNode: return "unknown-node";
    case EditError::UnknownChoice: return "unknown-choice";
    case EditError::UnknownCharacter: return "unknown-character";
    case EditError::UnknownThread: return "unknown-thread";
    case EditError::UnknownVariable: return "unknown-variable";
    case EditError::UnknownText: return "unknown-text";
    case EditError::UnknownLocale: return "unknown-locale";
    case EditError::UnknownOption: return "unknown-option";
    case EditError::BadId: return "bad-id";
    case EditError::DuplicateId: return "duplicate-id";
    case EditError::BadValue: return "bad-value";
    case EditError::WrongKind: return "wrong-kind";
    case EditError::WrongVariableType: return "wrong-variable-type";
    case EditError::OutOfRange: return "out-of-range";
    case EditError::InUse: return "in-use";
    case EditError::NoChange: return "no-change";
  }
  return "?";
}

EditScope scope_of(const EditCommand& c) {
  return std::visit(Overloaded{
                        [](const edit::SetLocales&) { return all(); },
                        [](const edit::SetText& e) { return one(node_of_key(e.key)); },
                        [](const edit::RenameCharacter&) { return all(); },
                        [](const edit::RenameThread&) { return all(); },
                        [](const edit::RenameVariable&) { return all(); },
                        [](const edit::AddNode&) { return all(); },
                        [](const edit::DeleteNode&) { return all(); },
                        [](const edit::MoveNode&) { return all(); },
                        [](const edit::RenameNode&) { return all(); },
                        [](const edit::ChangeKind& e) { return one(e.id); },
                        [](const auto& e) {
                          // Node edits name their node in `node`; the rest change only the header,
                          // the declarations or the translation records.
                          if constexpr (requires { e.node; })
                            return one(e.node);
                          else
                            return none();
                        },
                    },
                    c);
}

EditResult apply_edit(Scenario& s, const EditCommand& c) {
  return std::visit([&](const auto& e) { return detail::apply(s, e); }, c);
}

}  // namespace upstander::author
