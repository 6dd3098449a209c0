// A teacher's browser: the one-time link, the passphrase, the CSRF token, signing out,
// and the checks every cookie request passes (same origin, a live session, its CSRF).
#include <nlohmann/json.hpp>

#include "classroom_service.hpp"
#include "sha256.hpp"

namespace upstander::server {

namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// Only this server's own pages may use the cookie: no Origin (a navigation) or exactly this
// server's, and no Fetch-Metadata saying the request came from another site.
bool from_own_page(const ApiRequest& req) {
  const std::string site = ascii_lower(req.sec_fetch_site);
  if (site == "cross-site" || site == "same-site") return false;
  return req.origin.empty() || ascii_lower(req.origin) == "http://" + ascii_lower(req.host);
}

// "ko" or "en" by the first of them the browser asks for; Korean when it names neither.
std::string page_language(std::string_view accept_language) {
  for (std::string_view rest = accept_language; !rest.empty();) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const std::string tag = ascii_lower(item.substr(0, 2));
    if (tag == "ko" || tag == "en") return tag;
  }
  return "ko";
}

std::string escape_html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

ApiResponse with_cookie(ApiResponse r, std::string_view secret) {
  r.headers.emplace_back("Set-Cookie", teacher_cookie(secret));
  return r;
}

Result<std::string, BodyError> passphrase_field(const ApiRequest& req) {
  auto body = parse_object(req.body);
  if (!body) return fail(body.error());
  FieldReader f(*body);
  auto passphrase = f.text("passphrase", true, kMaxPassphraseBytes);
  if (auto done = f.finish(); !done) return fail(done.error());
  return std::move(*passphrase);
}

}  // namespace

std::optional<ApiResponse> ClassroomService::authorize_cookie(ApiRequest& req, bool need_csrf) {
  if (!from_own_page(req))
    return error_response(403, "cross_origin", "requests from other web sites are not accepted");
  const auto csrf = signin_.session_csrf(cookie_value(req.cookie, kTeacherCookie), now());
  if (!csrf)
    return error_response(
        401, "not_signed_in",
        "this browser is not signed in (or its sign-in has ended); sign in again");
  if (need_csrf && (req.csrf.empty() || !equal_secrets(req.csrf, *csrf)))
    return error_response(403, "bad_csrf", "this request needs the X-Upstander-CSRF header");
  return std::nullopt;
}

ApiResponse ClassroomService::signin_link(ApiRequest& req) {
  const auto token = req.query.find("token");
  if (token != req.query.end() && signin_.redeem_link_token(token->second, now())) {
    ApiResponse r;
    r.status = 303;
    r.content_type = "text/plain; charset=utf-8";
    r.headers.emplace_back("Location", "/teacher/");
    const auto session = signin_.open_session(now());
    if (!session) return randomness_error();
    return with_cookie(std::move(r), session->secret);
  }
  // Used, expired or made up: a page for a person, in their language.
  const std::string lang = page_language(req.accept_language);
  auto text = [&](std::string_view key) {
    std::string s = catalog_.ui_string(lang, key);
    if (s.empty()) s = catalog_.ui_string("en", key);
    return s.empty() ? std::string(key) : s;
  };
  const std::string address = "http://" + req.host + "/teacher/";
  std::string how = text("teacher.signin.link_failed.how");
  const std::size_t at = how.find("{address}");
  if (at != std::string::npos) how.replace(at, 9, address);
  ApiResponse r;
  r.status = 410;
  r.content_type = "text/html; charset=utf-8";
  r.body = "<!doctype html>\n<html lang=\"" + lang +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>Upstander</title></head>\n"
           "<body style=\"font-family: sans-serif; max-width: 40em; margin: 2em auto; "
           "line-height: 1.5\">\n<h1>" +
           escape_html(text("teacher.signin.link_failed.title")) + "</h1>\n<p>" +
           escape_html(text("teacher.signin.link_failed.why")) + "</p>\n<p>" + escape_html(how) +
           "</p>\n</body></html>\n";
  return r;
}

ApiResponse ClassroomService::signin_passphrase(ApiRequest& req) {
  if (!from_own_page(req))
    return error_response(403, "cross_origin", "requests from other web sites are not accepted");
  const auto passphrase = passphrase_field(req);
  if (!passphrase) return passphrase.error().response();
  int retry_after = 1;
  switch (signin_.check_passphrase(*passphrase, now(), retry_after)) {
    case PassphraseCheck::NotSet:
      return error_response(409, "no_passphrase",
                            "no passphrase is set: sign in with the link the server printed");
    case PassphraseCheck::Unsupported:
      return error_response(409, "passphrase_unsupported",
                            "the passphrase was set on another system and cannot be checked "
                            "here: sign in with the link the server printed and set it again");
    case PassphraseCheck::Wrong:
      return error_response(401, "wrong_passphrase", "the passphrase is not right");
    case PassphraseCheck::Throttled:
    case PassphraseCheck::Busy: {
      ApiResponse r = error_response(429, "rate_limited",
                                     "too many wrong passphrases; wait before trying again");
      r.headers.emplace_back("Retry-After", std::to_string(retry_after));
      return r;
    }
    case PassphraseCheck::Ok: break;
  }
  const auto s = signin_.open_session(now());
  if (!s) return randomness_error();
  return with_cookie(json_response(200, nlohmann::ordered_json{{"csrf", s->csrf}}), s->secret);
}

ApiResponse ClassroomService::signin_csrf(ApiRequest& req) {
  if (auto refused = authorize_cookie(req, false)) return *refused;
  const auto csrf = signin_.session_csrf(cookie_value(req.cookie, kTeacherCookie), now());
  if (!csrf) return error_response(401, "not_signed_in", "this browser is not signed in");
  return json_response(
      200, nlohmann::ordered_json{{"csrf", *csrf}, {"passphrase_set", signin_.passphrase_set()}});
}

ApiResponse ClassroomService::put_passphrase(ApiRequest& req) {
  const auto passphrase = passphrase_field(req);
  if (!passphrase) return passphrase.error().response();
  if (passphrase->size() < kMinPassphraseBytes) {
    return error_response(
        422, "passphrase_too_short",
        "the passphrase needs at least " + std::to_string(kMinPassphraseBytes) + " characters");
  }
  if (auto saved = signin_.set_passphrase(*passphrase); !saved)
    return error_response(500, "passphrase_not_saved", saved.error().message);
  return json_response(200, nlohmann::ordered_json{{"passphrase_set", true}});
}

ApiResponse ClassroomService::signout(ApiRequest& req) {
  if (auto refused = expect_no_fields(req)) return *refused;
  const std::string secret = cookie_value(req.cookie, kTeacherCookie);
  if (secret.empty() || !req.authorization.empty())
    return json_response(200, nlohmann::ordered_json{{"signed_out", false}});
  signin_.close_session(secret);
  return with_cookie(json_response(200, nlohmann::ordered_json{{"signed_out", true}}), "");
}

ApiResponse ClassroomService::new_signin_link(ApiRequest& req) {
  if (auto refused = expect_no_fields(req)) return *refused;
  const auto token = signin_.new_link_token(now());
  if (!token) return randomness_error();
  return json_response(200, nlohmann::ordered_json{{"token", *token},
                                                   {"path", "/teacher/signin?token=" + *token},
                                                   {"expires_in", kSigninLinkSeconds}});
}

}  // namespace upstander::server
