// The scenario model: what the loader produces and the runner, game and tools consume.
// The runner never touches JSON; everything here is typed and, once linked, cross-referenced
// by index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "upstander/condition.hpp"
#include "upstander/effect.hpp"
#include "upstander/localized_text.hpp"
#include "upstander/source_loc.hpp"
#include "upstander/translation_record.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander {

inline constexpr int kScenarioFormatVersion = 1;

struct Variable {
  std::string id;
  VariableType type = VariableType::Flag;
  std::int64_t initial = 0;              // flags: 0 or 1
  std::optional<std::int64_t> min, max;  // counters only
  std::string description;               // for authors; never shown to students
  SourceLoc loc;
};

struct Avatar {
  std::string emoji;  // one emoji, optional
  std::string color;  // "#RRGGBB", optional; one of the two is required
};

struct Character {
  std::string id;
  LocalizedText name;
  Avatar avatar;
  bool unknown = false;  // an account the player does not know (shown without a face)
  SourceLoc loc;
};

struct Thread {
  std::string id;
  LocalizedText name;
  ThreadKind kind = ThreadKind::Group;
  int members = 0;  // shown as "31 members"; 0 = not shown
  SourceLoc loc;
};

// A neutral image card: an icon and a label, never a picture (SAFETY.md).
struct ImageCard {
  ImageIcon icon = ImageIcon::Photo;
  LocalizedText label;
};

struct ChatMessage {
  IdRef from;
  LocalizedText text;  // may be empty when the message is only an image
  std::optional<ImageCard> image;
  std::string time;  // "21:04", optional
};

struct NarrationBody {
  LocalizedText text;
};
struct ChatBody {
  IdRef thread;
  std::vector<ChatMessage> messages;
};
struct FeedPostBody {
  IdRef author;
  LocalizedText text;
  std::optional<ImageCard> image;
  int likes = 0;
  int comments = 0;
};
struct DirectMessageBody {
  IdRef from;
  LocalizedText text;
  std::optional<ImageCard> image;
};
struct NotificationBody {
  LocalizedText app;
  LocalizedText title;  // optional
  LocalizedText text;
};
struct ImageCardBody {
  ImageCard image;
  IdRef thread;           // optional: the card arrives in this chat thread
  IdRef from;             // optional: sent by this character
  LocalizedText caption;  // optional
};
struct PerspectiveBody {
  IdRef character;  // whose phone we now see
  LocalizedText caption;
};
// Someone doing, passing on or excusing the harm says why it is fine; the card answers.
struct ExcuseBody {
  IdRef speaker;  // optional; never a targeted character (the validator checks)
  LocalizedText excuse;
  LocalizedText answer;
  std::string source;  // optional http(s) URL for a claim made in the answer
};
// A targeted person's or a supporter's thought that gets in the way (self-blame, fear,
// hope, loyalty to a secret): answered warmly, never called an excuse.
struct ThoughtBody {
  IdRef speaker;  // optional
  LocalizedText thought;
  LocalizedText answer;
  std::string source;  // optional http(s) URL for a claim made in the answer
};
struct RippleBody {
  IdRef counter;
  LocalizedText caption;
};
struct ReflectionOption {
  std::string id;
  LocalizedText text;
  SourceLoc loc;
};
struct Scale {
  LocalizedText min_label;  // shown under 1
  LocalizedText max_label;  // shown under 5
};
struct ReflectionBody {
  LocalizedText question;
  std::vector<ReflectionOption> options;  // either options...
  std::optional<Scale> scale;             // ...or a 1-5 scale
};
struct FactBody {
  LocalizedText text;
  std::string source;          // http(s) URL, shown so schools can check and update the fact
  LocalizedText source_label;  // optional, e.g. "Korea Times, 2024"
};
struct DebriefLayer {
  LocalizedText text;
  std::vector<std::string> sources;
};
struct EndingBody {
  Outcome outcome = Outcome::Mixed;
  LocalizedText title;
  LocalizedText text;
  DebriefLayer targeted;        // the person targeted, days and weeks later
  DebriefLayer around;          // friends, class, family
  DebriefLayer rules;           // law and school
  std::vector<HelpTopic> help;  // which help resources to lead with; never empty
};

using NodeBody = std::variant<NarrationBody, ChatBody, FeedPostBody, DirectMessageBody,
                              NotificationBody, ImageCardBody, PerspectiveBody, ExcuseBody,
                              ThoughtBody, RippleBody, ReflectionBody, FactBody, EndingBody>;

struct Choice {
  std::string id;
  LocalizedText text;
  IdRef to;
  std::optional<Condition> condition;
  std::vector<Effect> effects;
  SourceLoc loc;
};

// A step taken without asking the student: the first entry whose condition holds wins;
// the last entry has no condition and is the default.
struct Route {
  std::optional<Condition> condition;
  IdRef to;
  SourceLoc loc;
};

struct Node {
  std::string id;
  NodeKind kind = NodeKind::Narration;
  std::string scene;             // optional label grouping nodes into a scene
  std::string time;              // optional phone clock, "21:04"
  std::string note;              // for authors only
  std::optional<IdRef> next;     // linear nodes
  std::vector<Route> route;      // linear nodes whose next step depends on the state
  std::vector<Choice> choices;   // decision points
  std::optional<IdRef> skip_to;  // decision points: where "skip this scene" leads
  std::vector<Effect> effects;   // applied on entering the node
  NodeBody body;
  SourceLoc loc;

  bool is_ending() const { return kind == NodeKind::Ending; }
  bool is_decision() const { return !choices.empty(); }
  // Moves on without a decision ("continue"), by "next" or by "route".
  bool is_linear() const { return next.has_value() || !route.empty(); }
  template <typename T>
  const T& as() const {
    return std::get<T>(body);
  }
  template <typename T>
  T& as() {
    return std::get<T>(body);
  }
};

struct Review {
  ReviewStatus status = ReviewStatus::Draft;
  std::string by;    // who reviewed it (a role or school, not a student)
  std::string date;  // YYYY-MM-DD
};

struct Scenario {
  std::string schema;  // "$schema", kept so editors keep validating after `fmt`
  std::string id;
  int format_version = kScenarioFormatVersion;
  std::vector<std::string> locales;
  LocalizedText title;
  LocalizedText summary;
  LocalizedText content_note;
  int min_age = 12;
  int max_age = 18;
  int minutes = 10;
  int order = 100;  // position in scenario lists (lower first); ties by id
  std::vector<LearningGoal> goals;
  Review review;
  IdRef player;  // whose phone the scenario starts on
  // The person or people targeted in the story (optional); the player's id here means the
  // player is targeted, which changes the outcomes the scenario's endings may use.
  std::vector<IdRef> targeted;
  IdRef start;
  std::vector<Variable> variables;
  std::vector<Character> characters;
  std::vector<Thread> threads;
  std::vector<Node> nodes;
  // Which source text each translated text was made from (optional; kept by the
  // translation tools and the editor, so stale translations can be found).
  std::vector<TranslationRecord> translations;

  // Filled by link(): lookups by id.
  std::unordered_map<std::string, int> node_index;
  std::unordered_map<std::string, int> character_index;
  std::unordered_map<std::string, int> variable_index;
  std::unordered_map<std::string, int> thread_index;

  const Node* find_node(std::string_view node_id) const;
  const Character* find_character(std::string_view character_id) const;
  const Variable* find_variable(std::string_view variable_id) const;
  const Thread* find_thread(std::string_view thread_id) const;
  std::vector<std::int64_t> initial_values() const;
  bool is_targeted(std::string_view character_id) const;
  bool player_is_targeted() const { return is_targeted(player.id); }
};

}  // namespace upstander
