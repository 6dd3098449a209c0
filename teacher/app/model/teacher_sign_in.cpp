// Sign-in states and what the server's answers mean for them.
#include "teacher_sign_in.hpp"

namespace upstander::dashboard {

void TeacherSignIn::check() {
  state_ = SignIn::Checking;
  calls_.send(api::get("/api/v1/teacher/csrf"), [this](const ApiResult& r) {
    seen_unauthorized_ = calls_.unauthorized();
    if (r.ok()) return signed_in(*r);
    state_ = SignIn::SignedOut;
    // 401 only means "not signed in yet": nothing to apologise for.
    const int status = r.error().status;
    problem_ = status == 0     ? "teacher.signin.unreachable"
               : status == 401 ? ""
                               : "teacher.signin.failed";
  });
}

void TeacherSignIn::sign_in(const std::string& passphrase) {
  if (state_ == SignIn::SigningIn) return;
  state_ = SignIn::SigningIn;
  problem_.clear();
  calls_.send(api::post("/api/v1/teacher/signin", {{"passphrase", passphrase}}),
              [this](const ApiResult& r) {
                seen_unauthorized_ = calls_.unauthorized();
                if (r.ok()) {
                  passphrase_.clear();
                  return signed_in(*r);
                }
                state_ = SignIn::SignedOut;
                const ApiFailure& e = r.error();
                retry_after_ = e.retry_after;
                if (e.status == 0)
                  problem_ = "teacher.signin.unreachable";
                else if (e.status == 429)
                  problem_ = "teacher.signin.slow_down";
                else if (e.code == "wrong_passphrase")
                  problem_ = "teacher.signin.wrong";
                else if (e.code == "no_passphrase")
                  problem_ = "teacher.signin.no_passphrase";
                else
                  problem_ = "teacher.signin.failed";
              });
}

void TeacherSignIn::signed_in(const ApiAnswer& r) {
  const std::string csrf = r.body.is_object() ? r.body.value("csrf", std::string()) : std::string();
  if (csrf.empty()) {
    state_ = SignIn::SignedOut;
    problem_ = "teacher.signin.failed";
    return;
  }
  calls_.set_csrf(csrf);
  state_ = SignIn::SignedIn;
  problem_.clear();
  ++sign_ins_;
}

void TeacherSignIn::update() {
  if (state_ != SignIn::SignedIn || calls_.unauthorized() == seen_unauthorized_) return;
  seen_unauthorized_ = calls_.unauthorized();
  calls_.set_csrf("");
  state_ = SignIn::SignedOut;
  problem_ = "teacher.signin.expired";
}

}  // namespace upstander::dashboard
