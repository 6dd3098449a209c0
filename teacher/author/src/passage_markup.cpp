// One left-to-right pass over a passage: comments, links, macros, HTML and formatting marks,
// each handled where it starts so every note can name its line.
//
// Index:
//   1. Characters and quoted arguments
//   2. The reader: open hooks, the pass, comments
//   3. Conditions and links around the reading position
//   4. Closing hooks, sets and go-tos
//   5. Links [[...]]
//   6. SugarCube and Snowman
//   7. Harlowe
//   8. HTML, formatting marks and variables
//   9. The finished text
//   10. Link syntax and the entry points

#include "upstander/author/passage_markup.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "upstander/author/twine_logic.hpp"

#include "twine_reading.hpp"

namespace upstander::author {

namespace {

// --- 1. Characters and quoted arguments ---

// Stand-ins for links in the intermediate text; stripped from the input first.
constexpr char kMarkOpen = '\x01';
constexpr char kMarkClose = '\x02';

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_word(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_conditional(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = {"if",      "unless", "else",   "elseif",
                                                            "else-if", "elsif",  "switch", "case",
                                                            "default", "for",    "either", "cond"};
  return kNames.count(name) > 0;
}
bool is_link_macro(std::string_view name) {
  return name.rfind("link", 0) == 0 || name.rfind("click", 0) == 0 || name == "button";
}

Condition negated(const Condition& c) {
  return negated_condition(c);
}

// "\"Text\", 'Passage'" or "\"Text\" \"Passage\"": the quoted strings, or nullopt when the
// arguments are anything else (a variable, an expression).
std::optional<std::vector<std::string>> string_args(std::string_view args) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < args.size()) {
    const char c = args[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
      ++i;
      continue;
    }
    if (c != '"' && c != '\'') return std::nullopt;
    std::string value;
    std::size_t k = i + 1;
    for (; k < args.size() && args[k] != c; ++k) {
      if (args[k] == '\\' && k + 1 < args.size()) ++k;
      value += args[k];
    }
    if (k >= args.size()) return std::nullopt;
    out.push_back(std::move(value));
    i = k + 1;
  }
  return out;
}

// --- 2. The reader: open hooks, the pass, comments ---

// An open hook (Harlowe) or block (SugarCube) around the reading position.
struct Context {
  enum class Kind { If, Opaque, Link, Plain };
  Kind kind = Kind::Plain;
  std::string label;                    // "Harlowe (if:)", for notes
  std::string block;                    // SugarCube: the macro whose <</...>> closes it
  std::size_t end = std::string::npos;  // Harlowe: the hook's closing ']'
  std::size_t opened_at = 0;
  std::size_t out_start = 0;  // where its text begins in the output
  int chain = -1, branch = -1;
  std::vector<Condition> conjuncts;
  TwineLink link;  // Link: the choice being built
};

struct ChainState {
  std::vector<Condition> owns;  // each branch's own condition so far
  bool opaque = false;          // a branch's condition could not be read
};

class MarkupReader {
 public:
  MarkupReader(const TwinePassage& p, ImportNotes& notes) : p_(p), notes_(notes) {
    for (char c : p.text) {
      if (c != kMarkOpen && c != kMarkClose) s_ += c;
    }
    for (std::size_t i = 0; i < s_.size(); ++i) {
      if (s_[i] == '\n') newlines_.push_back(i);
    }
  }

  PassageContent run() {
    while (i_ < s_.size()) {
      if (dropped_.erase(i_) > 0) {
        close_hook(i_);
        ++i_;
        continue;
      }
      if (comment() || link() || sugarcube_macro() || snowman_code() || harlowe_macro() ||
          html_tag() || formatting()) {
        continue;
      }
      if (s_[i_] == '$' && i_ + 1 < s_.size() && (is_alpha(s_[i_ + 1]) || s_[i_ + 1] == '_'))
        variable();
      out_ += s_[i_++];
    }
    while (!stack_.empty()) pop();
    PassageContent content;
    content.links = std::move(links_);
    content.text = finish_text(content.links);
    content.effects = std::move(effects_);
    content.chains = std::move(chains_);
    return content;
  }

 private:
  std::uint32_t line_at(std::size_t offset) const {
    const auto idx =
        std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin();
    return p_.line_of(static_cast<std::size_t>(idx));
  }
  void note(std::size_t offset, std::string message,
            ImportNote::Level level = ImportNote::Level::Warning) {
    notes_.push_back(
        {level, line_at(offset), "passage \"" + p_.name + "\": " + std::move(message)});
  }
  bool starts(std::string_view token) const {
    return std::string_view(s_).substr(i_, token.size()) == token;
  }

  bool comment() {
    for (auto [open, close] : {std::pair{"/*", "*/"}, std::pair{"<!--", "-->"}}) {
      if (!starts(open)) continue;
      const std::size_t end = s_.find(close, i_ + std::string_view(open).size());
      i_ = end == std::string::npos ? s_.size() : end + std::string_view(close).size();
      return true;
    }
    return false;
  }

  // --- 3. Conditions and links around the reading position ---

  std::vector<Condition> current_conditions() const {
    std::vector<Condition> all;
    for (const auto& c : stack_) all.insert(all.end(), c.conjuncts.begin(), c.conjuncts.end());
    return all;
  }
  // The innermost open link, if no condition lies between it and the reading position.
  Context* open_link() {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->kind == Context::Kind::Link) return &*it;
      if (it->kind == Context::Kind::If || it->kind == Context::Kind::Opaque) return nullptr;
    }
    return nullptr;
  }
  bool under_condition() const {
    return std::any_of(stack_.begin(), stack_.end(), [](const Context& c) {
      return c.kind == Context::Kind::If || c.kind == Context::Kind::Opaque;
    });
  }
  bool under_opaque() const {
    return std::any_of(stack_.begin(), stack_.end(),
                       [](const Context& c) { return c.kind == Context::Kind::Opaque; });
  }
  void place(TwineLink& l) {
    l.conditions = current_conditions();
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->kind == Context::Kind::If) {
        l.chain = it->chain;
        l.branch = it->branch;
        break;
      }
    }
  }
  void remember_reads(const Condition& c) {
    for_each_variable(c, [&](const IdRef& v) { read_vars_.insert(v.id); });
  }

  int new_chain() {
    chains_.push_back({0, false, stack_.empty()});
    chain_states_.emplace_back();
    return static_cast<int>(chains_.size()) - 1;
  }

  // Makes `ctx` the next branch of `chain`: "not" every earlier branch, then its own
  // condition (none for an else).
  void open_branch(Context& ctx, int chain, std::optional<std::string_view> condition, bool negate,
                   std::size_t at) {
    ChainState& state = chain_states_[static_cast<std::size_t>(chain)];
    IfChain& info = chains_[static_cast<std::size_t>(chain)];
    ctx.chain = chain;
    ctx.branch = info.branches++;
    ctx.conjuncts.clear();
    ctx.kind = Context::Kind::If;
    if (state.opaque) {
      ctx.kind = Context::Kind::Opaque;
      note(
          at,
          ctx.label +
              " follows a condition that cannot be carried; its text and links are kept and always shown");
      return;
    }
    for (const auto& own : state.owns) ctx.conjuncts.push_back(negated(own));
    if (!condition) {
      info.has_else = true;
      return;
    }
    TwineCondition c = parse_twine_condition(*condition);
    if (!c) {
      state.opaque = true;
      ctx.kind = Context::Kind::Opaque;
      ctx.conjuncts.clear();
      note(at, ctx.label + " cannot be carried (" + c.error() +
                   "); its text and links are kept and always shown");
      return;
    }
    if (negate) *c = negated(*c);
    remember_reads(*c);
    state.owns.push_back(*c);
    ctx.conjuncts.push_back(*c);
  }

  // Text left inside a conditional hook would always show in Upstander.
  void check_conditional_text(const Context& ctx) {
    if (ctx.kind != Context::Kind::If) return;
    std::string plain;
    for (std::size_t k = ctx.out_start; k < out_.size(); ++k) {
      if (out_[k] == kMarkOpen) {
        k = out_.find(kMarkClose, k);
        if (k == std::string::npos) break;
        continue;
      }
      plain += out_[k];
    }
    if (!is_filler(plain)) {
      note(
          ctx.opened_at,
          ctx.label +
              ": Upstander shows no text under a condition; the text inside is kept and always shown");
    }
  }

  // --- 4. Closing hooks, sets and go-tos ---

  void pop() {
    Context ctx = std::move(stack_.back());
    stack_.pop_back();
    check_conditional_text(ctx);
    if (ctx.kind == Context::Kind::Link) finish_link(ctx);
    last_chain_[stack_.size()] =
        ctx.kind == Context::Kind::If || ctx.kind == Context::Kind::Opaque ? ctx.chain : -1;
  }

  void close_hook(std::size_t at) {
    if (!stack_.empty() && stack_.back().end == at) pop();
  }

  void finish_link(Context& ctx) {
    if (ctx.link.target.empty()) {
      note(
          ctx.opened_at,
          ctx.label +
              " without a (go-to:) or passage is not imported as a choice (write [[text->passage]]); its text is kept");
      return;
    }
    out_.resize(std::min(out_.size(), ctx.out_start));
    add_link(std::move(ctx.link));
  }

  void add_link(TwineLink l) {
    out_ += kMarkOpen + std::to_string(links_.size()) + kMarkClose;
    links_.push_back(std::move(l));
  }

  // A (set:) or <<set>>: on the link being built, on arriving, or (under a condition) not at all.
  void sets(std::string_view args, std::size_t at, const std::string& label) {
    TwineEffects e = parse_twine_assignments(args);
    if (!e) {
      note(at, label + " cannot be carried (" + e.error() + "); removed");
      return;
    }
    if (Context* l = open_link()) {
      l->link.effects.insert(l->link.effects.end(), e->begin(), e->end());
      return;
    }
    if (under_condition()) {
      note(
          at,
          label +
              " under a condition cannot be carried (Upstander's changes do not depend on conditions); removed");
      return;
    }
    for (const auto& effect : *e) {
      if (read_vars_.count(effect.var.id)) {
        note(at, label + " changes $" + effect.var.id +
                     " after a condition on it: Upstander applies a passage's changes "
                     "on arriving, before its conditions are read; check the result");
      }
      effects_.push_back(effect);
    }
  }

  void go_to(const std::string& target, std::size_t at, const std::string& label) {
    if (Context* l = open_link(); l != nullptr && l->link.target.empty()) {
      l->link.target = target;
      return;
    }
    if (std::any_of(stack_.begin(), stack_.end(),
                    [](const Context& c) { return c.kind == Context::Kind::Link; })) {
      note(at, label + " inside a link cannot be carried there; removed");
      return;
    }
    if (under_opaque())
      note(at,
           label +
               " is under a condition that cannot be carried; it is taken whatever the condition");
    TwineLink l;
    l.text = l.target = target;
    l.go_to = true;
    l.line = line_at(at);
    place(l);
    links_.push_back(std::move(l));
  }

  // --- 5. Links [[...]] ---

  bool link() {
    if (!starts("[[")) return false;
    const std::size_t close = s_.find("]]", i_ + 2);
    const std::size_t eol = s_.find('\n', i_);
    if (close == std::string::npos || (eol != std::string::npos && eol < close)) {
      note(i_, "a link \"[[\" is not closed with \"]]\" on the same line; kept as text");
      out_ += "[[";
      i_ += 2;
      return true;
    }
    TwineLink l = wiki_link(std::string_view(s_).substr(i_ + 2, close - i_ - 2), i_);
    if (l.target.empty()) {
      note(i_, "a link without a target; dropped");
    } else {
      place(l);
      add_link(std::move(l));
    }
    i_ = close + 2;
    return true;
  }

  // [[...]] with its setter read.
  TwineLink wiki_link(std::string_view inner, std::size_t at) {
    TwineLink l = parse_link(inner);
    l.line = line_at(at);
    if (l.has_setter) {
      TwineEffects e = parse_twine_assignments(l.setter);
      if (e) {
        l.effects = std::move(*e);
      } else {
        note(at, "the setter after the link to \"" + l.target + "\" cannot be carried (" +
                     e.error() + "); dropped");
      }
    }
    return l;
  }

  // --- 6. SugarCube and Snowman ---

  bool sugarcube_macro() {
    if (!starts("<<")) return false;
    const std::size_t close = s_.find(">>", i_ + 2);
    if (close == std::string::npos) return false;
    std::size_t k = i_ + 2;
    const bool closing = k < s_.size() && s_[k] == '/';
    if (closing) ++k;
    std::string name;
    while (k < close && is_word(s_[k])) name += lower(s_[k++]);
    if (name.empty() && k < close && s_[k] == '=') name = "=";
    const std::string args = trim_copy(std::string_view(s_).substr(k, close - k));
    const std::size_t at = i_;
    i_ = close + 2;
    if (closing) {
      close_block(name);
    } else {
      sugarcube_open(name, args, at);
    }
    return true;
  }

  void close_block(const std::string& name) {
    const std::string block = name == "button" ? "link" : name;
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].block == block) {
        while (stack_.size() > k) pop();
        return;
      }
    }
  }

  Context block(const std::string& name, std::size_t at) {
    Context c;
    c.label = "SugarCube <<" + name + ">>";
    c.block = name == "button" ? "link" : name;
    c.opened_at = at;
    c.out_start = out_.size();
    return c;
  }

  void sugarcube_open(const std::string& name, const std::string& args, std::size_t at) {
    const std::string label = "SugarCube <<" + name + ">>";
    if (name == "if") {
      Context c = block(name, at);
      open_branch(c, new_chain(), args, false, at);
      stack_.push_back(std::move(c));
    } else if (name == "elseif" || name == "else") {
      if (stack_.empty() || stack_.back().block != "if") {
        note(at, label + " follows no <<if>>; removed");
        return;
      }
      Context& c = stack_.back();
      check_conditional_text(c);
      c.label = label;
      c.opened_at = at;
      c.out_start = out_.size();
      open_branch(c, c.chain, name == "else" ? std::nullopt : std::optional<std::string_view>(args),
                  false, at);
    } else if (name == "set") {
      sets(args, at, label);
    } else if (name == "goto") {
      const std::optional<std::string> target = target_arg(args);
      if (target)
        go_to(*target, at, label);
      else
        note(at, label + " to a passage named by an expression cannot be carried; removed");
    } else if (name == "link" || name == "button") {
      Context c = block(name, at);
      c.kind = Context::Kind::Link;
      if (args.rfind("[[", 0) == 0 && args.size() >= 4 &&
          args.compare(args.size() - 2, 2, "]]") == 0) {
        c.link = wiki_link(std::string_view(args).substr(2, args.size() - 4), at);
      } else if (auto strings = string_args(args);
                 strings && !strings->empty() && strings->size() <= 2) {
        c.link.text = (*strings)[0];
        if (strings->size() == 2) c.link.target = (*strings)[1];
        c.link.line = line_at(at);
      } else {
        c.kind = Context::Kind::Plain;
        note(
            at,
            label +
                " with these arguments is not imported as a choice (write [[text->passage]]); removed");
      }
      place(c.link);
      stack_.push_back(std::move(c));
    } else {
      static const std::set<std::string, std::less<>> kBlocks = {
          "switch", "for", "repeat", "timed", "widget", "done", "type"};
      if (is_conditional(name)) {
        note(at, label + " is not supported; the text inside is kept and always shown");
      } else if (is_link_macro(name)) {
        note(at, label + " is not imported as a choice (write [[text->passage]]); removed");
      } else {
        note(at, label + " is not supported; removed");
      }
      if (kBlocks.count(name)) {
        Context c = block(name, at);
        c.kind = Context::Kind::Opaque;
        stack_.push_back(std::move(c));
      }
    }
  }

  // "Passage", 'Passage' or [[Passage]].
  static std::optional<std::string> target_arg(std::string_view args) {
    if (args.rfind("[[", 0) == 0 && args.size() >= 4 && args.substr(args.size() - 2) == "]]") {
      return parse_link(args.substr(2, args.size() - 4)).target;
    }
    auto strings = string_args(args);
    if (strings && strings->size() == 1) return strings->front();
    return std::nullopt;
  }

  bool snowman_code() {
    if (!starts("<%")) return false;
    const std::size_t close = s_.find("%>", i_ + 2);
    if (close == std::string::npos) return false;
    note(i_, "JavaScript in <% %> is not supported; removed");
    i_ = close + 2;
    return true;
  }

  // The offset after the ')' closing the call that starts at i_, or npos.
  std::size_t call_end(std::size_t from) const {
    int depth = 0;
    for (std::size_t k = from; k < s_.size(); ++k) {
      const char c = s_[k];
      if (c == '"' || c == '\'') {
        for (++k; k < s_.size() && s_[k] != c; ++k) {
          if (s_[k] == '\\') ++k;
        }
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) return k + 1;
    }
    return std::string::npos;
  }

  std::size_t bracket_end(std::size_t from) const {
    int depth = 0;
    for (std::size_t k = from; k < s_.size(); ++k) {
      if (s_[k] == '[') ++depth;
      if (s_[k] == ']' && --depth == 0) return k;
    }
    return std::string::npos;
  }

  // --- 7. Harlowe ---

  bool harlowe_macro() {
    if (s_[i_] != '(' || i_ + 1 >= s_.size() || !is_alpha(s_[i_ + 1])) return false;
    std::size_t k = i_ + 1;
    std::string name;
    while (k < s_.size() && is_word(s_[k])) name += lower(s_[k++]);
    if (k >= s_.size() || s_[k] != ':') return false;
    const std::size_t end = call_end(i_);
    if (end == std::string::npos) return false;
    // "[" opens a hook unless it starts a link; "[[[" is a hook holding a link.
    const bool hook = end < s_.size() && s_[end] == '[' &&
                      !(end + 1 < s_.size() && s_[end + 1] == '[' &&
                        !(end + 2 < s_.size() && s_[end + 2] == '['));
    const std::size_t hook_end = hook ? bracket_end(end) : std::string::npos;
    const std::string args = trim_copy(std::string_view(s_).substr(k + 1, end - 1 - (k + 1)));
    const std::string label = "Harlowe (" + name + ":)";
    const std::size_t at = i_;
    i_ = end;
    Context c;
    c.label = label;
    c.opened_at = at;
    c.end = hook_end;
    const bool has_hook = hook_end != std::string::npos;
    if (name == "if" || name == "unless" || name == "else-if" || name == "elseif" ||
        name == "else") {
      if (!has_hook) {
        note(at, label + " without a hook; removed");
        return true;
      }
      if (name == "if" || name == "unless") {
        open_branch(c, new_chain(), args, name == "unless", at);
      } else if (auto chain = last_chain_.find(stack_.size());
                 chain != last_chain_.end() && chain->second >= 0) {
        open_branch(c, chain->second,
                    name == "else" ? std::nullopt : std::optional<std::string_view>(args), false,
                    at);
      } else {
        c.kind = Context::Kind::Opaque;
        note(at, label + " follows no (if:) hook; the text of its hook is kept and always shown");
      }
    } else if (name == "set") {
      sets(args, at, label);
    } else if (name == "go-to" || name == "goto" || name == "redirect") {
      const auto target = string_args(args);
      if (target && target->size() == 1)
        go_to(target->front(), at, label);
      else
        note(at, label + " to a passage named by an expression cannot be carried; removed");
    } else if (name == "link-goto") {
      const auto strings = string_args(args);
      if (strings && !strings->empty() && strings->size() <= 2) {
        TwineLink l;
        l.text = strings->front();
        l.target = strings->back();
        l.line = line_at(at);
        place(l);
        add_link(std::move(l));
      } else {
        note(at, label + " to a passage named by an expression cannot be carried; removed");
      }
    } else if ((name == "link" || name == "link-reveal" || name == "link-reveal-goto") &&
               has_hook) {
      const auto strings = string_args(args);
      const std::size_t wanted = name == "link-reveal-goto" ? 2 : 1;
      if (strings && !strings->empty() && strings->size() <= wanted) {
        c.kind = Context::Kind::Link;
        c.link.text = strings->front();
        if (strings->size() == 2) c.link.target = strings->back();
        c.link.line = line_at(at);
        place(c.link);
      } else {
        note(at,
             label + " with these arguments is not imported as a choice; its hook text is kept");
      }
    } else if (is_conditional(name) && has_hook) {
      c.kind = Context::Kind::Opaque;
      note(at, label + " is not supported; the text of its hook is kept and always shown");
    } else if (is_link_macro(name)) {
      c.kind = Context::Kind::Opaque;
      note(at, label + " is not imported as a choice (write [[text->passage]]); " +
                   std::string(has_hook ? "its hook text is kept" : "removed"));
    } else {
      note(at, label + " is not supported; removed");
    }
    if (has_hook) {
      c.out_start = out_.size();
      dropped_.insert(hook_end);
      stack_.push_back(std::move(c));
      ++i_;  // the hook's '['
    }
    return true;
  }

  // --- 8. HTML, formatting marks and variables ---

  bool html_tag() {
    if (s_[i_] != '<') return false;
    std::size_t k = i_ + 1;
    if (k < s_.size() && s_[k] == '/') ++k;
    if (k >= s_.size() || !is_alpha(s_[k])) return false;
    const std::size_t close = s_.find('>', k);
    if (close == std::string::npos) return false;
    std::string name;
    while (k < close && is_word(s_[k])) name += lower(s_[k++]);
    const bool closing = s_[i_ + 1] == '/';
    if (name == "br") {
      out_ += '\n';
    } else if (!closing && (name == "script" || name == "style")) {
      const std::size_t end = s_.find("</" + name, close);
      const std::size_t after = end == std::string::npos ? s_.size() : s_.find('>', end);
      note(i_, "an HTML <" + name + "> element is not supported; removed with its content");
      i_ = after == std::string::npos ? s_.size() : after + 1;
      return true;
    } else if (html_noted_.insert(name).second) {
      note(i_, "HTML <" + name + "> is not supported; the tag is removed and its text kept");
    }
    i_ = close + 1;
    return true;
  }

  bool formatting() {
    for (std::string_view mark : {"''", "//", "**", "~~", "^^"}) {
      if (!starts(mark)) continue;
      // "https://" is not italics.
      if (mark == "//" && !out_.empty() && out_.back() == ':') return false;
      if (!formatting_noted_) {
        note(i_, "formatting marks (bold, italics) are removed", ImportNote::Level::Info);
        formatting_noted_ = true;
      }
      i_ += mark.size();
      return true;
    }
    return false;
  }

  void variable() {
    std::size_t k = i_ + 1;
    std::string name;
    while (k < s_.size() && is_word(s_[k]) && s_[k] != '-') name += s_[k++];
    note(i_, "the variable $" + name +
                 " would be printed here; Upstander shows no variables, kept as written");
  }

  // --- 9. The finished text ---

  static bool is_filler(std::string_view rest) {
    const std::string t = ascii_lower(trim_copy(rest));
    if (t.empty() || t == "or" || t == "또는") return true;
    return std::all_of(t.begin(), t.end(), [](char c) {
      return std::string_view(" \t|-*/,.•·").find(c) != std::string_view::npos;
    });
  }

  // Lines that only held links (and separators) go; links inside a sentence become their text.
  std::string finish_text(const std::vector<TwineLink>& links) const {
    std::string result;
    int blank_run = 0;
    std::size_t start = 0;
    while (start <= out_.size()) {
      std::size_t end = out_.find('\n', start);
      if (end == std::string::npos) end = out_.size();
      const std::string_view line = std::string_view(out_).substr(start, end - start);
      std::string plain, with_text;
      bool had_link = false;
      for (std::size_t k = 0; k < line.size(); ++k) {
        if (line[k] != kMarkOpen) {
          plain += line[k];
          with_text += line[k];
          continue;
        }
        const std::size_t close = line.find(kMarkClose, k);
        std::size_t index = 0;
        std::from_chars(line.data() + k + 1, line.data() + close, index);
        with_text += links[index].external && links[index].text == links[index].target
                         ? links[index].target
                         : links[index].text;
        had_link = true;
        k = close;
      }
      const bool drop = had_link && is_filler(plain);
      std::string kept = drop ? "" : with_text;
      while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\t' || kept.back() == '\r'))
        kept.pop_back();
      if (!drop) {
        if (trim_copy(kept).empty()) {
          ++blank_run;
        } else {
          if (!result.empty()) result += blank_run > 0 ? "\n\n" : "\n";
          result += kept;
          blank_run = 0;
        }
      }
      if (end == out_.size()) break;
      start = end + 1;
    }
    return trim_copy(result);
  }

  const TwinePassage& p_;
  ImportNotes& notes_;
  std::string s_;
  std::vector<std::size_t> newlines_;
  std::string out_;
  std::size_t i_ = 0;
  std::set<std::size_t> dropped_;
  std::vector<TwineLink> links_;
  std::vector<Effect> effects_;
  std::vector<IfChain> chains_;
  std::vector<ChainState> chain_states_;
  std::vector<Context> stack_;
  std::map<std::size_t, int> last_chain_;  // Harlowe: per depth, the chain an (else:) continues
  std::set<std::string> read_vars_;        // variables read by a condition so far
  std::set<std::string> html_noted_;
  bool formatting_noted_ = false;
};

// --- 10. Link syntax and the entry points ---

bool is_external(std::string_view target) {
  const std::size_t colon = target.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(target.begin(), target.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](char c) { return is_word(c); });
}

}  // namespace

TwineLink parse_link(std::string_view inner) {
  TwineLink l;
  if (const std::size_t setter = inner.find("]["); setter != std::string_view::npos) {
    l.has_setter = true;
    l.setter = trim_copy(inner.substr(setter + 2));
    inner = inner.substr(0, setter);
  }
  if (const std::size_t arrow = inner.rfind("->"); arrow != std::string_view::npos) {
    l.text = trim_copy(inner.substr(0, arrow));
    l.target = trim_copy(inner.substr(arrow + 2));
  } else if (const std::size_t back = inner.find("<-"); back != std::string_view::npos) {
    l.target = trim_copy(inner.substr(0, back));
    l.text = trim_copy(inner.substr(back + 2));
  } else if (const std::size_t bar = inner.rfind('|'); bar != std::string_view::npos) {
    l.text = trim_copy(inner.substr(0, bar));
    l.target = trim_copy(inner.substr(bar + 1));
  } else {
    l.text = l.target = trim_copy(inner);
  }
  if (l.text.empty()) l.text = l.target;
  l.external = is_external(l.target);
  return l;
}

PassageContent read_passage_markup(const TwinePassage& p, ImportNotes& notes) {
  return MarkupReader(p, notes).run();
}

}  // namespace upstander::author
