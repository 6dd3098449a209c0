// The edits an author can make, as typed commands. Each names what it changes by id and
// carries typed values, so no edit can produce a syntax error or a value of the wrong type;
// an edit that would break an id (an invalid or duplicate id, a link to a node that does
// not exist) is refused with an EditError instead. Problems that are the author's to solve
// (a missing text, an unreachable ending) are allowed and show up in the live diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "upstander/result.hpp"
#include "upstander/scenario.hpp"

namespace upstander::author {

// Why an edit was refused. The author screens turn these into words (content/locale).
enum class EditError {
  UnknownNode,
  UnknownChoice,
  UnknownCharacter,
  UnknownThread,
  UnknownVariable,
  UnknownText,    // no text slot with that key
  UnknownLocale,  // not one of the scenario's locales
  UnknownOption,  // reflection option
  BadId,          // not a valid id (a-z, 0-9, - and _, at most 64)
  DuplicateId,
  BadValue,           // out of range, not a clock time, not an http(s) address, ...
  WrongKind,          // the node's kind has no such field
  WrongVariableType,  // a flag where a counter is needed, or the other way round
  OutOfRange,         // an index past the end of a list
  InUse,              // a character, thread or variable that something still refers to
  NoChange,           // the edit would change nothing
};
std::string_view name_of(EditError e);

struct EditFailure {
  EditError code{};
  std::string detail = {};  // the id or value concerned
};
// Success (ok()) or why the edit was refused.
using EditResult = Result<void, EditFailure>;

namespace edit {
// One command per line, so the list reads as a catalogue.
// clang-format off

// --- the scenario header ---------------------------------------------------------------
struct SetScenarioId { std::string id; };
struct SetLocales { std::vector<std::string> locales; };  // removing one drops its texts
struct SetAudience { int min_age = 12; int max_age = 18; };
struct SetMinutes { int minutes = 10; };
struct SetOrder { int order = 100; };  // position in scenario lists, 0-10000
// The characters the harm is aimed at (each declared, none twice); [] = none named.
struct SetTargeted { std::vector<std::string> characters; };
struct SetLearningGoals { std::vector<LearningGoal> goals; };
struct SetReview { ReviewStatus status = ReviewStatus::Draft; std::string by; std::string date; };
struct SetPlayer { std::string character; };
struct SetStart { std::string node; };

// --- texts (keys as in text_slots.hpp) ---------------------------------------------------
struct SetText { std::string key; std::string locale; std::string text; };  // "" removes that locale's text
// Records that the translation of `key` into `locale` matches the current source text.
struct ConfirmTranslation { std::string key; std::string locale; };

// --- characters, threads, variables ----------------------------------------------------
struct AddCharacter { std::string id; };
struct RemoveCharacter { std::string id; };
struct RenameCharacter { std::string id; std::string new_id; };
struct SetAvatar { std::string id; std::string emoji; std::string color; };
struct SetCharacterUnknown { std::string id; bool unknown = false; };
struct AddThread { std::string id; };
struct RemoveThread { std::string id; };
struct RenameThread { std::string id; std::string new_id; };
struct SetThread { std::string id; ThreadKind kind = ThreadKind::Group; int members = 0; };
struct AddVariable { std::string id; VariableType type = VariableType::Flag; };
struct RemoveVariable { std::string id; };
struct RenameVariable { std::string id; std::string new_id; };
struct SetVariable {
  std::string id;
  VariableType type = VariableType::Flag;
  std::int64_t initial = 0;
  std::optional<std::int64_t> min, max;
  std::string description;
};

// --- nodes ------------------------------------------------------------------------------
struct AddNode { std::string id; NodeKind kind = NodeKind::Narration; std::optional<std::size_t> index; };
// Links to the deleted node are pointed at `redirect_to` when given, else left for the
// author to fix (they show up as unknown-node on the nodes that link here).
struct DeleteNode { std::string id; std::string redirect_to; };
struct MoveNode { std::string id; std::size_t index = 0; };
struct RenameNode { std::string id; std::string new_id; };
// Keeps what fits the new kind: the main text, who speaks, the image, the exits.
struct ChangeKind { std::string id; NodeKind kind = NodeKind::Narration; };
struct SetScene { std::string node; std::string scene; };
struct SetTime { std::string node; std::string time; };  // "HH:MM" or ""
struct SetNote { std::string node; std::string note; };
// Who speaks: a chat message's "from" (message >= 0), else the node's speaker, sender,
// author or perspective character. "" clears an optional speaker.
struct SetSpeaker { std::string node; std::string character; int message = -1; };
struct SetNodeThread { std::string node; std::string thread; };  // chat, image card ("" = none)
// Adds (icon given) or removes (nullopt) the image of a DM, feed post or chat message; an
// image card's icon.
struct SetImage { std::string node; std::optional<ImageIcon> icon; int message = -1; };
struct AddMessage { std::string node; std::string from; std::optional<std::size_t> index; };
struct RemoveMessage { std::string node; std::size_t index = 0; };
struct MoveMessage { std::string node; std::size_t from = 0; std::size_t to = 0; };
struct SetMessageTime { std::string node; std::size_t index = 0; std::string time; };
struct SetFeedCounts { std::string node; int likes = 0; int comments = 0; };
struct SetRippleCounter { std::string node; std::string counter; };
// The source URL of a fact card, or of an excuse or thought card's answer (optional there).
struct SetFactSource { std::string node; std::string url; };
struct SetOutcome { std::string node; Outcome outcome = Outcome::Mixed; };
struct SetHelpTopics { std::string node; std::vector<HelpTopic> topics; };
struct SetRulesSources { std::string node; std::vector<std::string> urls; };
enum class DebriefLayerId { Targeted, Around, Rules };
// The sources of any debrief layer (SetRulesSources is the rules layer's shorthand).
struct SetDebriefSources { std::string node; DebriefLayerId layer = DebriefLayerId::Rules; std::vector<std::string> urls; };
struct AddOption { std::string node; std::string id; };
struct RemoveOption { std::string node; std::string id; };
struct SetReflectionScale { std::string node; bool scale = false; };  // switch between options and a 1-5 scale
struct SetNodeEffects { std::string node; std::vector<Effect> effects; };

// --- where a node goes next --------------------------------------------------------------
// Replaces the node's choices or route (undo brings them back). "" removes "next".
struct SetNext { std::string node; std::string target; };
// The first choice replaces "next" or "route".
struct AddChoice { std::string node; std::string id; std::string target; std::optional<std::size_t> index; };
struct RemoveChoice { std::string node; std::string choice; };
struct MoveChoice { std::string node; std::string choice; std::size_t index = 0; };
struct RenameChoice { std::string node; std::string choice; std::string new_id; };
struct SetChoiceTarget { std::string node; std::string choice; std::string target; };
struct SetChoiceCondition { std::string node; std::string choice; std::optional<Condition> condition; };
struct SetChoiceEffects { std::string node; std::string choice; std::vector<Effect> effects; };
struct SetSkipTo { std::string node; std::string target; };  // "" removes it
// Replaces next and choices; the last entry must have no condition.
struct SetRoute { std::string node; std::vector<Route> route; };

// clang-format on
}  // namespace edit

using EditCommand = std::variant<
    edit::SetScenarioId, edit::SetLocales, edit::SetAudience, edit::SetMinutes, edit::SetOrder,
    edit::SetTargeted, edit::SetLearningGoals, edit::SetReview, edit::SetPlayer, edit::SetStart,
    edit::SetText, edit::ConfirmTranslation, edit::AddCharacter, edit::RemoveCharacter,
    edit::RenameCharacter, edit::SetAvatar, edit::SetCharacterUnknown, edit::AddThread,
    edit::RemoveThread, edit::RenameThread, edit::SetThread, edit::AddVariable,
    edit::RemoveVariable, edit::RenameVariable, edit::SetVariable, edit::AddNode, edit::DeleteNode,
    edit::MoveNode, edit::RenameNode, edit::ChangeKind, edit::SetScene, edit::SetTime,
    edit::SetNote, edit::SetSpeaker, edit::SetNodeThread, edit::SetImage, edit::AddMessage,
    edit::RemoveMessage, edit::MoveMessage, edit::SetMessageTime, edit::SetFeedCounts,
    edit::SetRippleCounter, edit::SetFactSource, edit::SetOutcome, edit::SetHelpTopics,
    edit::SetRulesSources, edit::AddOption, edit::RemoveOption, edit::SetReflectionScale,
    edit::SetNodeEffects, edit::SetNext, edit::AddChoice, edit::RemoveChoice, edit::MoveChoice,
    edit::RenameChoice, edit::SetChoiceTarget, edit::SetChoiceCondition, edit::SetChoiceEffects,
    edit::SetSkipTo, edit::SetRoute, edit::SetDebriefSources>;

// What an edit may touch besides the header, the declarations and the translation records
// (which every edit snapshot includes): one node, or the whole node list.
struct EditScope {
  bool all_nodes = false;
  std::string node;  // when !all_nodes; "" = no node
};
EditScope scope_of(const EditCommand& c);

// The field a typed edit writes ("text node/a/text ko", "note a"), so the editor can fold
// the keystrokes of one field into one undo step; "" for edits that are not typing.
std::string typing_field(const EditCommand& c);

// Applies `c` to `s`; on refusal `s` is unchanged. Lookups are by id, never by the
// linker's indices, so `s` need not be linked.
EditResult apply_edit(Scenario& s, const EditCommand& c);

}  // namespace upstander::author
