// Edits of nodes and of the fields of each node kind.
#include "node_edits.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "upstander/author/text_slots.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/node_fields.hpp"

namespace upstander::author::detail {

namespace {

template <typename T>
EditResult with_body(Scenario& s, const std::string& node,
                     const std::function<EditResult(Node&, T&)>& f) {
  Node* n = find_node(s, node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, node});
  T* b = std::get_if<T>(&n->body);
  if (b == nullptr) return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  return f(*n, *b);
}

EditResult need_character(Scenario& s, const std::string& id, bool optional) {
  if (id.empty()) {
    if (optional) return {};
    return fail(EditFailure{EditError::BadValue, "a speaker is required"});
  }
  if (find_character(s, id) == nullptr) return fail(EditFailure{EditError::UnknownCharacter, id});
  return {};
}

// Message keys are by position: moving or removing messages renumbers them.
void renumber_messages(Scenario& s, const std::string& node,
                       const std::function<std::optional<std::size_t>(std::size_t)>& map) {
  const std::string prefix = node_key_prefix(node) + "message/";
  rekey_translations(s, [&](const std::string& key) -> std::optional<std::string> {
    if (key.rfind(prefix, 0) != 0) return key;
    const std::size_t slash = key.find('/', prefix.size());
    if (slash == std::string::npos) return key;
    std::size_t old_index = 0;
    const auto parsed = std::from_chars(key.data() + prefix.size(), key.data() + slash, old_index);
    if (parsed.ec != std::errc() || parsed.ptr != key.data() + slash) return key;
    const auto new_index = map(old_index);
    if (!new_index) return std::nullopt;
    return prefix + std::to_string(*new_index) + key.substr(slash);
  });
}

}  // namespace

EditResult apply(Scenario& s, const edit::AddNode& e) {
  if (auto r = check_new_id(s.nodes, e.id); !r.ok()) return r;
  const std::size_t at = e.index.value_or(s.nodes.size());
  if (at > s.nodes.size()) return fail(EditFailure{EditError::OutOfRange, std::to_string(at)});
  Node n;
  n.id = e.id;
  n.kind = e.kind;
  n.body = empty_body(e.kind);
  s.nodes.insert(s.nodes.begin() + static_cast<std::ptrdiff_t>(at), std::move(n));
  return {};
}

EditResult apply(Scenario& s, const edit::DeleteNode& e) {
  if (find_node(s, e.id) == nullptr) return fail(EditFailure{EditError::UnknownNode, e.id});
  if (!e.redirect_to.empty() && (e.redirect_to == e.id || find_node(s, e.redirect_to) == nullptr)) {
    return fail(EditFailure{EditError::UnknownNode, e.redirect_to});
  }
  std::erase_if(s.nodes, [&](const Node& n) { return n.id == e.id; });
  if (!e.redirect_to.empty()) rename_refs(s, for_each_node_ref, e.id, e.redirect_to);
  return {};
}

EditResult apply(Scenario& s, const edit::MoveNode& e) {
  const auto it =
      std::find_if(s.nodes.begin(), s.nodes.end(), [&](const Node& n) { return n.id == e.id; });
  if (it == s.nodes.end()) return fail(EditFailure{EditError::UnknownNode, e.id});
  if (e.index >= s.nodes.size())
    return fail(EditFailure{EditError::OutOfRange, std::to_string(e.index)});
  Node moving = std::move(*it);
  s.nodes.erase(it);
  s.nodes.insert(s.nodes.begin() + static_cast<std::ptrdiff_t>(e.index), std::move(moving));
  return {};
}

EditResult apply(Scenario& s, const edit::RenameNode& e) {
  if (find_node(s, e.id) == nullptr) return fail(EditFailure{EditError::UnknownNode, e.id});
  if (auto r = check_new_id(s.nodes, e.new_id); !r.ok()) return r;
  find_node(s, e.id)->id = e.new_id;
  rename_refs(s, for_each_node_ref, e.id, e.new_id);
  rename_key_prefix(s, node_key_prefix(e.id), node_key_prefix(e.new_id));
  return {};
}

EditResult apply(Scenario& s, const edit::ChangeKind& e) {
  Node* n = find_node(s, e.id);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.id});
  if (n->kind == e.kind) return fail(EditFailure{EditError::NoChange});
  const bool was_reflection = n->kind == NodeKind::Reflection;
  const NodeBody old = n->body;
  n->body = convert_body(old, e.kind);
  n->kind = e.kind;
  if (e.kind == NodeKind::Ending) {
    n->next.reset();
    n->choices.clear();
    n->route.clear();
    n->skip_to.reset();
  } else if (e.kind == NodeKind::Reflection) {
    // A reflection continues with "next"; its answers are options, not choices.
    ReflectionBody& r = n->as<ReflectionBody>();
    if (!n->choices.empty()) {
      r.scale.reset();
      for (const auto& c : n->choices) r.options.push_back({c.id, c.text, {}});
      if (!n->next) n->next = n->choices.front().to;
    } else if (!n->route.empty() && !n->next) {
      n->next = n->route.back().to;
    }
    n->choices.clear();
    n->route.clear();
    n->skip_to.reset();
  } else if (was_reflection) {
    const auto& r = std::get<ReflectionBody>(old);
    if (r.options.size() >= 2 && n->next) {
      for (const auto& o : r.options)
        n->choices.push_back(Choice{o.id, o.text, *n->next, std::nullopt, {}, {}});
      n->next.reset();
    }
  }
  return {};
}

EditResult apply(Scenario& s, const edit::SetScene& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  n->scene = e.scene;
  return {};
}

EditResult apply(Scenario& s, const edit::SetTime& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  if (!e.time.empty() && !is_clock(e.time)) return fail(EditFailure{EditError::BadValue, e.time});
  n->time = e.time;
  return {};
}

EditResult apply(Scenario& s, const edit::SetNote& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  n->note = e.note;
  return {};
}

EditResult apply(Scenario& s, const edit::SetSpeaker& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  IdRef* ref = nullptr;
  bool optional = false;
  if (auto* chat = std::get_if<ChatBody>(&n->body)) {
    if (e.message < 0 || static_cast<std::size_t>(e.message) >= chat->messages.size()) {
      return fail(EditFailure{EditError::OutOfRange, std::to_string(e.message)});
    }
    ref = &chat->messages[static_cast<std::size_t>(e.message)].from;
  } else if (e.message >= 0) {
    return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  } else if (const FieldSpec* spec = nullptr;
             (ref = carried_field<IdRef>(n->body, Carries::Speaker, &spec))) {
    optional = !spec->required;
  } else {
    return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  }
  if (auto r = need_character(s, e.character, optional); !r.ok()) return r;
  ref->id = e.character;
  return {};
}

EditResult apply(Scenario& s, const edit::SetNodeThread& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  const FieldSpec* spec = nullptr;
  IdRef* ref = carried_field<IdRef>(n->body, Carries::Thread, &spec);
  if (ref == nullptr) return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  if (e.thread.empty() && spec->required)
    return fail(
        EditFailure{EditError::BadValue, "a " + std::string(name_of(n->kind)) + " needs a thread"});
  if (!e.thread.empty() && find_thread(s, e.thread) == nullptr)
    return fail(EditFailure{EditError::UnknownThread, e.thread});
  ref->id = e.thread;
  return {};
}

EditResult apply(Scenario& s, const edit::SetImage& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  std::optional<ImageCard>* slot = nullptr;
  if (auto* chat = std::get_if<ChatBody>(&n->body); chat && e.message >= 0) {
    if (static_cast<std::size_t>(e.message) >= chat->messages.size())
      return fail(EditFailure{EditError::OutOfRange, std::to_string(e.message)});
    slot = &chat->messages[static_cast<std::size_t>(e.message)].image;
  } else if (e.message >= 0) {
    return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  } else if (ImageCard* card = carried_field<ImageCard>(n->body, Carries::Image)) {
    // The table's required image (an image card's) is always there; only its icon changes.
    if (!e.icon) return fail(EditFailure{EditError::BadValue, "an image card always has an image"});
    card->icon = *e.icon;
    return {};
  } else if ((slot = carried_field<std::optional<ImageCard>>(n->body, Carries::Image)) == nullptr) {
    return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  }
  if (!e.icon) {
    slot->reset();
  } else if (*slot) {
    (*slot)->icon = *e.icon;
  } else {
    *slot = ImageCard{*e.icon, {}};
  }
  return {};
}

EditResult apply(Scenario& s, const edit::AddMessage& e) {
  return with_body<ChatBody>(s, e.node, [&](Node& n, ChatBody& chat) -> EditResult {
    const std::size_t at = e.index.value_or(chat.messages.size());
    if (at > chat.messages.size())
      return fail(EditFailure{EditError::OutOfRange, std::to_string(at)});
    if (auto r = need_character(s, e.from, false); !r.ok()) return r;
    ChatMessage m;
    m.from.id = e.from;
    chat.messages.insert(chat.messages.begin() + static_cast<std::ptrdiff_t>(at), std::move(m));
    renumber_messages(
        s, n.id, [&](std::size_t i) -> std::optional<std::size_t> { return i >= at ? i + 1 : i; });
    return {};
  });
}

EditResult apply(Scenario& s, const edit::RemoveMessage& e) {
  return with_body<ChatBody>(s, e.node, [&](Node& n, ChatBody& chat) -> EditResult {
    if (e.index >= chat.messages.size())
      return fail(EditFailure{EditError::OutOfRange, std::to_string(e.index)});
    chat.messages.erase(chat.messages.begin() + static_cast<std::ptrdiff_t>(e.index));
    renumber_messages(s, n.id, [&](std::size_t i) -> std::optional<std::size_t> {
      if (i == e.index) return std::nullopt;
      return i > e.index ? i - 1 : i;
    });
    return {};
  });
}

EditResult apply(Scenario& s, const edit::MoveMessage& e) {
  return with_body<ChatBody>(s, e.node, [&](Node& n, ChatBody& chat) -> EditResult {
    if (e.from >= chat.messages.size() || e.to >= chat.messages.size())
      return fail(EditFailure{EditError::OutOfRange});
    if (e.from == e.to) return fail(EditFailure{EditError::NoChange});
    ChatMessage m = std::move(chat.messages[e.from]);
    chat.messages.erase(chat.messages.begin() + static_cast<std::ptrdiff_t>(e.from));
    chat.messages.insert(chat.messages.begin() + static_cast<std::ptrdiff_t>(e.to), std::move(m));
    renumber_messages(s, n.id, [&](std::size_t i) -> std::optional<std::size_t> {
      if (i == e.from) return e.to;
      if (e.from < e.to && i > e.from && i <= e.to) return i - 1;
      if (e.to < e.from && i >= e.to && i < e.from) return i + 1;
      return i;
    });
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetMessageTime& e) {
  return with_body<ChatBody>(s, e.node, [&](Node&, ChatBody& chat) -> EditResult {
    if (e.index >= chat.messages.size())
      return fail(EditFailure{EditError::OutOfRange, std::to_string(e.index)});
    if (!e.time.empty() && !is_clock(e.time)) return fail(EditFailure{EditError::BadValue, e.time});
    chat.messages[e.index].time = e.time;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetFeedCounts& e) {
  return with_body<FeedPostBody>(s, e.node, [&](Node&, FeedPostBody& feed) -> EditResult {
    if (e.likes < 0 || e.comments < 0 || e.likes > 10'000'000 || e.comments > 10'000'000)
      return fail(EditFailure{EditError::BadValue});
    feed.likes = e.likes;
    feed.comments = e.comments;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetRippleCounter& e) {
  return with_body<RippleBody>(s, e.node, [&](Node&, RippleBody& ripple) -> EditResult {
    const Variable* v = find_variable(s, e.counter);
    if (v == nullptr) return fail(EditFailure{EditError::UnknownVariable, e.counter});
    if (v->type != VariableType::Counter)
      return fail(EditFailure{EditError::WrongVariableType, e.counter});
    ripple.counter.id = e.counter;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetFactSource& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  std::string* source = source_field(n->body);
  if (source == nullptr)
    return fail(EditFailure{EditError::WrongKind, std::string(name_of(n->kind))});
  if (!e.url.empty() && !is_http_url(e.url)) return fail(EditFailure{EditError::BadValue, e.url});
  *source = e.url;
  return {};
}

EditResult apply(Scenario& s, const edit::SetOutcome& e) {
  return with_body<EndingBody>(s, e.node, [&](Node&, EndingBody& end) -> EditResult {
    end.outcome = e.outcome;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetHelpTopics& e) {
  return with_body<EndingBody>(s, e.node, [&](Node&, EndingBody& end) -> EditResult {
    if (std::set<HelpTopic>(e.topics.begin(), e.topics.end()).size() != e.topics.size())
      return fail(EditFailure{EditError::DuplicateId});
    end.help = e.topics;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetRulesSources& e) {
  return apply(s, edit::SetDebriefSources{e.node, edit::DebriefLayerId::Rules, e.urls});
}

EditResult apply(Scenario& s, const edit::SetDebriefSources& e) {
  return with_body<EndingBody>(s, e.node, [&](Node&, EndingBody& end) -> EditResult {
    for (const auto& url : e.urls) {
      if (!is_http_url(url)) return fail(EditFailure{EditError::BadValue, url});
    }
    DebriefLayer& layer = e.layer == edit::DebriefLayerId::Targeted ? end.targeted
                          : e.layer == edit::DebriefLayerId::Around ? end.around
                                                                    : end.rules;
    layer.sources = e.urls;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::AddOption& e) {
  return with_body<ReflectionBody>(s, e.node, [&](Node&, ReflectionBody& r) -> EditResult {
    if (r.scale) return fail(EditFailure{EditError::WrongKind, "scale"});
    if (auto res = check_new_id(r.options, e.id); !res.ok()) return res;
    r.options.push_back({e.id, {}, {}});
    return {};
  });
}

EditResult apply(Scenario& s, const edit::RemoveOption& e) {
  return with_body<ReflectionBody>(s, e.node, [&](Node&, ReflectionBody& r) -> EditResult {
    const auto before = r.options.size();
    std::erase_if(r.options, [&](const ReflectionOption& o) { return o.id == e.id; });
    if (r.options.size() == before) return fail(EditFailure{EditError::UnknownOption, e.id});
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetReflectionScale& e) {
  return with_body<ReflectionBody>(s, e.node, [&](Node&, ReflectionBody& r) -> EditResult {
    if (r.scale.has_value() == e.scale) return fail(EditFailure{EditError::NoChange});
    if (e.scale) {
      r.options.clear();
      r.scale = Scale{};
    } else {
      r.scale.reset();
    }
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetNodeEffects& e) {
  Node* n = find_node(s, e.node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, e.node});
  if (auto r = check_effects(s, e.effects); !r.ok()) return r;
  n->effects = e.effects;
  return {};
}

}  // namespace upstander::author::detail
