// The Setlists page's run-sheet editing: adding songs, breaks and sets, moving, removing and
// editing entries, each undoable.

#include "ui/setlists/SetlistsPage.h"
#include "ui/setlists/SetlistsPageParts.h"

namespace bandmate::ui {

namespace sl = core::setlists;
using namespace setlistspage;

QString SetlistsPage::setOf(const QString& entryId) const
{
    for (const sl::Setlist& set : m_plan.sets) {
        for (const sl::SetlistEntry& entry : set.entries) {
            if (entry.id == entryId) {
                return set.id;
            }
        }
    }
    return {};
}

QString SetlistsPage::insertionPoint() const
{
    // After the selected entry; at the end of the set when a set (or nothing) is selected.
    const bool entrySelected = m_tree->selectedKind() != QLatin1String("set") && !m_tree->selectedId().isEmpty();
    return entrySelected ? nextSiblingId(m_tree->selectedId()) : QString();
}

QString SetlistsPage::nextSiblingId(const QString& entryId) const
{
    for (const sl::Setlist& set : m_plan.sets) {
        for (qsizetype i = 0; i < set.entries.size(); ++i) {
            if (set.entries[i].id == entryId) {
                return i + 1 < set.entries.size() ? set.entries[i + 1].id : QString();
            }
        }
    }
    return {};
}

bool SetlistsPage::addSongByText(const QString& text)
{
    const QString wanted = text.simplified();
    if (wanted.isEmpty() || m_showId.isEmpty()) {
        return false;
    }
    QString songId = m_songByText.value(wanted.toCaseFolded());
    if (songId.isEmpty()) {
        core::library::Song song;
        song.title = wanted;
        auto created = core::library::SongRepository(m_db).save(song);
        if (!created) {
            return report(created.error());
        }
        songId = *created;
        refreshSongChoices();
        m_banner->showMessage(tr("“%1” was not in your library: added it as a new song.").arg(wanted), false);
    }
    QString setId = m_tree->currentSetId();
    QString createdSet;  // a show without sets gets "Set 1" for its first song; undo takes both
    if (setId.isEmpty()) {
        auto created = m_repository.addSet(m_showId, tr("Set 1"));
        if (!created) {
            return report(created.error());
        }
        setId = createdSet = *created;
    }
    const QString before = insertionPoint();
    auto added = m_repository.addSong(setId, songId, before);
    if (!added) {
        if (!createdSet.isEmpty()) {
            (void)m_repository.removeSet(createdSet);
        }
        return report(added.error());
    }
    pushAdded(tr("Add song"), createdSet, *added);
    return true;
}

void SetlistsPage::pushAdded(const QString& text, const QString& setId, const QString& entryId)
{
    const QStringList sets = setId.isEmpty() ? QStringList{} : QStringList{setId};
    const QStringList entries = entryId.isEmpty() ? QStringList{} : QStringList{entryId};
    m_undo->push(new FunctionCommand(
        text, [=, this] { return m_repository.restore(sets, entries); },
        [=, this]() -> core::Result<void> {
            if (!entryId.isEmpty()) {
                if (auto removed = m_repository.removeEntry(entryId); !removed || setId.isEmpty()) {
                    return removed;
                }
            }
            return m_repository.removeSet(setId);
        },
        [this](const core::Error& error) { report(error); }));
    refreshShow();
    m_tree->selectId(entryId.isEmpty() ? setId : entryId);
}

bool SetlistsPage::addBreak(qint64 durationMs)
{
    const QString setId = m_tree->currentSetId();
    if (setId.isEmpty()) {
        return false;
    }
    const QString before = insertionPoint();
    auto added = m_repository.addBreak(setId, tr("Break"), durationMs, before);
    if (!added) {
        return report(added.error());
    }
    pushAdded(tr("Add break"), {}, *added);
    return true;
}

bool SetlistsPage::addSet(sl::SetKind kind)
{
    if (m_showId.isEmpty()) {
        return false;
    }
    int sets = 0;
    int encores = 0;
    for (const sl::Setlist& set : m_plan.sets) {
        (set.kind == sl::SetKind::Encore ? encores : sets) += 1;
    }
    const QString name = kind == sl::SetKind::Encore ? (encores == 0 ? tr("Encore") : tr("Encore %1").arg(encores + 1)) : tr("Set %1").arg(sets + 1);
    auto added = m_repository.addSet(m_showId, name, kind);
    if (!added) {
        return report(added.error());
    }
    pushAdded(kind == sl::SetKind::Encore ? tr("Add encore") : tr("Add set"), *added, {});
    return true;
}

bool SetlistsPage::removeSelected()
{
    const QString id = m_tree->selectedId();
    if (id.isEmpty()) {
        return false;
    }
    if (m_tree->selectedKind() == QLatin1String("set")) {
        QStringList entryIds;
        for (const sl::Setlist& set : m_plan.sets) {
            if (set.id == id) {
                for (const sl::SetlistEntry& entry : set.entries) {
                    entryIds << entry.id;
                }
            }
        }
        return perform(tr("Remove set"), [=, this] { return m_repository.removeSet(id); },
                       [=, this] { return m_repository.restore({id}, entryIds); });
    }
    return perform(tr("Remove"), [=, this] { return m_repository.removeEntry(id); }, [=, this] { return m_repository.restore({}, {id}); });
}

bool SetlistsPage::moveEntry(const QString& entryIdRef, const QString& setIdRef, const QString& beforeRef)
{
    // Copies: callers pass strings of m_plan, which the refresh after the move replaces.
    const QString entryId = entryIdRef;
    const QString setId = setIdRef;
    const QString beforeEntryId = beforeRef;
    const QString oldSet = setOf(entryId);
    const QString oldNext = nextSiblingId(entryId);
    if (oldSet.isEmpty() || (oldSet == setId && oldNext == beforeEntryId)) {
        return false;
    }
    const bool moved = perform(tr("Move"), [=, this] { return m_repository.moveEntry(entryId, setId, beforeEntryId); },
                               [=, this] { return m_repository.moveEntry(entryId, oldSet, oldNext); });
    m_tree->selectId(entryId);
    return moved;
}

bool SetlistsPage::moveSelected(int step)
{
    const QString id = m_tree->selectedId();
    if (id.isEmpty() || m_tree->selectedKind() == QLatin1String("set")) {
        return false;
    }
    // The entries in playing order with their sets; moving past a set's edge enters the next set.
    for (qsizetype s = 0; s < m_plan.sets.size(); ++s) {
        const auto& entries = m_plan.sets[s].entries;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (entries[i].id != id) {
                continue;
            }
            if (step < 0) {
                if (i > 0) {
                    return moveEntry(id, m_plan.sets[s].id, entries[i - 1].id);
                }
                return s > 0 && moveEntry(id, m_plan.sets[s - 1].id, {});
            }
            if (i + 2 < entries.size()) {
                return moveEntry(id, m_plan.sets[s].id, entries[i + 2].id);
            }
            if (i + 1 < entries.size()) {
                return moveEntry(id, m_plan.sets[s].id, {});
            }
            if (s + 1 < m_plan.sets.size()) {
                const auto& next = m_plan.sets[s + 1].entries;
                return moveEntry(id, m_plan.sets[s + 1].id, next.isEmpty() ? QString() : next.first().id);
            }
            return false;
        }
    }
    return false;
}

void SetlistsPage::editSelected()
{
    const QString id = m_tree->selectedId();
    if (id.isEmpty()) {
        return;
    }
    if (m_tree->selectedKind() == QLatin1String("set")) {
        const auto set = std::find_if(m_plan.sets.cbegin(), m_plan.sets.cend(), [&](const sl::Setlist& s) { return s.id == id; });
        if (set == m_plan.sets.cend()) {
            return;
        }
        const QString oldName = set->name;  // copies: the refresh after the rename replaces m_plan
        const sl::SetKind kind = set->kind;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename set"), tr("Name:"), QLineEdit::Normal, oldName, &ok);
        if (ok && !name.trimmed().isEmpty() && name != oldName) {
            perform(tr("Rename set"), [=, this] { return m_repository.renameSet(id, name, kind); },
                    [=, this] { return m_repository.renameSet(id, oldName, kind); });
        }
        return;
    }
    auto entry = m_repository.entry(id);
    if (!entry) {
        report(entry.error());
        return;
    }
    QString title;
    for (const sl::RunSheetRow& row : m_sheet.rows) {
        if (row.entry.id == id) {
            title = row.title;
        }
    }
    EntryDialog dialog(*entry, title, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const sl::SetlistEntry before = *entry;
    const sl::SetlistEntry after = dialog.entry();
    perform(tr("Edit"), [=, this] { return m_repository.updateEntry(after); }, [=, this] { return m_repository.updateEntry(before); });
}

}  // namespace bandmate::ui
