#include "tests/support/TestFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

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

}  // namespace bandmate::test
