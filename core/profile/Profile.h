#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QStringList>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::profile {

/// Who the musician is: the one profile row of the database (entity `profile`, synced).
struct Profile {
    QString artistName;
    QStringList instruments;
    QStringList genres;
    QString goals;

    friend bool operator==(const Profile&, const Profile&) = default;
};

class ProfileRepository {
public:
    explicit ProfileRepository(Database& db);

    /// The profile; empty fields when it was never saved.
    [[nodiscard]] Result<Profile> load() const;
    /// Saves it (creating the row the first time). Names are trimmed, empty list entries and
    /// duplicates dropped; an artist name over 200 characters is refused.
    [[nodiscard]] Result<void> save(const Profile& profile);

private:
    Database& m_db;
};

}  // namespace bandmate::core::profile
