#pragma once

class QSqlDatabase;

namespace bandmate::core {

/// Called with each read-write connection Database::open makes, before it migrates anything:
/// for tools that watch a connection from outside (the crash tests' commit counter,
/// tests/support/CrashAtCommit.cpp, linked only into a test build of the command line). One at
/// a time; none by default. Set it before the first open.
using ConnectionHook = void (*)(const QSqlDatabase&);
void setConnectionHook(ConnectionHook hook);

}  // namespace bandmate::core
