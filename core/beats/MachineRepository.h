#pragma once

#include "core/beats/Machine.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::beats {

/// One stored machine, for lists.
struct MachineSummary {
    QString id;
    QString title;
    Flavor flavor = Flavor::Salsa;
    double bpm = 120.0;
    int instrumentCount = 0;
    /// The shared groove it is a copy of (its version's link), or empty.
    QString origin;
};

/// One saved version of a user machine.
struct MachineVersion {
    QString id;
    QDateTime savedAt;
    QString title;
};

/// Beat machines in the database: the entities machine / machine_instrument / program / note
/// (DESIGN.md section 2), written through the ChangeTracker so they sync.
///
/// A save is a diff: child rows are matched to the machine being saved by natural keys
/// (instrument id and its ordinal, program position, note step/pitch/hand and ordinal), keep
/// their UUIDv7 ids, and only fields whose values changed are written. So editing one note's
/// velocity produces one field change for sync, not a rewrite of the machine.
class MachineRepository {
public:
    /// `db` must outlive the repository; use on the database's thread.
    explicit MachineRepository(Database& db);

    /// Validates and saves `machine` as row `id` (a new UUIDv7 when empty) in one transaction;
    /// returns the id. A save that changes anything also keeps a version (see versions()).
    /// Nothing is written when validation fails.
    [[nodiscard]] Result<QString> save(const Machine& machine, const QString& id = {});
    /// Saves `machine` as a new machine that is a copy of the shared groove whose version's link
    /// is `origin` (import-shared, Open in Bandmate): one transaction; returns the new id.
    [[nodiscard]] Result<QString> saveCopy(const Machine& machine, const QString& origin);
    /// The shared groove machine `id` is a copy of (its version's link), or "" for one made here.
    [[nodiscard]] Result<QString> origin(const QString& id) const;
    /// The machine as last saved. NotFound for unknown or deleted ids.
    [[nodiscard]] Result<Machine> load(const QString& id) const;
    /// Every machine not deleted and not in the trash, by title.
    [[nodiscard]] Result<QList<MachineSummary>> list() const;
    /// The machines in the trash, by title.
    [[nodiscard]] Result<QList<MachineSummary>> listTrash() const;
    /// Moves a machine to the trash, or back out of it.
    [[nodiscard]] Result<void> trash(const QString& id);
    [[nodiscard]] Result<void> restore(const QString& id);
    /// Deletes every machine in the trash for good (tombstones, so other devices follow).
    [[nodiscard]] Result<int> emptyTrash();
    /// Tombstones the machine, all its rows and its versions.
    [[nodiscard]] Result<void> remove(const QString& id);

    /// The saved versions of a machine, newest first.
    [[nodiscard]] Result<QList<MachineVersion>> versions(const QString& machineId) const;
    /// The machine as it was in that version (restore it by saving it).
    [[nodiscard]] Result<Machine> loadVersion(const QString& versionId) const;

private:
    [[nodiscard]] Result<QList<MachineSummary>> listWhere(bool trashed) const;
    [[nodiscard]] Result<void> setTrashed(const QString& id, bool trashed);

    Database& m_db;
};

}  // namespace bandmate::core::beats
