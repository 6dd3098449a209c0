// JSON reading through nlohmann's SAX parser, with byte offsets recovered for every value.
//
// nlohmann's SAX interface does not report positions, so the parser reads through an
// iterator that publishes how far it has read. When a callback fires, the lexer has read
// exactly to the end of the current token (one character more for numbers, which it then
// "ungets" internally); the token's first byte is found by scanning back from there.
#include "upstander/json_parser.hpp"

#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

namespace {

struct TrackingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char** published = nullptr;

  reference operator*() const { return *p; }
  TrackingIterator& operator++() {
    ++p;
    *published = p;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& o) const { return p == o.p; }
  bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// What the parser wanted next, in an author's words. nlohmann ends its messages with
// "; expected string literal", "; expected '}'" and the like.
std::string expected_part(const std::string& what) {
  const auto at = what.rfind("; expected ");
  if (at == std::string::npos) return "";
  const std::string e = what.substr(at + 11);
  if (e == "string literal") return "a key in double quotes";
  if (e == "'[', '{', or a literal") return "a value";
  if (e == "':'") return "a colon after the key";
  if (e == "'}'") return "a comma or the closing }";
  if (e == "']'") return "a comma or the closing ]";
  if (e == "end of input") return "the end of the file";
  return e;
}

// A number as written, shortened when it is a page of digits.
std::string shown_number(const std::string& token) {
  constexpr std::size_t kShown = 40;
  return token.size() <= kShown
             ? token
             : token.substr(0, kShown) + "... (" + std::to_string(token.size()) + " characters)";
}

std::string found_part(const std::string& bytes, std::uint32_t offset) {
  if (offset >= bytes.size()) return "the end of the file";
  const char c = bytes[offset];
  if (c == '\'') return "a single quote";
  if (c == '"') return "a quote";
  if (c == ',') return "a comma";
  if (c == '\n' || c == '\r') return "a line break";
  if (static_cast<unsigned char>(c) < 0x20) return "a control character";
  return "'" + std::string(1, c) + "'";
}

class TreeBuilder {
 public:
  TreeBuilder(const SourceText& source, const char** cursor, std::size_t max_depth,
              Diagnostics& out)
      : source_(source),
        begin_(source.bytes().data()),
        cursor_(cursor),
        max_depth_(max_depth),
        out_(out) {}

  bool null() { return place(JsonValue(nullptr, token_start(4))); }
  bool boolean(bool b) { return place(JsonValue(b, token_start(b ? 4 : 5))); }
  bool number_integer(std::int64_t v) { return place(JsonValue(v, number_start())); }
  bool number_unsigned(std::uint64_t v) {
    // Values above int64 are far outside any field's range; keep them as a number so the
    // reader can say "too large" instead of silently wrapping.
    if (v > static_cast<std::uint64_t>(INT64_MAX))
      return place(JsonValue(static_cast<double>(v), number_start()));
    return place(JsonValue(static_cast<std::int64_t>(v), number_start()));
  }
  bool number_float(double v, const std::string&) { return place(JsonValue(v, number_start())); }
  bool string(std::string& s) { return place(JsonValue(std::move(s), string_start())); }
  bool binary(std::vector<std::uint8_t>&) { return false; }  // not produced for JSON text

  bool start_object(std::size_t) { return open(true, here() - 1); }
  bool start_array(std::size_t) { return open(false, here() - 1); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    pending_key_offset_ = string_start();
    pending_key_ = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    // 406: a well-formed number beyond a double's range (1e400). It is the number that
    // is wrong, not the JSON around it.
    constexpr int kNumberOverflow = 406;
    if (ex.id == kNumberOverflow) {
      out_.report(
          source_, number_start(), Severity::Error, codes::kNumberTooLarge, "",
          "number too large: " + shown_number(last_token) +
              " is beyond any number a content file holds",
          "numbers in content files are small (ages, minutes, counters); write the number you meant");
      return false;
    }
    const auto offset = static_cast<std::uint32_t>(position > 0 ? position - 1 : 0);
    report_syntax_error(offset, last_token, ex.what());
    return false;
  }

  bool has_root() const { return has_root_; }
  JsonValue take_root() { return std::move(root_); }

 private:
  std::uint32_t here() const { return static_cast<std::uint32_t>(*cursor_ - begin_); }

  std::uint32_t token_start(std::uint32_t length) const { return here() - length; }

  std::uint32_t number_start() const {
    const std::string& b = source_.bytes();
    std::uint32_t i = here();
    if (i > 0 && !is_number_char(b[i - 1])) --i;  // the lexer's look-ahead character
    while (i > 0 && is_number_char(b[i - 1])) --i;
    return i;
  }

  std::uint32_t string_start() const {
    const std::string& b = source_.bytes();
    // here() is one past the closing quote; the opening quote is the nearest quote before
    // it that is not escaped by an odd run of backslashes.
    std::uint32_t i = here() - 1;
    while (i > 0) {
      --i;
      if (b[i] != '"') continue;
      std::uint32_t backslashes = 0;
      for (std::uint32_t k = i; k > 0 && b[k - 1] == '\\'; --k) ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }

  bool place(JsonValue v) {
    add(std::move(v));
    return true;
  }

  // Finished values wait on scratch stacks until their container closes; the container
  // then gets a vector of exactly the right size. Growing each container's own vector
  // instead costs a reallocation and a move of every member, several times over.
  void add(JsonValue v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      has_root_ = true;
    } else if (frames_.back().object) {
      members_.push_back(JsonMember{std::move(pending_key_), pending_key_offset_, std::move(v)});
    } else {
      items_.push_back(std::move(v));
    }
  }

  bool open(bool object, std::uint32_t offset) {
    if (frames_.size() >= max_depth_) {
      out_.report(
          source_, offset, Severity::Error, codes::kTooDeep, "",
          "the data is nested more than " + std::to_string(max_depth_) + " levels deep",
          "scenario files need about ten levels; look for brackets that open and never close");
      return false;
    }
    frames_.push_back(Frame{object, object ? members_.size() : items_.size(), offset,
                            std::move(pending_key_), pending_key_offset_});
    return true;
  }

  bool close() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    pending_key_ = std::move(f.key);
    pending_key_offset_ = f.key_offset;
    if (f.object) {
      JsonValue::Object members(
          std::make_move_iterator(members_.begin() + static_cast<std::ptrdiff_t>(f.begin)),
          std::make_move_iterator(members_.end()));
      members_.resize(f.begin);
      add(JsonValue(std::move(members), f.offset));
    } else {
      JsonValue::Array items(
          std::make_move_iterator(items_.begin() + static_cast<std::ptrdiff_t>(f.begin)),
          std::make_move_iterator(items_.end()));
      items_.resize(f.begin);
      add(JsonValue(std::move(items), f.offset));
    }
    return true;
  }

  void report_syntax_error(std::uint32_t offset, const std::string& last_token,
                           const std::string& what) {
    const std::string& b = source_.bytes();
    std::string message = "this is not valid JSON: found " + found_part(b, offset);
    if (const std::string expected = expected_part(what); !expected.empty())
      message += " where " + expected + " should be";
    if (what.find("invalid string") != std::string::npos)
      message = "this is not valid JSON: the text in quotes is broken here";
    std::string fix =
        "check the JSON just before this point: a missing comma, quote or bracket is the usual cause";
    const char here_char = offset < b.size() ? b[offset] : '\0';
    std::uint32_t prev = offset;
    while (prev > 0 && (b[prev - 1] == ' ' || b[prev - 1] == '\n' || b[prev - 1] == '\r' ||
                        b[prev - 1] == '\t'))
      --prev;
    const char before = prev > 0 ? b[prev - 1] : '\0';
    if (offset >= b.size() || last_token.empty()) {
      message = "the file ends before the JSON is complete";
      fix = "a closing } or ] is missing, or a text in quotes is not closed";
    } else if ((here_char == '}' || here_char == ']') && before == ',') {
      fix = "remove the comma before this '" + std::string(1, here_char) +
            "': JSON allows no comma after the last item";
    } else if (here_char == '\'') {
      fix = "use double quotes (\") around keys and text; JSON does not accept single quotes";
    } else if (what.find("control character") != std::string::npos) {
      fix = "a line break or tab inside text must be written as \\n or \\t";
    } else if (here_char == '"' &&
               (before == '"' || before == '}' || before == ']' ||
                (before >= '0' && before <= '9') || before == 'e' || before == 'l')) {
      fix = "add a comma between the two items";
    } else if ((here_char >= 'a' && here_char <= 'z') || (here_char >= 'A' && here_char <= 'Z')) {
      fix =
          "put keys and text in double quotes; only true, false and null are written without quotes";
    } else if (here_char == '/') {
      fix = "JSON does not allow comments; put notes for authors in a \"note\" field";
    }
    out_.report(source_, offset, Severity::Error, codes::kJsonSyntax, "", std::move(message),
                std::move(fix));
  }

  const SourceText& source_;
  const char* begin_;
  const char** cursor_;
  std::size_t max_depth_;
  Diagnostics& out_;
  struct Frame {
    bool object = false;
    std::size_t begin = 0;  // where this container's children start on the scratch stack
    std::uint32_t offset = 0;
    std::string key;  // the container's own key in its parent, if that is an object
    std::uint32_t key_offset = 0;
  };
  std::vector<Frame> frames_;
  std::vector<JsonMember> members_;
  std::vector<JsonValue> items_;
  JsonValue root_;
  bool has_root_ = false;
  std::string pending_key_;
  std::uint32_t pending_key_offset_ = 0;
};

std::string megabytes(std::size_t bytes) {
  const std::size_t tenths = bytes * 10 / (1u << 20);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

// Reports each run of invalid UTF-8 (at most 20); returns whether there was any.
bool report_invalid_utf8(const SourceText& source, Diagnostics& out) {
  const auto bad = utf8::invalid_offsets(source.bytes(), 200);
  std::size_t reported = 0;
  for (std::size_t i = 0; i < bad.size() && reported < 20; ++i) {
    const std::size_t offset = bad[i];
    // A character in the wrong encoding is several bad bytes in a row: report it once.
    if (i > 0 && bad[i - 1] + 3 >= offset) continue;
    ++reported;
    out.report(source, static_cast<std::uint32_t>(offset), Severity::Error, codes::kInvalidUtf8, "",
               "the text here is not valid UTF-8",
               "save the file with the encoding \"UTF-8\" (not EUC-KR, CP949 or Latin-1)");
  }
  return !bad.empty();
}

bool only_whitespace(const std::string& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t') return false;
  }
  return true;
}

}  // namespace

std::optional<JsonValue> parse_json(const SourceText& source, Diagnostics& out,
                                    const ParseLimits& limits) {
  const std::string& bytes = source.bytes();
  if (bytes.size() > limits.max_bytes) {
    out.report(source, kNoOffset, Severity::Error, codes::kFileTooLarge, "",
               "the file is " + megabytes(bytes.size()) + "; the limit is " +
                   megabytes(limits.max_bytes) + " per file",
               "a scenario for one class period is far smaller; split it into several scenarios, "
               "or check that this is the file you meant");
    return std::nullopt;
  }
  std::size_t body = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    out.report(
        source, 0, Severity::Error, codes::kByteOrderMark, "",
        "the file starts with a byte-order mark (BOM)",
        "save the file as \"UTF-8\" without BOM, or run `upstander-content fmt` on it, which removes it");
    body = 3;
  }
  if (only_whitespace(bytes, body)) {
    out.report(source, kNoOffset, Severity::Error, codes::kJsonSyntax, "", "the file is empty",
               "a content file is a JSON object: start from content/scenarios/feature-tour.json");
    return std::nullopt;
  }
  const char* cursor = bytes.data();
  TrackingIterator first{bytes.data(), &cursor};
  TrackingIterator last{bytes.data() + bytes.size(), &cursor};
  // nlohmann validates UTF-8 inside strings, and any byte >= 0x80 outside a string is a
  // syntax error, so valid files need no separate scan; failed ones get one, so that a
  // file in the wrong encoding is reported as that, everywhere, rather than as JSON.
  Diagnostics syntax;
  TreeBuilder builder(source, &cursor, limits.max_depth, syntax);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(first, last, &builder);
  } catch (const std::exception& e) {
    // sax_parse reports through the handler; this is only a guard so nothing escapes.
    syntax.report(source, kNoOffset, Severity::Error, codes::kJsonSyntax, "",
                  std::string("the file could not be read as JSON: ") + e.what(),
                  "check that the file is JSON text");
    ok = false;
  }
  if (ok && builder.has_root()) {
    out.append(syntax);
    return builder.take_root();
  }
  if (!report_invalid_utf8(source, out)) out.append(syntax);
  return std::nullopt;
}

}  // namespace upstander
