// One left-to-right pass over a passage: comments, links, macros, HTML and formatting marks,
// each handled where it starts so every note can name its line.
#include "upstander/author/passage_markup.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "twine_reading.hpp"

namespace upstander::author {

namespace {

// Stand-ins for links in the intermediate text; stripped from the input first.
constexpr char kMarkOpen = '\x01';
constexpr char kMarkClose = '\x02';

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_conditional(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = {"if", "unless", "else", "elseif", "else-if", "elsif",
                                                             "switch", "case", "default", "for", "either", "cond"};
  return kNames.count(name) > 0;
}
bool is_link_macro(std::string_view name) { return name.rfind("link", 0) == 0 || name.rfind("click", 0) == 0 || name == "button"; }

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
        ++i_;
        continue;
      }
      if (comment() || link() || sugarcube_macro() || snowman_code() || harlowe_macro() || html_tag() || formatting()) {
        continue;
      }
      if (s_[i_] == '$' && i_ + 1 < s_.size() && (is_alpha(s_[i_ + 1]) || s_[i_ + 1] == '_')) variable();
      out_ += s_[i_++];
    }
    PassageContent content;
    content.links = std::move(links_);
    content.text = finish_text(content.links);
    return content;
  }

 private:
  std::uint32_t line_at(std::size_t offset) const {
    const auto idx = std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin();
    return p_.line_of(static_cast<std::size_t>(idx));
  }
  void note(std::size_t offset, std::string message, ImportNote::Level level = ImportNote::Level::Warning) {
    notes_.push_back({level, line_at(offset), "passage \"" + p_.name + "\": " + std::move(message)});
  }
  bool starts(std::string_view token) const { return std::string_view(s_).substr(i_, token.size()) == token; }

  bool comment() {
    for (auto [open, close] : {std::pair{"/*", "*/"}, std::pair{"<!--", "-->"}}) {
      if (!starts(open)) continue;
      const std::size_t end = s_.find(close, i_ + std::string_view(open).size());
      i_ = end == std::string::npos ? s_.size() : end + std::string_view(close).size();
      return true;
    }
    return false;
  }

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
    TwineLink l = parse_link(std::string_view(s_).substr(i_ + 2, close - i_ - 2));
    l.line = line_at(i_);
    if (l.has_setter) note(i_, "the setter after the link to \"" + l.target + "\" is not supported; dropped");
    if (l.target.empty()) {
      note(i_, "a link without a target; dropped");
    } else {
      out_ += kMarkOpen + std::to_string(links_.size()) + kMarkClose;
      links_.push_back(std::move(l));
    }
    i_ = close + 2;
    return true;
  }

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
    if (!closing) {
      if (is_conditional(name)) {
        note(i_, "SugarCube <<" + name + ">> is not supported; the text inside is kept and always shown");
      } else if (is_link_macro(name)) {
        note(i_, "SugarCube <<" + name + ">> is not imported as a choice (write [[text->passage]]); removed");
      } else {
        note(i_, "SugarCube <<" + name + ">> is not supported; removed");
      }
    }
    i_ = close + 2;
    return true;
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

  bool harlowe_macro() {
    if (s_[i_] != '(' || i_ + 1 >= s_.size() || !is_alpha(s_[i_ + 1])) return false;
    std::size_t k = i_ + 1;
    std::string name;
    while (k < s_.size() && is_word(s_[k])) name += lower(s_[k++]);
    if (k >= s_.size() || s_[k] != ':') return false;
    const std::size_t end = call_end(i_);
    if (end == std::string::npos) return false;
    const bool hook = end < s_.size() && s_[end] == '[' && !(end + 1 < s_.size() && s_[end + 1] == '[');
    const std::size_t hook_end = hook ? bracket_end(end) : std::string::npos;
    if (is_conditional(name) && hook_end != std::string::npos) {
      note(i_, "Harlowe (" + name + ":) is not supported; the text of its hook is kept and always shown");
    } else if (is_link_macro(name)) {
      note(i_, "Harlowe (" + name + ":) is not imported as a choice (write [[text->passage]]); " +
                   std::string(hook_end != std::string::npos ? "its hook text is kept" : "removed"));
    } else {
      note(i_, "Harlowe (" + name + ":) is not supported; removed");
    }
    i_ = end;
    if (hook_end != std::string::npos) {
      dropped_.insert(hook_end);
      ++i_;  // the hook's '['
    }
    return true;
  }

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
    note(i_, "the variable $" + name + " would be printed here; Upstander shows no variables, kept as written");
  }

  static bool is_filler(std::string_view rest) {
    const std::string t = ascii_lower(trim_copy(rest));
    if (t.empty() || t == "or" || t == "또는") return true;
    return std::all_of(t.begin(), t.end(), [](char c) { return std::string_view(" \t|-*/,.•·").find(c) != std::string_view::npos; });
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
        with_text += links[index].external && links[index].text == links[index].target ? links[index].target
                                                                                        : links[index].text;
        had_link = true;
        k = close;
      }
      const bool drop = had_link && is_filler(plain);
      std::string kept = drop ? "" : with_text;
      while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\t' || kept.back() == '\r')) kept.pop_back();
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
  std::set<std::string> html_noted_;
  bool formatting_noted_ = false;
};

bool is_external(std::string_view target) {
  const std::size_t colon = target.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(target.begin(), target.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) { return is_word(c); });
}

}  // namespace

TwineLink parse_link(std::string_view inner) {
  TwineLink l;
  if (const std::size_t setter = inner.find("]["); setter != std::string_view::npos) {
    l.has_setter = true;
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

PassageContent read_passage_markup(const TwinePassage& p, ImportNotes& notes) { return MarkupReader(p, notes).run(); }

}  // namespace upstander::author
