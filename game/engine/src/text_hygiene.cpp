// HTML, Twine markup and invisible characters in texts: found, named and pointed at.
#include "upstander/text_hygiene.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// What was found, as written (short enough to quote), and where.
struct Found {
  std::size_t at = npos;
  std::string what;
  bool script = false;
};

std::string quote_clipped(std::string_view s) {
  constexpr std::size_t kShown = 40;
  if (utf8::count_code_points(s) <= kShown) return std::string(s);
  std::size_t end = 0;
  for (std::size_t n = 0; end < s.size() && n < kShown; ++n) {
    const std::size_t len = utf8::sequence_length(s, end);
    end += len == 0 ? 1 : len;
  }
  return std::string(s.substr(0, end)) + "...";
}

// "<b>", "</p>", "<br/>", "<a href=...>", "<!--": a tag, not "a <3 b" or "x < y".
std::size_t tag_end(std::string_view t, std::size_t i, std::string& name) {
  if (i > 0 && t[i - 1] == '<') return npos;  // a Twine macro, <<...>>
  std::size_t j = i + 1;
  if (t.substr(j, 3) == "!--") return j + 3;
  if (j < t.size() && t[j] == '/') ++j;
  const std::size_t name_start = j;
  if (j >= t.size() || !is_alpha(t[j])) return npos;
  while (j < t.size() && is_alnum(t[j])) ++j;
  name = ascii_lower(t.substr(name_start, j - name_start));
  if (j < t.size() && t[j] != '>' && t[j] != '/' && t[j] != ' ' && t[j] != '\t' && t[j] != '\n')
    return npos;
  constexpr std::size_t kLongestTag = 200;
  const std::size_t close = t.find('>', j);
  if (close == npos || close - i > kLongestTag || t.substr(j, close - j).find('<') != npos)
    return npos;
  return close + 1;
}

// "&nbsp;", "&#39;", "&#x27;".
std::size_t entity_end(std::string_view t, std::size_t i) {
  std::size_t j = i + 1;
  auto run = [&](auto pred, std::size_t max) {
    const std::size_t from = j;
    while (j < t.size() && j - from < max && pred(t[j])) ++j;
    return j - from;
  };
  std::size_t n = 0;
  if (j < t.size() && t[j] == '#') {
    ++j;
    if (j < t.size() && (t[j] == 'x' || t[j] == 'X')) {
      ++j;
      n = run(is_hex, 6);
    } else {
      n = run([](char c) { return c >= '0' && c <= '9'; }, 7);
    }
  } else {
    n = run(is_alnum, 10) >= 2 ? 2 : 0;
  }
  return n > 0 && j < t.size() && t[j] == ';' ? j + 1 : npos;
}

// The first piece of HTML, or the first <script> if there is one (the one to hear about).
Found find_html(std::string_view t) {
  Found first;
  for (std::size_t i = t.find_first_of("<&"); i != npos; i = t.find_first_of("<&", i + 1)) {
    std::string name;
    const std::size_t end = t[i] == '<' ? tag_end(t, i, name) : entity_end(t, i);
    if (end == npos) continue;
    const Found f{i, quote_clipped(t.substr(i, end - i)), name == "script"};
    if (f.script) return f;
    if (first.at == npos) first = f;
  }
  return first;
}

Found find_twine(std::string_view t) {
  Found best;
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"[[", "]]"}, {"<<", ">>"}}) {
    const std::size_t i = t.find(open);
    if (i == npos) continue;
    const std::size_t j = t.find(close, i + open.size());
    if (j == npos || (best.at != npos && best.at < i)) continue;
    best = Found{i, quote_clipped(t.substr(i, j + close.size() - i)), false};
  }
  return best;
}

struct Invisible {
  char32_t cp;
  const char* name;
};

constexpr Invisible kInvisible[] = {
    {0x061C, "ARABIC LETTER MARK"},
    {0x180E, "MONGOLIAN VOWEL SEPARATOR"},
    {0x200B, "ZERO WIDTH SPACE"},
    {0x200C, "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZERO WIDTH JOINER"},
    {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2060, "WORD JOINER"},
    {0x2061, "FUNCTION APPLICATION"},
    {0x2062, "INVISIBLE TIMES"},
    {0x2063, "INVISIBLE SEPARATOR"},
    {0x2064, "INVISIBLE PLUS"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE (a byte-order mark)"},
};

const char* invisible_name(char32_t c) {
  for (const auto& i : kInvisible) {
    if (i.cp == c) return i.name;
  }
  return nullptr;
}

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}
bool is_bidi_mark(char32_t c) {
  return c == 0x200E || c == 0x200F || c == 0x061C;
}
bool is_joiner(char32_t c) {
  return c == 0x200C || c == 0x200D;
}
bool is_rtl_letter(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFC);
}
// Letters beside which a joiner never does anything: Latin and Hangul (emoji sequences
// and Indic or Arabic scripts need joiners).
bool joiner_is_stray_beside(char32_t c) {
  return c == 0 || c < 0x80 || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0xAC00 && c <= 0xD7A3);
}

struct CodePointAt {
  std::size_t at;
  char32_t cp;
};

std::vector<CodePointAt> decode_all(std::string_view t) {
  std::vector<CodePointAt> out;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t n = utf8::sequence_length(t, i);
    if (n == 0) n = 1;
    out.push_back({i, utf8::decode(t.substr(i, n))});
    i += n;
  }
  return out;
}

Found find_invisible(std::string_view t, char32_t& which) {
  // Fast path: every character flagged here is encoded with a lead byte of 0xD8 or more.
  bool maybe = false;
  for (char c : t) maybe = maybe || static_cast<unsigned char>(c) >= 0xD8;
  if (!maybe) return {};
  const std::vector<CodePointAt> cps = decode_all(t);
  bool rtl = false;
  for (const auto& c : cps) rtl = rtl || is_rtl_letter(c.cp);
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const char32_t c = cps[k].cp;
    if (invisible_name(c) == nullptr) continue;
    if (is_bidi_mark(c) && rtl) continue;
    if (is_joiner(c)) {
      const char32_t before = k > 0 ? cps[k - 1].cp : 0;
      const char32_t after = k + 1 < cps.size() ? cps[k + 1].cp : 0;
      if (!joiner_is_stray_beside(before) && !joiner_is_stray_beside(after)) continue;
    }
    which = c;
    return Found{cps[k].at, "", false};
  }
  return {};
}

std::string u_plus(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string invisible_effect(char32_t c) {
  if (is_bidi_control(c)) return "it reverses or reorders how the text after it is shown";
  if (is_bidi_mark(c)) return "it can reorder how the text around it is shown";
  return "it cannot be seen, but it breaks search, copying and line breaks";
}

int hex4(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) return -1;
  int v = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    if (!is_hex(c)) return -1;
    v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

}  // namespace

std::uint32_t raw_offset_in_string(std::string_view src, std::uint32_t string_offset,
                                   std::size_t index) {
  if (string_offset >= src.size() || src[string_offset] != '"') return string_offset;
  std::size_t raw = string_offset + 1;
  std::size_t decoded = 0;
  while (raw < src.size() && decoded < index && src[raw] != '"') {
    if (src[raw] != '\\') {
      ++raw;
      ++decoded;
      continue;
    }
    if (raw + 1 < src.size() && src[raw + 1] == 'u') {
      const int cp = hex4(src, raw + 2);
      raw += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF && src.substr(raw, 2) == "\\u" &&
          hex4(src, raw + 2) >= 0xDC00 && hex4(src, raw + 2) <= 0xDFFF) {
        raw += 6;
        decoded += 4;
      } else {
        decoded += cp < 0 ? 1 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
      }
    } else {
      raw += 2;
      ++decoded;
    }
  }
  return static_cast<std::uint32_t>(std::min(raw, src.size()));
}

void check_text_hygiene(ReadContext& ctx, std::uint32_t string_offset, std::string_view locale,
                        std::string_view text) {
  const std::string subject = "the " + locale_display_name(locale) + " text";
  auto warn = [&](std::size_t index, std::string_view code, std::string message, std::string fix) {
    const std::uint32_t at = string_offset == kNoOffset
                                 ? kNoOffset
                                 : raw_offset_in_string(ctx.source().bytes(), string_offset, index);
    ctx.report(at, Severity::Warning, code, ctx.pointer_to(locale), subject + " " + message,
               std::move(fix));
  };
  if (const Found h = find_html(text); h.at != npos) {
    if (h.script) {
      warn(h.at, codes::kHtmlInText,
           "has a <script> tag; the game shows text as written, so students would see the code (it "
           "never runs)",
           "remove the <script>...</script> part: every text is plain text");
    } else {
      warn(h.at, codes::kHtmlInText,
           "has HTML (" + h.what + "); the game shows text as written, so students would see it",
           "remove the tag or write the character itself: texts are plain text (to stress words, "
           "rephrase; to break a "
           "long text, split it into two messages)");
    }
  }
  if (const Found t = find_twine(text); t.at != npos) {
    const bool link = text.compare(t.at, 2, "[[") == 0;
    warn(
        t.at, codes::kTwineMarkupInText,
        std::string("has a Twine ") + (link ? "link" : "macro") + " (" + t.what +
            "); the game shows text as written, so students would see the brackets",
        link
            ? "make it a choice: add {\"id\": \"...\", \"text\": {...}, \"to\": \"(node id)\"} to "
              "this node's "
              "\"choices\", and remove the link from the text"
            : "remove it: conditions and variables are \"if\" and \"effects\" (content/FORMAT.md)");
  }
  char32_t which = 0;
  if (const Found i = find_invisible(text, which); i.at != npos) {
    warn(i.at, codes::kInvisibleCharacter,
         "has an invisible character, " + u_plus(which) + " " + invisible_name(which) + ": " +
             invisible_effect(which),
         "delete it (it usually comes with text copied from a web page or a messenger; the caret "
         "shows where it is)");
  }
}

}  // namespace upstander
