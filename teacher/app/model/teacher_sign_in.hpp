// The browser dashboard's sign-in (docs/api.md, "Teacher sign-in"): the page asks the
// server for its CSRF token, which works only with a valid sign-in cookie; without one the
// teacher types the passphrase. A 401 on any later call means the cookie expired: signed
// out again. Natively the dashboard uses the teacher token and never needs this.
#pragma once

#include <cstdint>
#include <string>

#include "transport_channel.hpp"

namespace upstander::dashboard {

enum class SignIn { Checking, SignedOut, SigningIn, SignedIn };

class TeacherSignIn {
 public:
  explicit TeacherSignIn(TransportChannel& calls) : calls_(calls) {}

  // Asks whether the page's cookie is still a signed-in teacher's.
  void check();
  void sign_in(const std::string& passphrase);
  // After the channel's answers ran this frame: notices a 401 on any teacher call.
  void update();

  SignIn state() const { return state_; }
  // Why the last try failed, as a locale key ("" when none): teacher.signin.wrong,
  // .no_passphrase, .slow_down (with {seconds}), .unreachable, .failed.
  const std::string& problem() const { return problem_; }
  int retry_after() const { return retry_after_; }
  // Grows each time the teacher is signed in (the dashboard then loads everything).
  std::uint64_t sign_ins() const { return sign_ins_; }
  std::string& passphrase() { return passphrase_; }  // the sign-in screen's field

 private:
  void signed_in(const ApiAnswer& r);

  TransportChannel& calls_;
  SignIn state_ = SignIn::Checking;
  std::string problem_;
  int retry_after_ = 0;
  int seen_unauthorized_ = 0;
  std::uint64_t sign_ins_ = 0;
  std::string passphrase_;
};

}  // namespace upstander::dashboard
