#include "ui/library/SongEditor.h"
#include "ui/shell/FlowLayout.h"

#include "core/beats/BuiltinMachines.h"
#include "core/library/ChordPro.h"
#include "core/library/MediaPath.h"
#include "core/library/MusicalKey.h"
#include "ui/library/SongTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QImage>
#include <QPixmap>
#include <QPixmapCache>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bandmate::ui {

using core::library::Readiness;

SongEditor::SongEditor(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("songEditor"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto* details = new QWidget(m_tabs);
    auto* form = new QFormLayout(details);
    m_cover = new QLabel(details);
    m_cover->setObjectName(QStringLiteral("songCover"));
    m_cover->setFixedSize(kCoverSize, kCoverSize);
    m_cover->setAlignment(Qt::AlignCenter);
    m_cover->setToolTip(tr("The cover embedded in the audio file"));
    form->addRow(m_cover);
    const auto line = [&](const QString& label, const QString& name) {
        auto* edit = new QLineEdit(details);
        edit->setObjectName(name);
        connect(edit, &QLineEdit::textEdited, this, &SongEditor::markModified);
        form->addRow(label, edit);
        return edit;
    };
    m_title = line(tr("&Title:"), QStringLiteral("songTitle"));
    m_artist = line(tr("&Artist:"), QStringLiteral("songArtist"));
    m_album = line(tr("Al&bum:"), QStringLiteral("songAlbum"));
    m_genre = line(tr("&Genre:"), QStringLiteral("songGenre"));
    m_year = new QSpinBox(details);
    m_year->setRange(0, 2100);
    m_year->setSpecialValueText(tr("unknown"));
    connect(m_year, &QSpinBox::valueChanged, this, &SongEditor::markModified);
    form->addRow(tr("&Year:"), m_year);
    m_track = new QSpinBox(details);
    m_track->setObjectName(QStringLiteral("songTrack"));
    m_track->setRange(0, 999);
    m_track->setSpecialValueText(tr("unknown"));
    connect(m_track, &QSpinBox::valueChanged, this, &SongEditor::markModified);
    form->addRow(tr("Tra&ck:"), m_track);
    m_key = line(tr("&Key:"), QStringLiteral("songKey"));
    m_key->setPlaceholderText(tr("Am, C#, Bb…"));
    m_bpm = new QDoubleSpinBox(details);
    m_bpm->setRange(0, 400);
    m_bpm->setDecimals(1);
    m_bpm->setSpecialValueText(tr("unknown"));
    connect(m_bpm, &QDoubleSpinBox::valueChanged, this, &SongEditor::markModified);
    form->addRow(tr("&BPM:"), m_bpm);
    m_timeSignature = line(tr("T&ime:"), QStringLiteral("songTimeSignature"));
    m_tags = line(tr("Ta&gs:"), QStringLiteral("songTags"));
    m_tags->setPlaceholderText(tr("salsa, opener"));
    m_tags->setToolTip(tr("Tags, separated by commas"));
    m_readiness = new QComboBox(details);
    for (const Readiness readiness : {Readiness::Learning, Readiness::Rehearsed, Readiness::GigReady}) {
        m_readiness->addItem(SongTableModel::readinessText(readiness), static_cast<int>(readiness));
    }
    connect(m_readiness, &QComboBox::activated, this, &SongEditor::markModified);
    form->addRow(tr("&Readiness:"), m_readiness);
    auto* ratingRow = new QHBoxLayout();
    m_rating = new QSpinBox(details);
    m_rating->setRange(0, 5);
    m_rating->setSuffix(tr(" ★"));
    m_rating->setSpecialValueText(tr("no rating"));
    connect(m_rating, &QSpinBox::valueChanged, this, &SongEditor::markModified);
    m_loved = new QCheckBox(tr("&Loved"), details);
    connect(m_loved, &QCheckBox::toggled, this, &SongEditor::markModified);
    ratingRow->addWidget(m_rating);
    ratingRow->addWidget(m_loved);
    ratingRow->addStretch(1);
    // A row that is a layout gets no buddy from addRow: without one, "&" would show as itself.
    auto* ratingLabel = new QLabel(tr("R&ating:"), details);
    ratingLabel->setBuddy(m_rating);
    form->addRow(ratingLabel, ratingRow);
    m_groove = new QComboBox(details);
    m_groove->setObjectName(QStringLiteral("songGroove"));
    m_groove->addItem(tr("none"), QString());
    for (const QString& name : core::beats::builtinMachineNames()) {
        m_groove->addItem(name, QStringLiteral("builtin:") + name);
    }
    m_groove->setToolTip(tr("A groove of the Beat Machine to practise this song with"));
    connect(m_groove, &QComboBox::activated, this, &SongEditor::markModified);
    form->addRow(tr("Gr&oove:"), m_groove);
    m_notes = new QPlainTextEdit(details);
    m_notes->setFixedHeight(64);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &SongEditor::markModified);
    form->addRow(tr("&Notes:"), m_notes);
    // On a small screen the form scrolls (up and down only) rather than being cut.
    auto* detailsScroll = new QScrollArea(m_tabs);
    detailsScroll->setWidget(details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A scroll area asks for no width of its own: ask for the form's, so the page's splitter
    // never squeezes the fields under their labels.
    detailsScroll->setMinimumWidth(details->minimumSizeHint().width() + detailsScroll->verticalScrollBar()->sizeHint().width());
    m_tabs->addTab(detailsScroll, tr("Details"));

    auto* chart = new QWidget(m_tabs);
    auto* chartLayout = new QVBoxLayout(chart);
    // Transpose on screen, and edit: a row that wraps when the panel is narrow.
    auto* chartToolsBox = new QWidget(chart);
    auto* chartTools = new FlowLayout(chartToolsBox, 6, 4);
    auto* down = new QPushButton(QStringLiteral("−"), chart);
    down->setToolTip(tr("Transpose down a semitone (on screen)"));
    down->setFixedWidth(32);
    auto* up = new QPushButton(QStringLiteral("+"), chart);
    up->setToolTip(tr("Transpose up a semitone (on screen)"));
    up->setFixedWidth(32);
    m_transposeLabel = new QLabel(chart);
    auto* edit = new QPushButton(tr("Edit chart"), chart);
    edit->setCheckable(true);
    chartTools->addWidget(down);
    chartTools->addWidget(m_transposeLabel);
    chartTools->addWidget(up);
    chartTools->addWidget(edit);
    chartLayout->addWidget(chartToolsBox);
    m_chartStack = new QStackedWidget(chart);
    m_chartView = new QTextBrowser(m_chartStack);
    m_chartView->setObjectName(QStringLiteral("chartView"));
    m_chartEdit = new QPlainTextEdit(m_chartStack);
    m_chartEdit->setObjectName(QStringLiteral("chartEdit"));
    m_chartEdit->setPlaceholderText(tr("{title: Chan Chan}\n{key: Dm}\n[Dm]De Alto [F]Cedro voy para [Gm]Marcané…"));
    QFont mono = m_chartEdit->font();
    mono.setFamily(QStringLiteral("monospace"));
    m_chartEdit->setFont(mono);
    connect(m_chartEdit, &QPlainTextEdit::textChanged, this, &SongEditor::markModified);
    m_chartStack->addWidget(m_chartView);
    m_chartStack->addWidget(m_chartEdit);
    chartLayout->addWidget(m_chartStack, 1);
    connect(down, &QPushButton::clicked, this, [this] { setTranspose(m_transpose - 1); });
    connect(up, &QPushButton::clicked, this, [this] { setTranspose(m_transpose + 1); });
    connect(edit, &QPushButton::toggled, this, [this](bool editing) {
        m_chartStack->setCurrentIndex(editing ? 1 : 0);
        if (!editing) {
            showChart();
        }
    });
    m_tabs->addTab(chart, tr("Chart"));

    auto* files = new QWidget(m_tabs);
    auto* filesLayout = new QVBoxLayout(files);
    m_files = new QListWidget(files);
    m_files->setObjectName(QStringLiteral("songFiles"));
    filesLayout->addWidget(m_files, 1);
    auto* locate = new QPushButton(tr("Locate missing file…"), files);
    connect(locate, &QPushButton::clicked, this, [this] {
        if (auto* item = m_files->currentItem(); item != nullptr && item->data(Qt::UserRole + 1).toBool()) {
            Q_EMIT locateRequested(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 2).toString());
        }
    });
    filesLayout->addWidget(locate, 0, Qt::AlignLeft);
    m_tabs->addTab(files, tr("Files"));

    auto* buttons = new QHBoxLayout();
    buttons->addStretch(1);
    m_revert = new QPushButton(tr("Revert"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveSong"));
    m_save->setDefault(true);
    m_save->setToolTip(tr("Save the song (Ctrl+S)"));
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, [this] { Q_EMIT saveRequested(song()); });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        const auto shown = m_fileList;  // setSong replaces m_fileList
        setSong(m_song, shown);
    });
    auto* saveKey = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, m_save, &QPushButton::click);
    setSong({}, {});
}

void SongEditor::setSong(const core::library::Song& song, const QList<core::library::MediaFile>& files)
{
    m_loading = true;
    m_song = song;
    m_title->setText(song.title);
    m_artist->setText(song.artist);
    m_album->setText(song.album);
    m_genre->setText(song.genre);
    m_year->setValue(song.year);
    m_track->setValue(song.track);
    m_key->setText(song.key);
    m_bpm->setValue(song.bpm);
    m_timeSignature->setText(song.timeSignature);
    m_tags->setText(song.tags.join(QStringLiteral(", ")));
    m_readiness->setCurrentIndex(m_readiness->findData(static_cast<int>(song.readiness)));
    m_rating->setValue(song.rating);
    m_loved->setChecked(song.loved);
    const int groove = m_groove->findData(song.machineRef);
    m_groove->setCurrentIndex(groove >= 0 ? groove : 0);
    m_notes->setPlainText(song.notes);
    m_chartEdit->setPlainText(song.chart);
    m_fileList = files;
    {
        m_files->clear();
        for (const auto& file : files) {
            const QString state = file.missing ? tr("missing") : !file.error.isEmpty() ? tr("unreadable: %1").arg(file.error) : QString();
            const QString shown = QDir::toNativeSeparators(core::library::displayPath(file.path));
            auto* item = new QListWidgetItem(state.isEmpty() ? shown : QStringLiteral("%1  (%2)").arg(shown, state), m_files);
            item->setData(Qt::UserRole, file.id);
            item->setData(Qt::UserRole + 1, file.missing);
            item->setData(Qt::UserRole + 2, file.path);
            if (file.missing) {
                item->setForeground(QColor(0xb0, 0x30, 0x20));
            }
        }
        if (files.isEmpty() && !song.id.isEmpty()) {
            new QListWidgetItem(tr("No audio file: this song lives in the library only."), m_files);
        }
    }
    showCover(files);
    m_transpose = 0;
    showChart();
    m_loading = false;
    m_modified = false;
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    setEnabled(!song.id.isEmpty());
}

core::library::Song SongEditor::song() const
{
    core::library::Song song = m_song;
    song.title = m_title->text().trimmed();
    song.artist = m_artist->text().trimmed();
    song.album = m_album->text().trimmed();
    song.genre = m_genre->text().trimmed();
    song.year = m_year->value();
    song.track = m_track->value();
    song.key = m_key->text().trimmed();
    song.bpm = m_bpm->value();
    song.timeSignature = m_timeSignature->text().trimmed();
    song.tags.clear();
    for (const QString& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        song.tags << tag.trimmed();
    }
    song.readiness = static_cast<Readiness>(m_readiness->currentData().toInt());
    song.rating = m_rating->value();
    song.loved = m_loved->isChecked();
    song.machineRef = m_groove->currentData().toString();
    song.notes = m_notes->toPlainText();
    song.chart = m_chartEdit->toPlainText();
    return song;
}

void SongEditor::setUserGrooves(const QList<QPair<QString, QString>>& grooves)
{
    const QString current = m_groove->currentData().toString();
    for (int i = m_groove->count() - 1; i >= 0; --i) {
        if (m_groove->itemData(i).toString().startsWith(QLatin1String("user:"))) {
            m_groove->removeItem(i);
        }
    }
    for (const auto& [title, ref] : grooves) {
        m_groove->addItem(tr("%1 (yours)").arg(title), ref);
    }
    const int index = m_groove->findData(current);
    m_groove->setCurrentIndex(index >= 0 ? index : 0);
}

void SongEditor::showCover(const QList<core::library::MediaFile>& files)
{
    // Thumbnails are made once per cover file and kept in Qt's pixmap cache.
    for (const auto& file : files) {
        if (file.cover.isEmpty()) {
            continue;
        }
        const QString key = QStringLiteral("bandmate-cover:%1").arg(file.cover);
        QPixmap thumbnail;
        if (!QPixmapCache::find(key, &thumbnail)) {
            const QImage image(file.cover);
            if (image.isNull()) {
                continue;
            }
            const qreal ratio = devicePixelRatioF();
            thumbnail = QPixmap::fromImage(image.scaled(QSize(kCoverSize, kCoverSize) * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
            thumbnail.setDevicePixelRatio(ratio);
            QPixmapCache::insert(key, thumbnail);
        }
        m_cover->setPixmap(thumbnail);
        m_cover->show();
        return;
    }
    m_cover->clear();
    m_cover->hide();
}

bool SongEditor::hasCover() const
{
    return m_cover->pixmap().isNull() == false && !m_cover->isHidden();
}

void SongEditor::markModified()
{
    if (m_loading) {
        return;
    }
    m_modified = true;
    m_save->setEnabled(true);
    m_revert->setEnabled(true);
}

void SongEditor::setTranspose(int semitones)
{
    m_transpose = std::clamp(semitones, -11, 11);
    showChart();
}

void SongEditor::showChart()
{
    const QString key = m_key->text().trimmed();
    m_transposeLabel->setText(m_transpose == 0 ? tr("as written") + (key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key))
                                               : tr("%1%2 semitones").arg(m_transpose > 0 ? QStringLiteral("+") : QString()).arg(m_transpose)
                                                     + (key.isEmpty() ? QString() : QStringLiteral(" → %1").arg(core::library::transposeKey(key, m_transpose))));
    m_chartView->setHtml(chartHtml());
}

QString SongEditor::chartHtml() const
{
    const QString text = m_chartEdit->toPlainText();
    if (text.trimmed().isEmpty()) {
        return tr("<p style=\"color: #777;\">No chart yet. Press <b>Edit chart</b> and write the lyrics with chords in brackets: "
                  "<code>[Am]Dime que [E7]sí</code>.</p>");
    }
    const auto parsed = core::library::MusicalKey::parse(m_key->text());
    const bool flats = parsed && parsed->transposed(m_transpose).name().contains(QLatin1Char('b'));
    return core::library::chordChartHtml(core::library::parseChordPro(text), m_transpose, flats);
}

}  // namespace bandmate::ui
