// One request in flight, the rest queued; answers applied in order.
#include "transport_channel.hpp"

namespace upstander::dashboard {

TransportChannel::TransportChannel(std::unique_ptr<client::Transport> transport, ServerUrl server)
    : transport_(std::move(transport)), server_(std::move(server)) {}

void TransportChannel::send(ApiRequest request, Answer on_answer) {
  queue_.emplace_back(std::move(request), std::move(on_answer));
  if (!in_flight_) start_front();
}

void TransportChannel::start_front() {
  const ApiRequest& r = queue_.front().first;
  client::HttpRequest h;
  h.server = {server_.host, server_.port};
  h.method = r.method;
  h.path = r.path;
  h.body = r.body;
  if (!csrf_.empty()) h.headers.emplace_back("X-Upstander-CSRF", csrf_);
  in_flight_ = true;
  transport_->start(std::move(h));
}

int TransportChannel::apply_finished() {
  int ran = 0;
  while (in_flight_) {
    std::optional<client::HttpReply> reply = transport_->take();
    if (!reply) break;
    in_flight_ = false;
    auto [request, answer] = std::move(queue_.front());
    queue_.pop_front();
    ApiResult r =
        make_result(reply->reached ? reply->status : 0, std::move(reply->body), reply->retry_after);
    if (status_of(r) == 401 && request.path.rfind("/api/v1/teacher/", 0) == 0) ++unauthorized_;
    // The next request leaves before this answer runs (it may queue more behind it).
    if (!queue_.empty()) start_front();
    if (answer) answer(r);
    ++ran;
  }
  return ran;
}

}  // namespace upstander::dashboard
