// Recording and printing content diagnostics.
#include "upstander/diagnostic.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/source_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

namespace {

// Code points that would cut the output (NUL), move the cursor, or reorder or hide text
// in a terminal or an editor: C0 and C1 controls, bidi embeddings, overrides and
// isolates, and invisible format characters. Joiners are left alone: emoji and several
// scripts need them.
bool must_escape(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x180E || c == 0x200B ||
         c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

std::string u_escape(char32_t c) {
  char buf[12];
  std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  return buf;
}

// The bytes of the code point at s[i] (one byte when malformed).
std::size_t code_point_bytes(std::string_view s, std::size_t i) {
  const std::size_t n = utf8::sequence_length(s, i);
  return n == 0 ? 1 : n;
}

// How one code point is shown: as is, or escaped.
void append_shown(std::string& out, std::string_view cp, bool keep_tabs) {
  if (utf8::sequence_length(cp, 0) != cp.size()) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(cp[0])));
    out += buf;
    return;
  }
  const char32_t c = utf8::decode(cp);
  if (!must_escape(c)) {
    out += cp;
  } else if (c == '\t') {
    out += keep_tabs ? "\t" : "\\t";
  } else if (c == '\n') {
    out += "\\n";
  } else if (c == '\r') {
    out += "\\r";
  } else {
    out += u_escape(c);
  }
}

// Keeps the start and the end of a very long text (the quoted value is what makes it
// long; the words around it are what says what is wrong).
std::string clip_middle(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t head = max_bytes / 2;
  std::size_t tail = s.size() - max_bytes / 2;
  auto continuation = [&](std::size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  while (head > 0 && continuation(head)) --head;
  while (continuation(tail)) ++tail;
  return s.substr(0, head) + " [...] " + s.substr(tail);
}

void make_displayable(Diagnostic& d) {
  d.pointer = clip_middle(escape_for_display(d.pointer), Diagnostics::kMaxMessageBytes);
  d.message = clip_middle(escape_for_display(d.message), Diagnostics::kMaxMessageBytes);
  d.fix = clip_middle(escape_for_display(d.fix), Diagnostics::kMaxMessageBytes);
}

// Up to kExcerptCodePoints of the line around `offset`; a line that fits is kept whole.
void take_excerpt(Diagnostic& d, const SourceText& source, std::uint32_t offset) {
  const std::string_view line = source.line_text(d.line);
  const std::uint32_t start = source.line_start(offset);
  const std::size_t pos = std::min<std::size_t>(offset - start, line.size());
  auto forward = [&](std::size_t from, std::size_t steps) {
    while (from < line.size() && steps-- > 0) from += code_point_bytes(line, from);
    return from;
  };
  std::size_t begin = 0;
  if (forward(0, kExcerptCodePoints) < line.size()) {
    std::size_t back = pos, steps = 0;
    while (back > 0 && steps < kExcerptCodePoints / 2) {
      --back;
      while (back > 0 && (static_cast<unsigned char>(line[back]) & 0xC0) == 0x80) --back;
      ++steps;
    }
    begin = back;
  }
  const std::size_t end = forward(begin, kExcerptCodePoints);
  d.excerpt = std::string(line.substr(begin, end - begin));
  d.clipped_before = begin > 0;
  d.clipped_after = end < line.size();
  std::uint32_t column = 1;
  for (std::size_t i = begin; i < pos && i < end; i += code_point_bytes(line, i)) ++column;
  d.excerpt_column = column;
}

}  // namespace

std::string escape_for_display(std::string_view s, bool keep_tabs) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {  // most of every message
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    const std::size_t n = code_point_bytes(s, i);
    append_shown(out, s.substr(i, n), keep_tabs);
    i += n;
  }
  return out;
}

Diagnostics::Tally& Diagnostics::tally(std::string_view file) {
  auto it = files_.find(file);
  if (it == files_.end()) it = files_.emplace(std::string(file), Tally{}).first;
  return it->second;
}

bool Diagnostics::keep(Tally& t, Severity s) {
  const bool error = s == Severity::Error;
  if (error) {
    ++errors_;
    ++t.errors;
  } else {
    ++warnings_;
  }
  // Warnings take at most half the places, so they never hide a file's errors.
  const bool room = t.kept < limits_.per_file && items_.size() < limits_.in_total &&
                    (error || t.kept_warnings < limits_.per_file / 2);
  if (room) {
    ++t.kept;
    if (!error) ++t.kept_warnings;
    return true;
  }
  ++(error ? t.omitted.errors : t.omitted.warnings);
  return false;
}

void Diagnostics::add(Diagnostic d) {
  if (!keep(tally(d.file), d.severity)) return;
  make_displayable(d);
  items_.push_back(std::move(d));
}

void Diagnostics::report(const SourceText& source, std::uint32_t offset, Severity severity,
                         std::string_view code, std::string pointer, std::string message,
                         std::string fix) {
  // Counting comes first: a problem that is not kept costs no line lookup and no copy.
  if (!keep(tally(source.path()), severity)) return;
  Diagnostic d;
  d.severity = severity;
  d.code = std::string(code);
  d.file = source.path();
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  d.fix = std::move(fix);
  if (offset != kNoOffset) {
    const LineColumn at = source.locate(offset);
    d.line = at.line;
    d.column = at.column;
    take_excerpt(d, source, offset);
  }
  make_displayable(d);
  items_.push_back(std::move(d));
}

std::size_t Diagnostics::error_count_in(std::string_view file) const {
  auto it = files_.find(file);
  return it == files_.end() ? 0 : it->second.errors;
}

std::map<std::string, OmittedDiagnostics, std::less<>> Diagnostics::omitted() const {
  std::map<std::string, OmittedDiagnostics, std::less<>> out;
  for (const auto& [file, t] : files_) {
    if (t.omitted.total() > 0) out.emplace(file, t.omitted);
  }
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
  for (const auto& [file, o] : other.files_) {
    if (o.omitted.total() == 0) continue;
    Tally& t = tally(file);
    t.errors += o.omitted.errors;
    t.omitted.errors += o.omitted.errors;
    t.omitted.warnings += o.omitted.warnings;
    errors_ += o.omitted.errors;
    warnings_ += o.omitted.warnings;
  }
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
}

std::string_view severity_name(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

std::string format_text(const Diagnostic& d) {
  std::string out = escape_for_display(d.file);
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  out += ": ";
  out += severity_name(d.severity);
  out += "[" + d.code + "]: ";
  if (!d.pointer.empty()) out += d.pointer + ": ";
  out += d.message + "\n";
  if (d.line > 0) {
    const std::string number = std::to_string(d.line);
    const std::string gutter(number.size(), ' ');
    std::string shown = d.clipped_before ? "..." : "";
    // Tabs in the source keep the caret aligned only if the padding keeps them too.
    std::string pad = d.clipped_before ? "   " : "";
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < d.excerpt.size(); ++column) {
      const std::size_t n = code_point_bytes(d.excerpt, i);
      const std::string_view cp = std::string_view(d.excerpt).substr(i, n);
      std::string rendered;
      append_shown(rendered, cp, true);
      if (column < d.excerpt_column) {
        if (cp == "\t") {
          pad += '\t';
        } else {
          pad.append(rendered != cp ? rendered.size() : utf8::display_width(cp), ' ');
        }
      }
      shown += rendered;
      i += n;
    }
    if (d.clipped_after) shown += "...";
    out += " " + number + " | " + shown + "\n";
    out += " " + gutter + " | " + pad + "^\n";
  }
  if (!d.fix.empty()) out += " = fix: " + d.fix + "\n";
  return out;
}

namespace {
// Workflow commands treat %, CR and LF specially in the message part.
std::string escape_github(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string omitted_message(const OmittedDiagnostics& o) {
  const auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return plural(o.total(), "more problem") + " (" + plural(o.errors, "error") + ", " +
         plural(o.warnings, "warning") + ") not listed";
}

constexpr const char* kOmittedFix =
    "fix the problems listed and check again; the checker lists the first ones of each file";
}  // namespace

std::string format_github(const Diagnostic& d) {
  std::string out = "::";
  out += severity_name(d.severity);
  out += " file=" + escape_github(escape_for_display(d.file), true);
  if (d.line > 0) {
    out += ",line=" + std::to_string(d.line) + ",col=" + std::to_string(d.column);
  }
  out += ",title=" + escape_github(d.code, true) + "::";
  std::string msg = d.pointer.empty() ? d.message : d.pointer + ": " + d.message;
  if (!d.fix.empty()) msg += "\nfix: " + d.fix;
  out += escape_github(msg, false);
  return out;
}

std::string format_omitted_text(const std::string& file, const OmittedDiagnostics& o) {
  const Severity s = o.errors > 0 ? Severity::Error : Severity::Warning;
  return escape_for_display(file) + ": " + std::string(severity_name(s)) + "[" +
         std::string(codes::kTooManyProblems) + "]: " + omitted_message(o) +
         "\n = fix: " + kOmittedFix + "\n";
}

std::string format_omitted_github(const std::string& file, const OmittedDiagnostics& o) {
  const Severity s = o.errors > 0 ? Severity::Error : Severity::Warning;
  return "::" + std::string(severity_name(s)) +
         " file=" + escape_github(escape_for_display(file), true) +
         ",title=" + std::string(codes::kTooManyProblems) +
         "::" + escape_github(omitted_message(o) + "\nfix: " + kOmittedFix, false);
}

std::string format_all_text(const Diagnostics& d) {
  const auto omitted = d.omitted();
  std::set<std::string_view> done;
  std::string out;
  auto close_file = [&](const std::string& file) {
    if (auto it = omitted.find(file); it != omitted.end() && done.insert(it->first).second) {
      out += format_omitted_text(file, it->second);
    }
  };
  const auto& items = d.all();
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += format_text(items[i]);
    if (i + 1 == items.size() || items[i + 1].file != items[i].file) close_file(items[i].file);
  }
  for (const auto& [file, o] : omitted) close_file(file);  // files none of whose problems were kept
  return out;
}

}  // namespace upstander
