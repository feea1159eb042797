#pragma once

#include "core/library/Songs.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace bandmate::ui {

/// Songs as table rows: title, artist, album, key, tempo, length, readiness, rating, plays.
/// Sorting is by the raw values (Qt::UserRole), display by the formatted text.
class SongTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Artist, Album, Key, Bpm, Length, Readiness, Rating, Plays, ColumnCount };
    static constexpr int kSongIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setSongs(QList<core::library::Song> songs, QHash<QString, int> plays, QHash<QString, bool> missing);
    [[nodiscard]] const core::library::Song* song(int row) const;
    [[nodiscard]] int rowOf(const QString& songId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] static QString readinessText(core::library::Readiness readiness);

private:
    QList<core::library::Song> m_songs;
    QHash<QString, int> m_plays;
    QHash<QString, bool> m_missing;  ///< song id → its only file is missing
};

}  // namespace bandmate::ui
