// The Setlists page's fan votes: creating one, publishing the ones kept on this computer, and
// turning a result into the setlist.

#include "ui/setlists/SetlistsPage.h"
#include "ui/setlists/SetlistsPageParts.h"

namespace bandmate::ui {

namespace sl = core::setlists;
using namespace setlistspage;

FanVoteDialog* SetlistsPage::fanVote()
{
    if (m_showId.isEmpty()) {
        return nullptr;
    }
    // The show's songs first (ticked), then the rest of the library (to tick).
    QList<FanVoteDialog::Candidate> candidates;
    QSet<QString> seen;
    for (const sl::Setlist& set : m_plan.sets) {
        for (const sl::SetlistEntry& entry : set.entries) {
            if (entry.kind == sl::EntryKind::Song && !seen.contains(entry.songId)) {
                seen.insert(entry.songId);
                auto song = core::library::SongRepository(m_db).get(entry.songId);
                if (song) {
                    candidates.append({song->id, song->title, song->artist, true});
                }
            }
        }
    }
    if (auto all = core::library::SongRepository(m_db).search(QString()); all) {
        for (const auto& song : *all) {
            if (!seen.contains(song.id)) {
                candidates.append({song.id, song.title, song.artist, false});
            }
        }
    }
    const QString band = core::profile::ProfileRepository(m_db).load().value_or(core::profile::Profile{}).artistName;
    const QString show = m_plan.show.date.isValid() ? tr("%1 · %2").arg(m_plan.show.name, QLocale().toString(m_plan.show.date, QLocale::ShortFormat)) : m_plan.show.name;
    auto* dialog = new FanVoteDialog(m_db, m_showId, show, band, candidates, m_serverAccess, this);
    connect(this, &SetlistsPage::fanVotesChanged, dialog, &FanVoteDialog::refreshFromStore);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTargets(voteTargets(m_showId));
    // Sets added, renamed or removed while it is open: its choice of places follows.
    connect(this, &SetlistsPage::planChanged, dialog, [this, dialog, showId = m_showId] { dialog->setTargets(voteTargets(showId)); });
    dialog->setResultTaker([this, showId = m_showId](const QList<FanVoteDialog::Candidate>& songs, const QString& setId) {
        if (m_showId != showId && !selectShow(showId)) {
            return -1;  // the show is gone
        }
        return useVoteResult(songs, setId);
    });
    dialog->show();
    return dialog;
}

QList<std::pair<QString, QString>> SetlistsPage::voteTargets(const QString& showId) const
{
    QList<std::pair<QString, QString>> sets;
    auto plan = m_repository.plan(showId);
    for (const sl::Setlist& set : plan ? plan->sets : QList<sl::Setlist>{}) {
        if (set.kind == sl::SetKind::Set) {
            sets.append({set.id, set.name.isEmpty() ? tr("Set %1").arg(sets.size() + 1) : set.name});
        }
    }
    return sets;
}

void SetlistsPage::setServerAccess(FanVoteDialog::ServerAccess access)
{
    m_serverAccess = std::move(access);
}

void SetlistsPage::publishWaitingVotes()
{
    auto waiting = core::setlists::FanVoteRepository(m_db).waiting();
    if (!m_serverAccess || m_publishing || !waiting || waiting->isEmpty()) {
        Q_EMIT fanVotesChanged();  // a sync may have brought one published on another computer
        return;
    }
    m_publishing = true;
    if (m_network == nullptr) {
        m_network = new QNetworkAccessManager(this);
    }
    m_serverAccess(this, [this](const QUrl& server, const QString& token, const QString& error) {
        if (!error.isEmpty()) {
            m_publishing = false;  // they wait for the next sync
            return;
        }
        sync::PollClient::publishWaitingAsync(*m_network, m_db, server, token, this, [this](const sync::PublishReport& report) {
            m_publishing = false;
            // One message for the round, naming the shows.
            const auto showName = [this](const core::setlists::FanVote& vote) {
                auto show = m_repository.show(vote.showId);
                return show ? show->name : vote.request.value(QStringLiteral("show")).toString();
            };
            QStringList lines;
            bool trouble = false;
            for (const auto& vote : report.published) {
                lines << tr("The fan vote for “%1” is on your server now: fans open %2 (code %3).").arg(showName(vote), vote.url, vote.code);
            }
            for (const auto& vote : report.changedElsewhere) {
                lines << tr("The fan vote for “%1” was published from another computer before; the changes made here were not applied.").arg(showName(vote));
                trouble = true;
            }
            for (const auto& vote : report.refused) {
                lines << tr("Your server refused the fan vote for “%1”: %2. Open Fan vote… on the show to change or discard it.").arg(showName(vote), vote.refused);
                trouble = true;
            }
            if (report.stopped) {
                lines << tr("Fan votes you prepared still wait for your server: %1").arg(QString::fromStdString(report.stopped->message));
                trouble = true;
            }
            if (!lines.isEmpty()) {
                m_banner->showMessage(lines.join(QLatin1Char('\n')), trouble);
            }
            Q_EMIT fanVotesChanged();
        });
    });
}

int SetlistsPage::useVoteResult(const QList<FanVoteDialog::Candidate>& wanted, const QString& targetSetId)
{
    if (m_showId.isEmpty()) {
        return -1;
    }
    // Into the chosen set, or else the last encore (a new one when there is none). A winner in
    // another set moves there (it is not played twice); one already there, or (for the encore)
    // in any encore, stays; any other is added (a fan's suggestion by its title, a new song when
    // the library has none of that name). One undo step.
    QString setId;
    QString where = tr("the encore");  // for the message
    for (const sl::Setlist& set : m_plan.sets) {
        if (targetSetId.isEmpty() ? set.kind == sl::SetKind::Encore : set.id == targetSetId) {
            setId = set.id;
            where = targetSetId.isEmpty() ? where : set.name;
        }
    }
    if (!targetSetId.isEmpty() && setId.isEmpty()) {
        m_banner->showMessage(tr("That set is not in the show any more: choose another place for the fans' songs."), true);
        return -1;
    }
    // There already: the target set (for the encore: any encore) holds the song somewhere.
    const auto alreadyThere = [this, &targetSetId](const QString& songId) {
        for (const sl::Setlist& set : m_plan.sets) {
            if (targetSetId.isEmpty() ? set.kind == sl::SetKind::Encore : set.id == targetSetId) {
                for (const sl::SetlistEntry& entry : set.entries) {
                    if (entry.kind == sl::EntryKind::Song && entry.songId == songId) {
                        return true;
                    }
                }
            }
        }
        return false;
    };
    struct Placed {
        QString entryId;
        QString oldSet;   ///< empty: added by this step
        QString oldNext;  ///< where it stood before
    };
    QList<Placed> placed;
    const auto entryOf = [this](const QString& songId) -> std::pair<QString, const sl::Setlist*> {
        for (const sl::Setlist& set : m_plan.sets) {
            for (const sl::SetlistEntry& entry : set.entries) {
                if (entry.kind == sl::EntryKind::Song && entry.songId == songId) {
                    return {entry.id, &set};
                }
            }
        }
        return {QString(), nullptr};
    };
    QString createdSet;
    const auto undoSoFar = [&] {
        for (auto it = placed.crbegin(); it != placed.crend(); ++it) {
            (void)(it->oldSet.isEmpty() ? m_repository.removeEntry(it->entryId) : m_repository.moveEntry(it->entryId, it->oldSet, it->oldNext));
        }
        if (!createdSet.isEmpty()) {
            (void)m_repository.removeSet(createdSet);
        }
    };
    for (const FanVoteDialog::Candidate& candidate : wanted) {
        QString songId = candidate.songId.isEmpty() ? m_songByText.value(candidate.title.toCaseFolded()) : candidate.songId;
        if (!songId.isEmpty() && alreadyThere(songId)) {
            continue;
        }
        const auto [existing, set] = songId.isEmpty() ? std::pair<QString, const sl::Setlist*>{} : entryOf(songId);
        if (setId.isEmpty()) {
            auto created = m_repository.addSet(m_showId, tr("Encore"), sl::SetKind::Encore);
            if (!created) {
                report(created.error());
                return -1;
            }
            setId = createdSet = *created;
        }
        if (!existing.isEmpty()) {
            const QString oldNext = nextSiblingId(existing);
            if (auto moved = m_repository.moveEntry(existing, setId); !moved) {
                undoSoFar();
                report(moved.error());
                return -1;
            }
            placed.append({existing, set->id, oldNext});
            continue;
        }
        if (songId.isEmpty()) {
            core::library::Song song;
            song.title = candidate.title;
            auto saved = core::library::SongRepository(m_db).save(song);
            if (!saved) {
                undoSoFar();
                report(saved.error());
                return -1;
            }
            songId = *saved;
        }
        auto added = m_repository.addSong(setId, songId);
        if (!added) {
            undoSoFar();
            report(added.error());
            return -1;
        }
        placed.append({*added, QString(), QString()});
    }
    if (placed.isEmpty()) {
        return 0;
    }
    QStringList addedEntries;
    for (const Placed& one : placed) {
        if (one.oldSet.isEmpty()) {
            addedEntries << one.entryId;
        }
    }
    const QStringList sets = createdSet.isEmpty() ? QStringList{} : QStringList{createdSet};
    m_undo->push(new FunctionCommand(
        tr("Use the fans' vote"),
        [=, this]() -> core::Result<void> {
            if (auto restored = m_repository.restore(sets, addedEntries); !restored) {
                return restored;
            }
            for (const Placed& one : placed) {  // in the fans' order, at the set's end
                if (auto moved = m_repository.moveEntry(one.entryId, setId); !moved) {
                    return moved;
                }
            }
            return {};
        },
        [=, this]() -> core::Result<void> {
            for (auto it = placed.crbegin(); it != placed.crend(); ++it) {
                if (auto back = it->oldSet.isEmpty() ? m_repository.removeEntry(it->entryId) : m_repository.moveEntry(it->entryId, it->oldSet, it->oldNext); !back) {
                    return back;
                }
            }
            return createdSet.isEmpty() ? core::Result<void>() : m_repository.removeSet(createdSet);
        },
        [this](const core::Error& error) { report(error); }));
    refreshSongChoices();
    refreshShow();
    m_banner->showMessage(tr("The fans' %n song(s) are in %1 (Ctrl+Z takes them out).", nullptr, static_cast<int>(placed.size())).arg(where), false);
    return static_cast<int>(placed.size());
}

}  // namespace bandmate::ui
