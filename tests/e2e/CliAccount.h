#pragma once

// bandmate-cli under one sync account (Ana's) on a test server, with the test's own keychain.

#include "tests/e2e/CliRunner.h"
#include "tests/e2e/DatabaseFiles.h"
#include "tests/support/KeyringSession.h"

namespace bandmate::test {

struct CliAccount {
    const KeyringSession& keyring;
    QString url;  ///< the server

    /// bandmate-cli on `database` with this keychain, to its end.
    [[nodiscard]] CliRun run(const QString& database, const QStringList& args, const QByteArray& input = {}) const
    {
        return runCli(withDb(database, args), keyring.environment(), 120'000, input);
    }
    /// `account register` or `account login` of `database`.
    [[nodiscard]] CliRun signIn(const QString& database, const char* verb) const
    {
        return run(database,
                   {QStringLiteral("account"), QString::fromLatin1(verb), QStringLiteral("--server"), url, QStringLiteral("--email"),
                    QStringLiteral("ana@example.com"), QStringLiteral("--password-stdin")},
                   "salsa-dura-1978\n");
    }
    /// The arguments of a sync with this server.
    [[nodiscard]] QStringList sync() const { return {QStringLiteral("sync"), QStringLiteral("--server"), url}; }
};

}  // namespace bandmate::test
