// A small recursive-descent reader for the Twine expressions Upstander can carry, and
// their writers in Harlowe and SugarCube.
//
// Index:
//   1. Tokens
//   2. The parser and its cursor
//   3. Assignments
//   4. Conditions
//   5. Variables and operators as Twine writes them
//   6. Reading, negating and comparing
//   7. Writing conditions and effects

#include "upstander/author/twine_logic.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

namespace upstander::author {

namespace {

// --- 1. Tokens ---

struct Token {
  enum class Kind { Var, Temp, Num, Word, Str, Op, End };
  Kind kind = Kind::End;
  std::string text;  // variable name without the sigil, lowercased word, operator
  std::int64_t num = 0;
};

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Splits an expression into tokens, ending with an End token; fails when it holds
// something no Twine format writes.
Result<std::vector<Token>, std::string> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    if (c == '$' || (c == '_' && i + 1 < s.size() && ident_char(s[i + 1]))) {
      t.kind = c == '$' ? Token::Kind::Var : Token::Kind::Temp;
      std::size_t k = i + 1;
      while (k < s.size() && ident_char(s[k])) ++k;
      t.text = std::string(s.substr(i + 1, k - i - 1));
      i = k;
    } else if (c >= '0' && c <= '9') {
      std::size_t k = i;
      while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
      if (k < s.size() && (s[k] == '.' || ident_char(s[k])))
        return fail("only whole numbers can be carried");
      const auto r = std::from_chars(s.data() + i, s.data() + k, t.num);
      if (r.ec != std::errc())
        return fail("the number " + std::string(s.substr(i, k - i)) + " is too large");
      t.kind = Token::Kind::Num;
      i = k;
    } else if (ident_char(c)) {
      std::size_t k = i;
      while (k < s.size() && ident_char(s[k])) ++k;
      t.kind = Token::Kind::Word;
      for (std::size_t j = i; j < k; ++j)
        t.text += (s[j] >= 'A' && s[j] <= 'Z') ? static_cast<char>(s[j] - 'A' + 'a') : s[j];
      i = k;
    } else if (c == '"' || c == '\'' || c == '`') {
      t.kind = Token::Kind::Str;
      std::size_t k = i + 1;
      while (k < s.size() && s[k] != c) k += s[k] == '\\' ? 2u : 1u;
      i = k + 1;
    } else {
      static constexpr std::string_view kOps[] = {
          "===", "!==", "==", "!=", ">=", "<=", "+=", "-=", "++", "--", "&&",
          "||",  ">",   "<",  "=",  "+",  "-",  "(",  ")",  ",",  ";",  "!"};
      t.kind = Token::Kind::Op;
      for (std::string_view op : kOps) {
        if (s.substr(i, op.size()) == op) {
          t.text = std::string(op);
          break;
        }
      }
      if (t.text.empty()) return fail("\"" + std::string(1, c) + "\" cannot be carried");
      i += t.text.size();
    }
    out.push_back(std::move(t));
  }
  out.push_back(Token{});
  return out;
}

// --- 2. The parser and its cursor ---

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  std::string error;

  bool at_end() const { return peek().kind == Token::Kind::End; }
  const Token& peek(std::size_t ahead = 0) const {
    return t_[std::min(pos_ + ahead, t_.size() - 1)];
  }
  bool word(std::string_view w) {
    if (peek().kind != Token::Kind::Word || peek().text != w) return false;
    ++pos_;
    return true;
  }
  bool op(std::string_view o) {
    if (peek().kind != Token::Kind::Op || peek().text != o) return false;
    ++pos_;
    return true;
  }
  void fail(std::string why) {
    if (error.empty()) error = std::move(why);
  }

  // --- 3. Assignments ---

  std::vector<Effect> assignments() {
    std::vector<Effect> out;
    do {
      if (at_end()) break;  // a trailing ";" or ","
      Effect e;
      if (!assignment(e)) return {};
      out.push_back(std::move(e));
    } while (op(",") || op(";"));
    if (!at_end()) fail("more than a plain assignment");
    if (out.empty()) fail("nothing is set");
    return out;
  }

  bool assignment(Effect& e) {
    if (!variable(e.var.id)) return false;
    if (op("++") || op("--")) {
      e.kind = Effect::Kind::Add;
      e.value = t_[pos_ - 1].text == "++" ? 1 : -1;
      return true;
    }
    if (op("+=") || op("-=")) {
      const bool minus = t_[pos_ - 1].text == "-=";
      std::int64_t n = 0;
      if (!number(n)) return false;
      e.kind = Effect::Kind::Add;
      e.value = minus ? -n : n;
      return true;
    }
    if (!word("to") && !op("=")) {
      fail("not an assignment (\"$x to 1\")");
      return false;
    }
    return value(e);
  }

  // true, false, N, $x + N, $x - N, it + N, N + $x (the variable being set).
  bool value(Effect& e) {
    if (word("true") || word("false")) {
      e.kind = Effect::Kind::Set;
      e.value = t_[pos_ - 1].text == "true" ? 1 : 0;
      e.written_as_bool = true;
      return true;
    }
    std::int64_t n = 0;
    if (peek().kind == Token::Kind::Num || (peek().kind == Token::Kind::Op && peek().text == "-" &&
                                            peek(1).kind == Token::Kind::Num)) {
      if (!number(n)) return false;
      if (op("+")) {
        if (!self(e.var.id)) return false;
        e.kind = Effect::Kind::Add;
      } else {
        e.kind = Effect::Kind::Set;
      }
      e.value = n;
      return true;
    }
    if (!self(e.var.id)) return false;
    const bool plus = op("+");
    if (!plus && !op("-")) {
      fail("sets $" + e.var.id + " to itself");
      return false;
    }
    if (!number(n)) return false;
    e.kind = Effect::Kind::Add;
    e.value = plus ? n : -n;
    return true;
  }

  // The variable being set, as "$x" or Harlowe's "it".
  bool self(const std::string& name) {
    if (word("it")) return true;
    if (peek().kind == Token::Kind::Var && peek().text == name) {
      ++pos_;
      return true;
    }
    fail("the new value of $" + name + " is not a number, true/false, or $" + name +
         " plus or minus a number");
    return false;
  }

  bool variable(std::string& name) {
    if (peek().kind == Token::Kind::Temp) {
      fail("_" + peek().text + " is a temporary variable");
      return false;
    }
    if (peek().kind != Token::Kind::Var || peek().text.empty()) {
      fail("a story variable ($name) was expected");
      return false;
    }
    name = peek().text;
    ++pos_;
    if (peek().kind == Token::Kind::Op && peek().text == "(") {
      fail("$" + name + " is called like a function");
      return false;
    }
    return true;
  }

  bool number(std::int64_t& n) {
    const bool minus = op("-");
    if (peek().kind != Token::Kind::Num) {
      fail("a whole number was expected");
      return false;
    }
    n = minus ? -peek().num : peek().num;
    ++pos_;
    return true;
  }

  // --- 4. Conditions ---

  std::optional<Condition> condition() {
    std::optional<Condition> c = any();
    if (c && !at_end()) {
      fail("more than a comparison of a variable with a number or true/false");
      return std::nullopt;
    }
    return c;
  }

  std::optional<Condition> any() { return joined(Condition::Kind::Any, "or", "||"); }
  std::optional<Condition> all() { return joined(Condition::Kind::All, "and", "&&"); }

  std::optional<Condition> joined(Condition::Kind kind, std::string_view w, std::string_view o) {
    std::optional<Condition> first = kind == Condition::Kind::Any ? all() : unary();
    if (!first) return std::nullopt;
    Condition group;
    group.kind = kind;
    group.children.push_back(std::move(*first));
    while (word(w) || op(o)) {
      std::optional<Condition> next = kind == Condition::Kind::Any ? all() : unary();
      if (!next) return std::nullopt;
      group.children.push_back(std::move(*next));
    }
    if (group.children.size() == 1) return std::move(group.children.front());
    return group;
  }

  std::optional<Condition> unary() {
    if (word("not") || op("!")) {
      std::optional<Condition> inner = unary();
      if (!inner) return std::nullopt;
      return negate(std::move(*inner));
    }
    if (op("(")) {
      std::optional<Condition> inner = any();
      if (!inner) return std::nullopt;
      if (!op(")")) {
        fail("a \"(\" is not closed");
        return std::nullopt;
      }
      return inner;
    }
    return comparison();
  }

  static Condition negate(const Condition& c) { return negated_condition(c); }

  struct Operand {
    enum class Kind { Var, Num, Bool } kind = Kind::Num;
    std::string var;
    std::int64_t num = 0;
  };

  bool operand(Operand& o) {
    if (peek().kind == Token::Kind::Var || peek().kind == Token::Kind::Temp) {
      o.kind = Operand::Kind::Var;
      return variable(o.var);
    }
    if (word("true") || word("false")) {
      o.kind = Operand::Kind::Bool;
      o.num = t_[pos_ - 1].text == "true";
      return true;
    }
    if (peek().kind == Token::Kind::Str) {
      fail("text values cannot be carried (only numbers and true/false)");
      return false;
    }
    if (peek().kind == Token::Kind::Num || (peek().kind == Token::Kind::Op && peek().text == "-")) {
      o.kind = Operand::Kind::Num;
      return number(o.num);
    }
    fail(peek().kind == Token::Kind::Word ? "\"" + peek().text + "\" cannot be carried"
                                          : "a variable or a number was expected");
    return false;
  }

  // The comparison operator at the cursor, or nullopt when there is none.
  std::optional<CompareOp> compare_op() {
    if (word("is")) return word("not") ? CompareOp::Ne : CompareOp::Eq;
    struct Spelling {
      std::string_view text;
      CompareOp op;
      bool is_word;
    };
    static constexpr Spelling kOps[] = {
        {"isnot", CompareOp::Ne, true}, {"eq", CompareOp::Eq, true},   {"neq", CompareOp::Ne, true},
        {"gt", CompareOp::Gt, true},    {"gte", CompareOp::Ge, true},  {"lt", CompareOp::Lt, true},
        {"lte", CompareOp::Le, true},   {"===", CompareOp::Eq, false}, {"==", CompareOp::Eq, false},
        {"!==", CompareOp::Ne, false},  {"!=", CompareOp::Ne, false},  {">=", CompareOp::Ge, false},
        {"<=", CompareOp::Le, false},   {">", CompareOp::Gt, false},   {"<", CompareOp::Lt, false}};
    for (const auto& s : kOps) {
      if (s.is_word ? word(s.text) : op(s.text)) return s.op;
    }
    return std::nullopt;
  }

  static CompareOp flipped(CompareOp op) {
    switch (op) {
      case CompareOp::Lt: return CompareOp::Gt;
      case CompareOp::Le: return CompareOp::Ge;
      case CompareOp::Gt: return CompareOp::Lt;
      case CompareOp::Ge: return CompareOp::Le;
      default: return op;
    }
  }

  std::optional<Condition> comparison() {
    Operand left;
    if (!operand(left)) return std::nullopt;
    const std::optional<CompareOp> cmp = compare_op();
    if (!cmp) {
      if (left.kind != Operand::Kind::Var) {
        fail("a condition without a variable");
        return std::nullopt;
      }
      Condition c;
      c.var.id = left.var;
      return c;
    }
    Operand right;
    if (!operand(right)) return std::nullopt;
    CompareOp op = *cmp;
    if (left.kind != Operand::Kind::Var) {
      std::swap(left, right);
      op = flipped(op);
    }
    if (left.kind != Operand::Kind::Var || right.kind == Operand::Kind::Var) {
      fail(left.kind != Operand::Kind::Var ? "a condition without a variable"
                                           : "two variables are compared");
      return std::nullopt;
    }
    Condition c;
    c.var.id = left.var;
    if (right.kind == Operand::Kind::Bool) {
      if (op != CompareOp::Eq && op != CompareOp::Ne) {
        fail("true/false compared with < or >");
        return std::nullopt;
      }
      const bool holds_when_true = (op == CompareOp::Eq) == (right.num == 1);
      return holds_when_true ? c : negate(std::move(c));
    }
    c.kind = Condition::Kind::Compare;
    c.op = op;
    c.value = right.num;
    return c;
  }

 private:
  std::vector<Token> t_;
  std::size_t pos_ = 0;
};

// --- 5. Variables and operators as Twine writes them ---

std::string var(const IdRef& r) {
  return "$" + twine_variable_name(r.id);
}

bool is_compound(const Condition& c) {
  return c.kind == Condition::Kind::All || c.kind == Condition::Kind::Any;
}

std::string compare_word(CompareOp op, TwineFormat f) {
  if (f == TwineFormat::Harlowe) {
    switch (op) {
      case CompareOp::Eq: return "is";
      case CompareOp::Ne: return "is not";
      default: return std::string(compare_op_symbol(op));
    }
  }
  switch (op) {
    case CompareOp::Eq: return "is";
    case CompareOp::Ne: return "isnot";
    case CompareOp::Lt: return "lt";
    case CompareOp::Le: return "lte";
    case CompareOp::Gt: return "gt";
    case CompareOp::Ge: return "gte";
  }
  return "is";
}

}  // namespace

// --- 6. Reading, negating and comparing ---

TwineEffects parse_twine_assignments(std::string_view src) {
  auto tokens = tokenize(src);
  if (!tokens) return fail(tokens.error());
  Parser p(std::move(*tokens));
  std::vector<Effect> effects = p.assignments();
  if (!p.error.empty()) return fail(std::move(p.error));
  return effects;
}

TwineCondition parse_twine_condition(std::string_view src) {
  auto tokens = tokenize(src);
  if (!tokens) return fail(tokens.error());
  Parser p(std::move(*tokens));
  std::optional<Condition> condition = p.condition();
  if (!p.error.empty()) return fail(std::move(p.error));
  if (!condition) return fail("an empty condition");
  return std::move(*condition);
}

Condition negated_condition(const Condition& c) {
  if (c.kind == Condition::Kind::Not) return c.children.front();
  Condition n;
  n.kind = Condition::Kind::Not;
  n.children.push_back(c);
  return n;
}

bool same_condition(const Condition& a, const Condition& b) {
  if (a.kind != b.kind || a.var.id != b.var.id || a.children.size() != b.children.size())
    return false;
  if (a.kind == Condition::Kind::Compare && (a.op != b.op || a.value != b.value)) return false;
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same_condition(a.children[i], b.children[i])) return false;
  }
  return true;
}

// --- 7. Writing conditions and effects ---

std::string twine_variable_name(std::string_view id) {
  std::string out(id);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

std::string write_twine_condition(const Condition& c, TwineFormat f) {
  switch (c.kind) {
    case Condition::Kind::Flag: return var(c.var);
    case Condition::Kind::Compare:
      return var(c.var) + " " + compare_word(c.op, f) + " " + std::to_string(c.value);
    case Condition::Kind::Not: {
      const Condition& inner = c.children.front();
      const std::string s = write_twine_condition(inner, f);
      return "not " + (inner.kind == Condition::Kind::Flag ? s : "(" + s + ")");
    }
    case Condition::Kind::All:
    case Condition::Kind::Any: {
      std::string out;
      for (const auto& child : c.children) {
        if (!out.empty()) out += c.kind == Condition::Kind::All ? " and " : " or ";
        const std::string s = write_twine_condition(child, f);
        out += is_compound(child) ? "(" + s + ")" : s;
      }
      return out;
    }
  }
  return "";
}

std::string write_twine_effects(const std::vector<Effect>& effects, TwineFormat f) {
  std::string out;
  for (const auto& e : effects) {
    std::string value;
    if (e.kind == Effect::Kind::Set) {
      value = e.written_as_bool ? (e.value != 0 ? "true" : "false") : std::to_string(e.value);
      out += f == TwineFormat::Harlowe ? "(set: " + var(e.var) + " to " + value + ")"
                                       : "<<set " + var(e.var) + " to " + value + ">>";
      continue;
    }
    const std::uint64_t magnitude =
        e.value < 0 ? 0 - static_cast<std::uint64_t>(e.value) : static_cast<std::uint64_t>(e.value);
    const std::string amount = std::to_string(magnitude);
    if (f == TwineFormat::Harlowe) {
      out += "(set: " + var(e.var) + " to it " + (e.value < 0 ? "- " : "+ ") + amount + ")";
    } else {
      out += "<<set " + var(e.var) + (e.value < 0 ? " -= " : " += ") + amount + ">>";
    }
  }
  return out;
}

}  // namespace upstander::author
