// Names of connection states and join errors, for logs and locale keys.
#include "upstander/client/connection_types.hpp"

namespace upstander::client {

std::string_view name_of(ConnectionStatus s) {
  switch (s) {
    case ConnectionStatus::Online: return "online";
    case ConnectionStatus::Sending: return "sending";
    case ConnectionStatus::Offline: return "offline";
    case ConnectionStatus::NotCollecting: return "not_collecting";
    case ConnectionStatus::SessionEnded: return "session_ended";
  }
  return "?";
}

std::string_view name_of(JoinError e) {
  switch (e) {
    case JoinError::None: return "none";
    case JoinError::NoServer: return "no_server";
    case JoinError::BadAddress: return "bad_address";
    case JoinError::Unreachable: return "unreachable";
    case JoinError::UnknownCode: return "unknown_code";
    case JoinError::LobbyLocked: return "lobby_locked";
    case JoinError::SessionFull: return "session_full";
    case JoinError::TooManyTries: return "too_many_tries";
    case JoinError::BadContent: return "bad_content";
    case JoinError::ServerError: return "server_error";
    case JoinError::LocalStorage: return "local_storage";
  }
  return "?";
}

}  // namespace upstander::client
