#include "sync/client/SessionLock.h"

#include <QDateTime>
#include <QFile>
#include <QLockFile>
#include <QUuid>

#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

using bandmate::sync::SessionLock;

namespace {

/// A server URL of its own, so each test has its own lock file.
QString uniqueServer()
{
    return QStringLiteral("https://lock-test-%1.invalid").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

/// The lock file as a holder killed between making it and writing who it is leaves it: empty,
/// made `ageMs` ago.
void leaveEmptyLockFile(const QString& server, qint64 ageMs)
{
    QFile file(SessionLock::pathFor(server));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_TRUE(file.setFileTime(QDateTime::currentDateTime().addMSecs(-ageMs), QFileDevice::FileModificationTime));
}

}  // namespace

TEST(SessionLock, AnEmptyLockFileAKilledHolderLeftIsTakenOver)
{
    // Before: Qt never takes an empty lock file for stale (no process to check), so every sync
    // on this computer failed with "another Bandmate is signing in" until the next reboot.
    const QString server = uniqueServer();
    leaveEmptyLockFile(server, 5'000);
    SessionLock lock(server);
    EXPECT_TRUE(lock.tryLock(0));
    EXPECT_TRUE(lock.problem().isEmpty());
    lock.unlock();
    EXPECT_FALSE(QFile::exists(SessionLock::pathFor(server)));
}

TEST(SessionLock, AnEmptyLockFileFromBeforeTheClockWasSetBackIsTakenOverToo)
{
    const QString server = uniqueServer();
    leaveEmptyLockFile(server, -3'600'000);  // its time an hour ahead of the clock
    SessionLock lock(server);
    EXPECT_TRUE(lock.tryLock(0));
    lock.unlock();
}

TEST(SessionLock, OnlyOneProgramAtATimeRemovesAnAbandonedLockFile)
{
    // Another program is judging the same file (it holds the removal lock Qt's own stale removal
    // takes): this one leaves the file to it rather than race it.
    const QString server = uniqueServer();
    leaveEmptyLockFile(server, 5'000);
    QLockFile removing(SessionLock::pathFor(server) + QStringLiteral(".rmlock"));
    ASSERT_TRUE(removing.tryLock(0));
    SessionLock lock(server);
    EXPECT_FALSE(lock.tryLock(0));
    EXPECT_TRUE(QFile::exists(SessionLock::pathFor(server)));
    removing.unlock();
    EXPECT_TRUE(lock.tryLock(0));
    lock.unlock();
}

TEST(SessionLock, AnEmptyLockFileIsLeftAloneWhileItsHolderMayStillBeWritingIt)
{
    const QString server = uniqueServer();
    leaveEmptyLockFile(server, 0);
    SessionLock lock(server);
    EXPECT_FALSE(lock.tryLock(0)) << "a file made this instant may be a holder's that writes itself in next";
    // Waiting long enough, the same empty file is taken over.
    EXPECT_TRUE(lock.tryLock(3'000));
    lock.unlock();
}

TEST(SessionLock, AHolderThatStillRunsKeepsItsLock)
{
    const QString server = uniqueServer();
    SessionLock holder(server);
    ASSERT_TRUE(holder.tryLock(0));
    QFile file(SessionLock::pathFor(server));
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));  // (not truncated: the holder's details stay)
    ASSERT_TRUE(file.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
    file.close();
    SessionLock other(server);
    EXPECT_FALSE(other.tryLock(1'500)) << "an old lock of a running holder is still held";
    holder.unlock();
    EXPECT_TRUE(other.tryLock(0));
    other.unlock();
}

#ifdef Q_OS_UNIX
TEST(SessionLock, AnEmptyLockFileSomeoneHoldsLockedIsNotTaken)
{
    // A holder that made the file and locked it but has not written itself in yet (stopped, say).
    const QString server = uniqueServer();
    leaveEmptyLockFile(server, 5'000);
    const int fd = ::open(QFile::encodeName(SessionLock::pathFor(server)).constData(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    SessionLock lock(server);
    EXPECT_FALSE(lock.tryLock(0));
    ::close(fd);
    EXPECT_TRUE(lock.tryLock(0));
    lock.unlock();
}
#endif
