#include "tests/support/TestFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bandmate::test {

TempDir::TempDir()
{
    EXPECT_TRUE(m_dir.isValid()) << "cannot create a temporary folder";
}

namespace {

QString memoryTemplate()
{
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm/bandmate-test-XXXXXX") : QString();
}

}  // namespace

TempDir::TempDir(InMemory) : m_dir(memoryTemplate().isEmpty() ? QDir::tempPath() + QStringLiteral("/bandmate-test-XXXXXX") : memoryTemplate())
{
    EXPECT_TRUE(m_dir.isValid()) << "cannot create a temporary folder";
}

QString TempDir::file(const QString& name) const
{
    return QDir(m_dir.path()).filePath(name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    ASSERT_EQ(file.write(bytes), bytes.size());
}

QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

namespace {

/// Gives `folder` and everything in it to `owner`; false when any of it could not be.
bool chownTree(const QString& folder, uid_t owner, gid_t group)
{
    bool ok = ::chown(folder.toLocal8Bit().constData(), owner, group) == 0;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        ok = ::lchown(it.next().toLocal8Bit().constData(), owner, group) == 0 && ok;
    }
    return ok;
}

}  // namespace

std::string runAsOrdinaryUser(const QString& folder, const std::function<std::string()>& check)
{
    if (::geteuid() != 0) {
        return check();
    }
    // The child may only use this folder: hand it over, and take it back afterwards.
    const QString report = QDir(folder).filePath(QStringLiteral("report.txt"));
    if (!chownTree(folder, 65534, 65534)) {
        return "cannot hand the folder to nobody";
    }
    QFile::setPermissions(QFileInfo(folder).absolutePath(), QFileInfo(QFileInfo(folder).absolutePath()).permissions() | QFile::ExeOther);
    const pid_t child = ::fork();
    if (child == 0) {
        int code = 1;
        if (::setgroups(0, nullptr) == 0 && ::setgid(65534) == 0 && ::setuid(65534) == 0) {
            const std::string complaint = check();
            writeAll(report, QByteArray::fromStdString(complaint));
            code = complaint.empty() ? 0 : 1;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    const std::string complaint = readAll(report).toStdString();
    QFile::remove(report);
    if (!chownTree(folder, 0, 0)) {
        return "cannot take the folder back";
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return complaint.empty() ? "the check as nobody did not finish" : complaint;
    }
    return complaint;
}


}  // namespace bandmate::test
