#include "ui/library/SongTableModel.h"

#include "core/setlists/RunSheet.h"

#include <QColor>

namespace bandmate::ui {

namespace lib = core::library;

QString SongTableModel::readinessText(lib::Readiness readiness)
{
    switch (readiness) {
    case lib::Readiness::Rehearsed:
        return tr("Rehearsed");
    case lib::Readiness::GigReady:
        return tr("Gig-ready");
    case lib::Readiness::Learning:
        break;
    }
    return tr("Learning");
}

void SongTableModel::setSongs(QList<core::library::Song> songs, QHash<QString, int> plays, QHash<QString, bool> missing)
{
    beginResetModel();
    m_songs = std::move(songs);
    m_plays = std::move(plays);
    m_missing = std::move(missing);
    endResetModel();
}

const core::library::Song* SongTableModel::song(int row) const
{
    return row >= 0 && row < m_songs.size() ? &m_songs[row] : nullptr;
}

int SongTableModel::rowOf(const QString& songId) const
{
    for (qsizetype row = 0; row < m_songs.size(); ++row) {
        if (m_songs[row].id == songId) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

int SongTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_songs.size());
}

int SongTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SongTableModel::data(const QModelIndex& index, int role) const
{
    const core::library::Song* s = song(index.row());
    if (s == nullptr) {
        return {};
    }
    if (role == kSongIdRole) {
        return s->id;
    }
    const int plays = m_plays.value(s->id);
    if (role == Qt::UserRole) {  // sort key
        switch (index.column()) {
        case Bpm:
            return s->bpm;
        case Length:
            return s->durationMs;
        case Readiness:
            return static_cast<int>(s->readiness);
        case Rating:
            return s->rating;
        case Plays:
            return plays;
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Title:
            return s->loved ? s->title + QStringLiteral("  ♥") : s->title;
        case Artist:
            return s->artist;
        case Album:
            return s->album;
        case Key:
            return s->key;
        case Bpm:
            return s->bpm > 0 ? QString::number(s->bpm, 'g', 4) : QString();
        case Length:
            return s->durationMs > 0 ? core::setlists::formatDuration(s->durationMs) : QString();
        case Readiness:
            return readinessText(s->readiness);
        case Rating:
            return s->rating > 0 ? QString(s->rating, QChar(0x2605)) : QString();
        case Plays:
            return plays > 0 ? QString::number(plays) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Bpm || index.column() == Length || index.column() == Plays)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole && index.column() == Readiness) {
        return s->readiness == lib::Readiness::GigReady ? QColor(0x2e, 0x8b, 0x57) : s->readiness == lib::Readiness::Rehearsed ? QColor(0xc0, 0x80, 0x20) : QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == Title && m_missing.value(s->id)) {
        return tr("The audio file is missing: right-click to locate it");
    }
    if (role == Qt::ForegroundRole && index.column() == Title && m_missing.value(s->id)) {
        return QColor(0xb0, 0x30, 0x20);
    }
    return {};
}

QVariant SongTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Title:
        return tr("Title");
    case Artist:
        return tr("Artist");
    case Album:
        return tr("Album");
    case Key:
        return tr("Key");
    case Bpm:
        return tr("BPM");
    case Length:
        return tr("Length");
    case Readiness:
        return tr("Readiness");
    case Rating:
        return tr("Rating");
    case Plays:
        return tr("Plays");
    default:
        return {};
    }
}

}  // namespace bandmate::ui
