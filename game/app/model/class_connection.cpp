// Names of class states, for the locale keys that explain them.
#include "class_connection.hpp"

namespace upstander::app {

std::string_view name_of(ClassStatus s) {
  switch (s) {
    case ClassStatus::Online:
      return "online";
    case ClassStatus::Sending:
      return "sending";
    case ClassStatus::Offline:
      return "offline";
    case ClassStatus::NotCollecting:
      return "not_collecting";
    case ClassStatus::SessionEnded:
      return "session_ended";
  }
  return "?";
}

std::string_view name_of(JoinFailure f) {
  switch (f) {
    case JoinFailure::None:
      return "none";
    case JoinFailure::NoServer:
      return "no_server";
    case JoinFailure::BadAddress:
      return "bad_address";
    case JoinFailure::Unreachable:
      return "unreachable";
    case JoinFailure::UnknownCode:
      return "unknown_code";
    case JoinFailure::LobbyLocked:
      return "lobby_locked";
    case JoinFailure::SessionFull:
      return "session_full";
    case JoinFailure::TooManyTries:
      return "too_many_tries";
    case JoinFailure::BadContent:
      return "bad_content";
    case JoinFailure::ServerError:
      return "server_error";
    case JoinFailure::LocalStorage:
      return "local_storage";
  }
  return "?";
}

}  // namespace upstander::app
