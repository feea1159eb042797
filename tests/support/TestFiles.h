#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <ostream>
#include <string>

namespace bandmate::test {

/// A fresh temporary folder per test, removed afterwards.
class TempDir {
public:
    TempDir();
    /// In memory (/dev/shm where there is one), for tests that commit thousands of transactions
    /// and do not test durability: each commit's flush to disk would dominate their time.
    struct InMemory {};
    explicit TempDir(InMemory);
    [[nodiscard]] QString path() const { return m_dir.path(); }
    /// `name` inside the folder.
    [[nodiscard]] QString file(const QString& name) const;

private:
    QTemporaryDir m_dir;
};

/// The whole content of a file (empty when missing).
[[nodiscard]] QByteArray readAll(const QString& path);
/// Writes `bytes` to `path`, replacing it.
void writeAll(const QString& path, const QByteArray& bytes);
/// The SHA-256 of a file's bytes, hex; empty when missing.
[[nodiscard]] QByteArray sha256(const QString& path);

/// Runs `check` as an ordinary user, where file permissions bind (root ignores them): in a child
/// process as "nobody" when the tests run as root, which gets `folder` (inside a TempDir) for the
/// time. The check's complaint, or "" when all held.
[[nodiscard]] std::string runAsOrdinaryUser(const QString& folder, const std::function<std::string()>& check);

}  // namespace bandmate::test

/// GoogleTest prints QStrings (and so QStringLists) as text in failure messages.
inline void PrintTo(const QString& text, std::ostream* out)
{
    *out << '"' << text.toStdString() << '"';
}
