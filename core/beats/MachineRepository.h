#pragma once

#include "core/beats/Machine.h"
#include "core/util/Result.h"

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
    /// returns the id. Nothing is written when validation fails.
    [[nodiscard]] Result<QString> save(const Machine& machine, const QString& id = {});
    /// The machine as last saved. NotFound for unknown or deleted ids.
    [[nodiscard]] Result<Machine> load(const QString& id) const;
    /// Every machine not deleted, by title.
    [[nodiscard]] Result<QList<MachineSummary>> list() const;
    /// Tombstones the machine and all its rows.
    [[nodiscard]] Result<void> remove(const QString& id);

private:
    Database& m_db;
};

}  // namespace bandmate::core::beats
