// Lines to read aloud, per screen and per node kind.
#include "spoken_lines.hpp"

#include <string>

#include "app_model.hpp"
#include "card_heading.hpp"
#include "character_name.hpp"

namespace upstander::app {

namespace {

class Lines {
 public:
  explicit Lines(const AppModel& m) : m_(m), text_(m.text()) {}

  void add(const std::string& line) {
    if (!line.empty()) out_.push_back(line);
  }
  void add(const LocalizedText& t) { add(text_.pick(t)); }
  // "Minji: are you coming?"; a message without a sender is read as it is.
  void said(const Character* who, const std::string& what) {
    const std::string name = character_name(text_, who);
    if (what.empty()) return;
    add(name.empty() ? what : text_.get("game.read_aloud.said", {{"name", name}, {"text", what}}));
  }
  // Images are neutral cards with a label: the label is what is read.
  std::string image(const ImageCard& card) const {
    return text_.get("game.read_aloud.image", {{"label", text_.pick(card.label)}});
  }
  void choice(std::size_t n, const LocalizedText& t) {
    add(text_.get("game.read_aloud.choice", {{"n", std::to_string(n)}, {"text", text_.pick(t)}}));
  }

  void node(const Runner& r);
  void choices(const Runner& r);
  void reflection(const ReflectionBody& body);
  void ending(const EndingBody& e);
  void survey();

  std::vector<std::string> take() { return std::move(out_); }

 private:
  const Character* who(const Runner& r, const IdRef& ref) const {
    return ref.id.empty() ? nullptr : r.scenario().find_character(ref.id);
  }

  const AppModel& m_;
  const UiText& text_;
  std::vector<std::string> out_;
};

void Lines::node(const Runner& r) {
  const Node& n = r.node();
  const std::size_t shown = m_.revealed_items();
  switch (n.kind) {
    case NodeKind::Narration: add(n.as<NarrationBody>().text); break;
    case NodeKind::Chat: {
      const auto& messages = n.as<ChatBody>().messages;
      said(r.scenario().find_character(r.scenario().player.id), m_.player_line());
      for (std::size_t i = 0; i < messages.size() && i < shown; ++i) {
        const ChatMessage& msg = messages[i];
        said(who(r, msg.from), text_.pick(msg.text));
        if (msg.image) said(who(r, msg.from), image(*msg.image));
      }
      break;
    }
    case NodeKind::FeedPost: {
      const auto& body = n.as<FeedPostBody>();
      said(who(r, body.author), text_.pick(body.text));
      if (body.image) add(image(*body.image));
      break;
    }
    case NodeKind::DirectMessage: {
      const auto& body = n.as<DirectMessageBody>();
      said(r.scenario().find_character(r.scenario().player.id), m_.player_line());
      said(who(r, body.from), text_.pick(body.text));
      if (body.image) add(image(*body.image));
      break;
    }
    case NodeKind::Notification: {
      const auto& body = n.as<NotificationBody>();
      add(body.app);
      add(body.title);
      add(body.text);
      break;
    }
    case NodeKind::ImageCard: {
      const auto& body = n.as<ImageCardBody>();
      said(who(r, body.from), image(body.image));
      add(body.caption);
      break;
    }
    case NodeKind::Perspective: {
      const auto& body = n.as<PerspectiveBody>();
      add(character_name(text_, who(r, body.character)));
      add(body.caption);
      break;
    }
    case NodeKind::Excuse: {
      const auto& body = n.as<ExcuseBody>();
      add(excuse_heading(text_, r.scenario(), body));
      add(body.excuse);
      if (shown >= 2) {
        add(text_.get("game.excuse.answer_heading"));
        add(body.answer);
      }
      break;
    }
    case NodeKind::Thought: {
      const auto& body = n.as<ThoughtBody>();
      add(thought_heading(text_));
      add(body.thought);
      if (shown >= 2) {
        add(text_.get("game.thought.answer_heading"));
        add(body.answer);
      }
      break;
    }
    case NodeKind::Ripple: {
      const auto& body = n.as<RippleBody>();
      add(std::to_string(r.value_of(body.counter.id)));
      add(body.caption);
      break;
    }
    case NodeKind::Fact:
      add(text_.get("game.fact.heading"));
      add(n.as<FactBody>().text);
      break;
    case NodeKind::Reflection:
    case NodeKind::Ending: break;  // their own screens
  }
}

void Lines::choices(const Runner& r) {
  if (!m_.fully_revealed()) return;  // the choices appear once every message is there
  const auto shown = r.visible_choices();
  for (std::size_t i = 0; i < shown.size(); ++i)
    choice(i + 1, r.node().choices[static_cast<std::size_t>(shown[i])].text);
}

void Lines::reflection(const ReflectionBody& body) {
  add(body.question);
  if (body.scale) {
    add("1: " + text_.pick(body.scale->min_label));
    add("5: " + text_.pick(body.scale->max_label));
    return;
  }
  for (std::size_t i = 0; i < body.options.size(); ++i) choice(i + 1, body.options[i].text);
}

void Lines::ending(const EndingBody& e) {
  add(e.title);
  add(e.text);
  add(text_.get("game.debrief.targeted"));
  add(e.targeted.text);
  add(text_.get("game.debrief.around"));
  add(e.around.text);
  add(text_.get("game.debrief.rules"));
  add(e.rules.text);
  add(text_.get("game.help.not_your_fault"));
}

void Lines::survey() {
  const Survey* sv = m_.survey();
  if (!sv || m_.survey_index() >= sv->items.size()) return;
  const SurveyItem& item = sv->items[m_.survey_index()];
  add(item.text(m_.survey_form()));
  if (item.is_vignette()) add(sv->vignette_prompt);
  add("1: " + text_.pick(sv->min_label));
  add("5: " + text_.pick(sv->max_label));
}

}  // namespace

std::vector<std::string> spoken_lines(const AppModel& m) {
  if (m.overlay() != Overlay::None) return {};
  Lines lines(m);
  const Runner* r = m.runner();
  switch (m.screen()) {
    case Screen::Play:
      if (r && r->started()) {
        lines.node(*r);
        lines.choices(*r);
      }
      break;
    case Screen::Reflection:
      if (r && r->node().kind == NodeKind::Reflection)
        lines.reflection(r->node().as<ReflectionBody>());
      break;
    case Screen::Debrief:
      if (r && r->at_ending()) lines.ending(r->node().as<EndingBody>());
      break;
    case Screen::PreSurvey:
    case Screen::PostSurvey: lines.survey(); break;
    default: break;
  }
  return lines.take();
}

}  // namespace upstander::app
