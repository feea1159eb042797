#pragma once

#include "sync/server/Accounts.h"
#include "sync/server/Grooves.h"
#include "sync/server/HttpCore.h"
#include "sync/server/Polls.h"
#include "sync/server/SyncService.h"

#include <memory>

namespace bandmate::sync {

/// A database worker's services: one connection each, opened on the worker's thread.
struct Worker final : http::WorkerState {
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<Accounts> accounts;
    std::unique_ptr<PollService> polls;
    std::unique_ptr<GrooveService> grooves;
};

}  // namespace bandmate::sync
