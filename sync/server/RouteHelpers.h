#pragma once

// What the server's route classes (PollRoutes, GrooveRoutes) share: service errors as HTTP
// answers, and the address browsers reach the server at.

#include "core/util/Result.h"
#include "sync/server/HttpCore.h"
#include "sync/server/HttpServer.h"

#include <QJsonObject>
#include <QString>

#include <string>

namespace bandmate::sync {

/// The HTTP status of a service error: NotFound 404, InvalidInput/InvalidArgument 422,
/// Conflict 409, anything else 500.
[[nodiscard]] int statusOf(const core::Error& error);
/// A service error as the JSON routes answer it; a 500 hides the database's own words (they
/// go to the log line).
void sendServiceError(http::Response& res, const core::Error& error);
/// One line of JSON.
[[nodiscard]] std::string compact(const QJsonObject& object);
/// Whether browsers reach this server over HTTPS (its own TLS, an https public URL, or a
/// trusted proxy that says so): cookies get Secure.
[[nodiscard]] bool reachedSecurely(const ServerOptions& options, const http::Request& req);
/// The address browsers reach this server at, without a trailing slash: --public-url, or the
/// request's own Host.
[[nodiscard]] QString publicBase(const ServerOptions& options, const http::Request& req);

}  // namespace bandmate::sync
