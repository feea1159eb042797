#pragma once

#include "core/sync/ChangeTracker.h"
#include "core/util/Result.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace bandmate::core {

class Database;

/// How many items of one kind the tombstones a sync holds would delete.
struct HeldDeletes {
    QString entity;    ///< "song", "show", ...
    int deleting = 0;  ///< live rows here that the held tombstones would delete
    int live = 0;      ///< live rows of that kind here now
};

/// The mass-delete safety net (DESIGN.md section 4: "a sync that would delete more than half of
/// the user's items asks first"). While a round pulls, tombstones for items that are live here
/// (songs, shows, machines, roadmaps, to-dos, playlists) wait in the local table
/// `sync_held_delete` instead of being applied; at the end of the round settle() applies them,
/// unless they would delete more than half of one kind of item (and at least
/// kMinimumToAsk of them): then they stay held until the musician answers, with deleteHeld()
/// or restoreHeld(). One guard per round: rows that first arrived in this round are not the
/// musician's items yet, so a fresh computer pulling a library with old deletions never asks.
class DeleteGuard {
public:
    /// Fewer deletions of one kind than this never ask (a musician deleting 3 of 4 shows means it).
    static constexpr int kMinimumToAsk = 10;

    /// `db` must outlive the guard; use on the database's thread.
    explicit DeleteGuard(Database& db) : m_db(db) {}

    /// Looks at a pulled change before it is applied: true when it is a tombstone now held (do
    /// not apply it). Also forgets a held tombstone that a newer write of the same row beats.
    /// Call inside the page's Transaction.
    [[nodiscard]] Result<bool> hold(const FieldChange& incoming);

    /// What the held tombstones would delete, per kind with any held.
    [[nodiscard]] Result<QList<HeldDeletes>> held() const;
    /// True when `held` deletes more than half of one kind, and at least kMinimumToAsk items.
    [[nodiscard]] static bool needsAnswer(const QList<HeldDeletes>& held);

    /// The end of a round: applies every held tombstone, unless needsAnswer() and not
    /// `allowMassDelete`. How many stay held (0 when they were applied).
    [[nodiscard]] Result<int> settle(bool allowMassDelete);
    /// The musician's "delete them": applies every held tombstone (each still under the merge
    /// rule). How many rows were deleted.
    [[nodiscard]] Result<int> deleteHeld();
    /// The musician's "keep them": each held row is written back as not deleted, a newer write
    /// than the tombstone, so it comes back on every computer at their next sync. How many.
    [[nodiscard]] Result<int> restoreHeld();

private:
    struct Held {
        QString entity;
        QString id;
        FieldStamp stamp;
    };
    [[nodiscard]] Result<QList<Held>> allHeld() const;
    [[nodiscard]] Result<void> forget(const QString& entity, const QString& id);
    /// Calls `resolve` for every held row and forgets it, in one transaction; how many it changed.
    [[nodiscard]] Result<int> resolveEach(const std::function<Result<bool>(ChangeTracker&, const Held&)>& resolve);

    Database& m_db;
    QSet<QString> m_seen;          ///< "entity/id" of item rows this round already looked at
    QSet<QString> m_arrivedHere;   ///< ... of those, rows that did not exist before this round
};

}  // namespace bandmate::core
