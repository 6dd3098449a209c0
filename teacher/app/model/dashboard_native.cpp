// The native dashboard's calls: blocking cpp-httplib calls on a worker thread.
#include "api_worker.hpp"
#include "dashboard_model.hpp"

namespace upstander::dashboard {

Dashboard::Dashboard(const ApiClient& api, const ContentLibrary& lib, DashboardSettings settings,
                     DashboardConfig config)
    : Dashboard(std::make_unique<ApiWorker>(api), lib, std::move(settings), std::move(config)) {}

}  // namespace upstander::dashboard
