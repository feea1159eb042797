#pragma once

#include "app/cli/Cli.h"

#include <QUrl>

namespace bandmate::app {

/// The --server option as a URL (http or https with a host), or an error naming --server.
[[nodiscard]] core::Result<QUrl> serverUrl(const CommandOptions& options);
/// A fresh access token for `server` from the session the keychain keeps (which is traded for a
/// new one under the session lock, as every Bandmate on this computer does).
[[nodiscard]] core::Result<QString> accessTokenFromKeychain(const QUrl& server);

/// `account register|login` and `sync`.
int runAccountCommand(const CliArgs& args);
int runSyncCommand(const CliArgs& args);

}  // namespace bandmate::app
