// A small pool of reading connections.
#include "reader_pool.hpp"

#include "schema.hpp"

namespace upstander::server {

DbStatus ReaderPool::open(const std::string& path, std::size_t count, int busy_timeout_ms) {
  for (std::size_t i = 0; i < count; ++i) {
    auto db = Database::open(path, Database::Mode::ReadWrite, busy_timeout_ms);
    if (!db) return fail(db.error());
    if (DbStatus st = configure_connection(*db); !st.ok()) return st;
    std::lock_guard lock(mu_);
    free_.push_back(std::make_unique<Database>(std::move(*db)));
  }
  return {};
}

ReaderPool::Lease ReaderPool::lease() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [this] { return !free_.empty(); });
  auto db = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(db));
}

void ReaderPool::give_back(std::unique_ptr<Database> db) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace upstander::server
