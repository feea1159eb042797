#pragma once

// A small disk for tests of full and vanishing disks: a tmpfs mounted in the test's folder
// (root only; tests skip and say why otherwise).

#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStorageInfo>

#include <gtest/gtest.h>

#include <algorithm>

#include <unistd.h>

namespace bandmate::test {

/// A tmpfs of `bytes` mounted at a folder of the test, unmounted at the end; fill() leaves only
/// a little of it free (a filler file), unfill() frees it again.
class SmallDisk {
public:
    SmallDisk(const TempDir& dir, qint64 bytes) : m_path(dir.file(QStringLiteral("small-disk")))
    {
        QDir().mkpath(m_path);
        if (::geteuid() != 0) {
            return;
        }
        m_mounted = QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                               QStringLiteral("size=%1").arg(bytes), QStringLiteral("tmpfs"), m_path}) == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted) {
            (void)QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
        }
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString file(const QString& name) const { return m_path + QLatin1Char('/') + name; }
    [[nodiscard]] qint64 free() const { return QStorageInfo(m_path).bytesAvailable(); }

    /// Fills the disk with a filler file, then frees `leave` bytes of it (whole 4 KiB pages, as
    /// tmpfs counts): a write of more than that is cut short half way, as on a real disk.
    void fill(qint64 leave)
    {
        QFile filler(file(QStringLiteral("filler-%1").arg(m_fillers++)));
        ASSERT_TRUE(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(64 * 1024, '\0');
        while (filler.write(block) == block.size()) {
        }
        while (filler.write("x", 1) == 1) {
        }
        ASSERT_TRUE(filler.resize(std::max<qint64>(0, filler.size() - (leave + 4095) / 4096 * 4096)));
    }
    void unfill()
    {
        for (int i = 0; i < m_fillers; ++i) {
            QFile::remove(file(QStringLiteral("filler-%1").arg(i)));
        }
        m_fillers = 0;
    }

private:
    QString m_path;
    bool m_mounted = false;
    int m_fillers = 0;
};

}  // namespace bandmate::test

#define REQUIRE_SMALL_DISK(disk)                                                                        \
    if (!(disk).mounted()) {                                                                            \
        GTEST_SKIP() << "mounting a small tmpfs needs root (CI runs as root): run this test as root"; \
    }

