#pragma once

// Helpers shared by the files that define SetlistsPage (private to them).

#include "ui/shell/PageActions.h"

#include "core/library/Songs.h"
#include "core/profile/Profile.h"
#include "core/setlists/FanVotes.h"
#include "core/setlists/SetlistFormats.h"
#include "core/storage/Database.h"
#include "core/util/SafeFiles.h"
#include "sync/client/PollClient.h"
#include "ui/print/SheetPrinter.h"
#include "ui/setlists/EntryDialog.h"
#include "ui/setlists/FanVoteDialog.h"
#include "ui/setlists/PractiseDialog.h"
#include "ui/setlists/RunSheetTree.h"
#include "ui/setlists/ShowDialog.h"
#include "ui/shell/Heading.h"
#include "ui/shell/MessageBanner.h"

#include <QAction>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace bandmate::ui::setlistspage {

namespace sl = core::setlists;

/// An undo step made of two functions; the first redo is the action already done.
class FunctionCommand : public QUndoCommand {
public:
    FunctionCommand(const QString& text, std::function<core::Result<void>()> redo, std::function<core::Result<void>()> undo,
                    std::function<void(const core::Error&)> failed)
        : QUndoCommand(text), m_redo(std::move(redo)), m_undo(std::move(undo)), m_failed(std::move(failed))
    {
    }
    void redo() override
    {
        if (m_first) {
            m_first = false;
            return;
        }
        if (auto done = m_redo(); !done) {
            m_failed(done.error());
        }
    }
    void undo() override
    {
        if (auto done = m_undo(); !done) {
            m_failed(done.error());
        }
    }

private:
    std::function<core::Result<void>()> m_redo;
    std::function<core::Result<void>()> m_undo;
    std::function<void(const core::Error&)> m_failed;
    bool m_first = true;
};

inline QString songText(const core::library::Song& song)
{
    return song.artist.isEmpty() ? song.title : QStringLiteral("%1 — %2").arg(song.title, song.artist);
}

}  // namespace bandmate::ui::setlistspage
