#include "ui/library/FeedDownloadsPanel.h"

#include "core/feeds/FeedDownloads.h"
#include "sync/feeds/DownloadQueue.h"

#include <QAction>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace feeds = core::feeds;

namespace {

constexpr int kItemRole = Qt::UserRole;
constexpr int kUrlRole = Qt::UserRole + 1;
constexpr int kStateRole = Qt::UserRole + 2;  ///< "queued", "running", "done", "failed"
constexpr int kPathRole = Qt::UserRole + 3;
enum Column { Song, Feed, State, Size };

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

}  // namespace

FeedDownloadsPanel::FeedDownloadsPanel(core::Database& db, sync::DownloadQueue& queue, QWidget* parent) : QWidget(parent), m_db(db), m_queue(queue)
{
    setObjectName(QStringLiteral("feedDownloads"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("feedDownloadList"));
    m_list->setAccessibleName(tr("Downloads"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Song"), tr("Feed"), tr("State"), tr("Size")});
    m_list->header()->setSectionResizeMode(Song, QHeaderView::Stretch);
    m_list->setColumnWidth(Feed, 150);
    m_list->setColumnWidth(State, 170);
    m_list->setColumnWidth(Size, 80);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        Q_EMIT currentChanged();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (auto* row = m_list->currentItem(); row != nullptr && row->data(0, kStateRole).toString() == QLatin1String("failed")) {
            if (auto ok = retrySelected(); !ok) {
                Q_EMIT message(QString::fromStdString(ok.error().toString()), true);
            }
        }
    });
    layout->addWidget(m_list, 1);

    auto* buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("Try again"), this);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (auto ok = retrySelected(); !ok) {
            Q_EMIT message(QString::fromStdString(ok.error().toString()), true);
        }
    });
    m_remove = new QPushButton(tr("Remove"), this);
    auto* removeKey = new QAction(m_list);  // Delete in the list only
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeKey);
    connect(removeKey, &QAction::triggered, m_remove, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (auto ok = removeSelected(); !ok) {
            Q_EMIT message(QString::fromStdString(ok.error().toString()), true);
        }
    });
    m_showFile = new QPushButton(tr("Show in folder"), this);
    connect(m_showFile, &QPushButton::clicked, this, [this] {
        if (auto* row = m_list->currentItem(); row != nullptr) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(row->data(0, kPathRole).toString()).absolutePath()));
        }
    });
    auto* cleanNow = new QPushButton(tr("Clean up now"), this);
    cleanNow->setToolTip(tr("Remove the played downloads past their days, and those of posts you removed"));
    connect(cleanNow, &QPushButton::clicked, this, [this] { Q_EMIT message(cleanUp(), false); });
    for (QPushButton* button : {m_retry, m_remove, m_showFile}) {
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto* where = new QHBoxLayout;
    auto* settings = new QHBoxLayout;
    m_folder = new QLabel(this);
    m_folder->setObjectName(QStringLiteral("feedDownloadFolder"));
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* change = new QPushButton(tr("Change…"), this);
    connect(change, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Where downloads go"), m_folder->toolTip());
        if (!chosen.isEmpty()) {
            if (auto ok = setFolder(chosen); !ok) {
                Q_EMIT message(QString::fromStdString(ok.error().toString()), true);
            }
        }
    });
    auto* keepLabel = new QLabel(tr("Remove played downloads after"), this);
    m_keepDays = new QSpinBox(this);
    m_keepDays->setObjectName(QStringLiteral("feedKeepDays"));
    m_keepDays->setRange(0, 3650);
    m_keepDays->setSpecialValueText(tr("never"));
    m_keepDays->setSuffix(tr(" days"));
    m_keepDays->setToolTip(tr("Counted from when the post was played; starred posts and songs you added to the library stay"));
    keepLabel->setBuddy(m_keepDays);
    connect(m_keepDays, &QSpinBox::editingFinished, this, [this] {
        if (auto ok = setKeepDays(m_keepDays->value()); !ok) {
            Q_EMIT message(QString::fromStdString(ok.error().toString()), true);
        }
    });
    where->addWidget(new QLabel(tr("Downloads go to"), this));
    where->addWidget(m_folder, 1);
    where->addWidget(change);
    layout->addLayout(where);
    settings->addWidget(keepLabel);
    settings->addWidget(m_keepDays);
    settings->addStretch(1);
    settings->addWidget(cleanNow);
    layout->addLayout(settings);

    connect(&m_queue, &sync::DownloadQueue::progressed, this, &FeedDownloadsPanel::showProgress);
    connect(&m_queue, &sync::DownloadQueue::finished, this, [this] {
        if (isVisible()) {
            reload();
        }
        Q_EMIT activeChanged();
    });
    showSettings();
    updateButtons();
}

void FeedDownloadsPanel::showSettings()
{
    feeds::FeedDownloads downloads(m_db);
    auto settings = downloads.settings();
    auto folder = downloads.folder();
    if (!settings || !folder) {
        Q_EMIT message(QString::fromStdString((!settings ? settings.error() : folder.error()).toString()), true);
        return;
    }
    m_folder->setText(QDir::toNativeSeparators(*folder));
    m_folder->setToolTip(*folder);
    const QSignalBlocker blocker(m_keepDays);
    m_keepDays->setValue(settings->keepDays);
}

void FeedDownloadsPanel::reload()
{
    auto all = feeds::FeedDownloads(m_db).list();
    if (!all) {
        Q_EMIT message(QString::fromStdString(all.error().toString()), true);
        return;
    }
    QString selectedItem;
    QString selectedUrl;
    if (auto* row = m_list->currentItem(); row != nullptr) {
        selectedItem = row->data(0, kItemRole).toString();
        selectedUrl = row->data(0, kUrlRole).toString();
    }
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const feeds::Download& download : std::as_const(*all)) {
        const QString song = download.artist.isEmpty() ? (download.title.isEmpty() ? download.itemTitle : download.title)
                                                       : download.artist + QStringLiteral(" – ") + download.title;
        auto* row = new QTreeWidgetItem(m_list, {song.isEmpty() ? QUrl(download.url).fileName() : song, download.feedName, QString(), QString()});
        row->setData(0, kItemRole, download.itemId);
        row->setData(0, kUrlRole, download.url);
        row->setData(0, kPathRole, download.path);
        row->setToolTip(Song, download.url);
        QString state;
        switch (download.state) {
        case feeds::Download::State::Done:
            state = download.kept ? tr("In your library") : tr("Downloaded %1").arg(QLocale().toString(download.doneAt.toLocalTime().date(), QLocale::ShortFormat));
            row->setData(0, kStateRole, QStringLiteral("done"));
            row->setText(Size, megabytes(download.bytes));
            row->setToolTip(State, QDir::toNativeSeparators(download.path));
            break;
        case feeds::Download::State::Failed:
            state = QStringLiteral("⚠ ") + download.error;
            row->setData(0, kStateRole, QStringLiteral("failed"));
            row->setToolTip(State, download.error);
            break;
        case feeds::Download::State::Queued:
            if (const auto progress = m_queue.progress(download.itemId, download.url); progress && progress->running) {
                row->setData(0, kStateRole, QStringLiteral("running"));
            } else if (progress) {
                row->setData(0, kStateRole, QStringLiteral("waiting"));
                state = tr("Waiting");
            } else {
                row->setData(0, kStateRole, QStringLiteral("stopped"));
                state = tr("Stopped (goes on at the next start, or Try again)");
            }
            break;
        }
        row->setText(State, state);
        if (download.itemId == selectedItem && download.url == selectedUrl) {
            m_list->setCurrentItem(row);
        }
    }
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* row = m_list->topLevelItem(i);
        if (row->data(0, kStateRole).toString() == QLatin1String("running")) {
            const auto progress = m_queue.progress(row->data(0, kItemRole).toString(), row->data(0, kUrlRole).toString());
            showProgress(row->data(0, kItemRole).toString(), row->data(0, kUrlRole).toString(), progress->received, progress->total);
        }
    }
    if (m_list->currentItem() == nullptr && m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    if (m_list->topLevelItemCount() == 0) {
        auto* none = new QTreeWidgetItem(m_list, {tr("No downloads yet: pick a post's song and press Download (Ctrl+D)."), QString(), QString(), QString()});
        none->setFlags(Qt::NoItemFlags);
    }
    showSettings();
    updateButtons();
    Q_EMIT currentChanged();
}

QTreeWidgetItem* FeedDownloadsPanel::rowOf(const QString& itemId, const QString& url) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* row = m_list->topLevelItem(i);
        if (row->data(0, kItemRole).toString() == itemId && row->data(0, kUrlRole).toString() == url) {
            return row;
        }
    }
    return nullptr;
}

void FeedDownloadsPanel::showProgress(const QString& itemId, const QString& url, qint64 received, qint64 total)
{
    if (!isVisible()) {
        return;  // reload() shows where each is when the list is shown
    }
    QTreeWidgetItem* row = rowOf(itemId, url);
    if (row == nullptr) {
        return;
    }
    auto* bar = qobject_cast<QProgressBar*>(m_list->itemWidget(row, State));
    if (bar == nullptr) {
        bar = new QProgressBar(m_list);
        bar->setTextVisible(true);
        row->setText(State, QString());
        row->setData(0, kStateRole, QStringLiteral("running"));
        m_list->setItemWidget(row, State, bar);
        updateButtons();
    }
    if (total > 0) {
        // In KiB: a bar counts in int, and files pass 2 GB.
        bar->setRange(0, static_cast<int>(total / 1024));
        bar->setValue(static_cast<int>(received / 1024));
        bar->setFormat(QStringLiteral("%p %"));
    } else {
        bar->setRange(0, 0);  // the server did not say how much: busy
    }
    row->setText(Size, megabytes(received));
}

int FeedDownloadsPanel::rowCount() const
{
    int count = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        count += m_list->topLevelItem(i)->data(0, kItemRole).toString().isEmpty() ? 0 : 1;
    }
    return count;
}

QString FeedDownloadsPanel::rowText(int row) const
{
    QTreeWidgetItem* item = m_list->topLevelItem(row);
    if (item == nullptr) {
        return {};
    }
    QString state = item->text(State);
    if (auto* bar = qobject_cast<QProgressBar*>(m_list->itemWidget(item, State)); bar != nullptr) {
        state = bar->text();
    }
    return item->text(Song) + QStringLiteral(" | ") + item->text(Feed) + QStringLiteral(" | ") + state;
}

void FeedDownloadsPanel::selectRow(int row)
{
    if (QTreeWidgetItem* item = m_list->topLevelItem(row); item != nullptr) {
        m_list->setCurrentItem(item);
    }
}

QString FeedDownloadsPanel::currentItemId() const
{
    return m_list->currentItem() != nullptr ? m_list->currentItem()->data(0, kItemRole).toString() : QString();
}

void FeedDownloadsPanel::updateButtons()
{
    QTreeWidgetItem* row = m_list->currentItem();
    const QString state = row != nullptr ? row->data(0, kStateRole).toString() : QString();
    m_retry->setEnabled(state == QLatin1String("failed") || state == QLatin1String("stopped"));
    m_remove->setEnabled(!state.isEmpty());
    const bool onItsWay = state == QLatin1String("running") || state == QLatin1String("waiting") || state == QLatin1String("stopped");
    m_remove->setText(onItsWay ? tr("Cancel") : tr("Remove"));
    m_remove->setToolTip(onItsWay ? tr("Stop it and throw away what came (Delete)") : tr("Delete the downloaded file (Delete)"));
    m_showFile->setEnabled(state == QLatin1String("done"));
}

core::Result<void> FeedDownloadsPanel::retrySelected()
{
    QTreeWidgetItem* row = m_list->currentItem();
    if (row == nullptr) {
        return {};
    }
    const QString itemId = row->data(0, kItemRole).toString();
    const QString url = row->data(0, kUrlRole).toString();
    if (row->data(0, kStateRole).toString() == QLatin1String("stopped")) {
        // Stopped in an earlier run: it goes on now.
        auto resumed = m_queue.resumeQueued();
        if (!resumed) {
            return std::unexpected(resumed.error());
        }
    } else if (auto ok = m_queue.retry(itemId, url); !ok) {
        return ok;
    }
    reload();
    Q_EMIT activeChanged();
    return {};
}

core::Result<void> FeedDownloadsPanel::removeSelected(bool ask)
{
    QTreeWidgetItem* row = m_list->currentItem();
    if (row == nullptr || row->data(0, kItemRole).toString().isEmpty()) {
        return {};
    }
    const QString state = row->data(0, kStateRole).toString();
    if (ask && (state == QLatin1String("running") || state == QLatin1String("stopped") || state == QLatin1String("failed"))) {
        if (QMessageBox::question(this, tr("Cancel the download"), tr("Forget this download and throw away what came so far?")) != QMessageBox::Yes) {
            return {};
        }
    }
    if (ask && state == QLatin1String("done")) {
        const QString file = QDir::toNativeSeparators(row->data(0, kPathRole).toString());
        const bool kept = row->text(State) == tr("In your library");
        if (QMessageBox::question(this, tr("Remove the download"),
                                  kept ? tr("Forget this download? Its file stays: your library has it.\n%1").arg(file)
                                       : tr("Remove the downloaded file?\n%1").arg(file))
            != QMessageBox::Yes) {
            return {};
        }
    }
    auto removed = m_queue.cancel(row->data(0, kItemRole).toString(), row->data(0, kUrlRole).toString());
    if (!removed) {
        return removed;
    }
    reload();
    Q_EMIT activeChanged();
    return {};
}

core::Result<void> FeedDownloadsPanel::setKeepDays(int days)
{
    feeds::FeedDownloads downloads(m_db);
    auto settings = downloads.settings();
    if (!settings) {
        return std::unexpected(settings.error());
    }
    settings->keepDays = days;
    auto saved = downloads.setSettings(*settings);
    showSettings();
    return saved;
}

core::Result<void> FeedDownloadsPanel::setFolder(const QString& folder)
{
    feeds::FeedDownloads downloads(m_db);
    auto settings = downloads.settings();
    if (!settings) {
        return std::unexpected(settings.error());
    }
    settings->folder = folder;
    auto saved = downloads.setSettings(*settings);
    showSettings();
    if (saved) {
        Q_EMIT message(tr("New downloads go to %1; those made stay where they are.").arg(QDir::toNativeSeparators(folder)), false);
    }
    return saved;
}

QString FeedDownloadsPanel::cleanUp()
{
    auto done = feeds::FeedDownloads(m_db).cleanup(QDateTime::currentDateTimeUtc());
    if (!done) {
        return QString::fromStdString(done.error().toString());
    }
    reload();
    QString text = done->removed == 0 ? tr("Nothing to clean up.")
                                      : tr("%n download(s) removed (%1).", nullptr, done->removed).arg(megabytes(done->bytes));
    if (!done->problems.isEmpty()) {
        text += QLatin1Char(' ') + tr("Could not remove: %1").arg(done->problems.join(QStringLiteral("; ")));
    }
    return text;
}

}  // namespace bandmate::ui
