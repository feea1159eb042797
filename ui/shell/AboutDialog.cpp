#include "ui/shell/AboutDialog.h"

#include "audio/engine/AudioSystem.h"
#include "core/storage/Database.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bandmate::ui {

QList<Component> components(const core::Database& db)
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"),
         AboutDialog::tr("Windows, widgets, charts, playback, networking, database access")},
        {QStringLiteral("JUCE"),
         QString::fromStdString(audio::AudioSystem::juceVersionNonRealTime()).remove(QStringLiteral("JUCE v")),
         QStringLiteral("GPL-3.0-only"), AboutDialog::tr("Audio engine, audio devices and audio files")},
        {QStringLiteral("SQLite"), db.sqliteVersion(), QStringLiteral("blessing (public domain)"),
         AboutDialog::tr("Your data, in one file")},
        {QStringLiteral("libFLAC"), QString(), QStringLiteral("BSD-3-Clause"), AboutDialog::tr("FLAC audio files")},
        {QStringLiteral("libogg / libvorbis"), QString(), QStringLiteral("BSD-3-Clause"),
         AboutDialog::tr("Ogg Vorbis audio files")},
        {QStringLiteral("Qt Keychain"), QString(), QStringLiteral("BSD-3-Clause"),
         AboutDialog::tr("Sync credentials in the system keychain")},
        {QStringLiteral("Boost (Beast, Asio)"), QString(), QStringLiteral("BSL-1.0"), AboutDialog::tr("The sync server's HTTP core")},
        {QStringLiteral("OpenSSL"), QString(), QStringLiteral("Apache-2.0"), AboutDialog::tr("HTTPS on the sync server")},
        {QStringLiteral("libsodium"), QString(), QStringLiteral("ISC"), AboutDialog::tr("Password hashing on the sync server")},
        {QStringLiteral("Mustache (kainjow)"), QString(), QStringLiteral("BSL-1.0"), AboutDialog::tr("The server's web pages")},
        {QStringLiteral("libqrencode"), QString(), QStringLiteral("LGPL-2.1-or-later"), AboutDialog::tr("QR codes of fan votes")},
        {QStringLiteral("TagLib"), QString(), QStringLiteral("LGPL-2.1-only OR MPL-1.1"),
         AboutDialog::tr("Reading tags of your audio files")},
        {QStringLiteral("xxHash"), QString(), QStringLiteral("BSD-2-Clause"), AboutDialog::tr("Telling your audio files apart quickly")},
        {QStringLiteral("aubio"), QString(), QStringLiteral("GPL-3.0-or-later"), AboutDialog::tr("Hearing the hits of a take for the timing coach")},
        {QStringLiteral("Ableton Link"), QString(), QStringLiteral("GPL-2.0-or-later"),
         AboutDialog::tr("Playing in time with other apps on the network")},
        {QStringLiteral("Asio"), QString(), QStringLiteral("BSL-1.0"), AboutDialog::tr("Ableton Link's networking")},
        {QStringLiteral("libpq (PostgreSQL)"), QString(), QStringLiteral("PostgreSQL"),
         AboutDialog::tr("Large sync servers")},
        {QStringLiteral("FluidR3 GM soundfont"), QString(), QStringLiteral("MIT"),
         AboutDialog::tr("The instrument samples of the built-in kit")},
        {QStringLiteral("GoogleTest"), QString(), QStringLiteral("BSD-3-Clause"),
         AboutDialog::tr("Testing (not shipped)")},
        {QStringLiteral("cpp-httplib"), QString(), QStringLiteral("MIT"), AboutDialog::tr("Testing (not shipped)")},
        {QStringLiteral("Playwright (playwright-core)"), QString(), QStringLiteral("Apache-2.0"), AboutDialog::tr("Testing (not shipped)")},
    };
}

AboutDialog::AboutDialog(const core::Database& db, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Bandmate"));
    resize(720, 520);
    auto* layout = new QVBoxLayout(this);

    auto* title = new QLabel(tr("<h2>Bandmate %1</h2>").arg(QApplication::applicationVersion()), this);
    auto* blurb = new QLabel(
        tr("Career roadmaps, a salsa beat machine, a song library and setlists for working "
           "musicians. Works fully offline.<br><br>"
           "Bandmate is free software under the GNU General Public License, version 3 or any "
           "later version (GPL-3.0-or-later), because it uses JUCE's GPL modules. It comes with "
           "no warranty."),
        this);
    blurb->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(blurb);

    const QList<Component> parts = components(db);
    auto* table = new QTableWidget(static_cast<int>(parts.size()), 4, this);
    table->setObjectName(QStringLiteral("components"));
    table->setHorizontalHeaderLabels({tr("Component"), tr("Version"), tr("License"), tr("Used for")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    for (int row = 0; row < parts.size(); ++row) {
        const Component& part = parts.at(row);
        const QStringList cells{part.name, part.version.isEmpty() ? QStringLiteral("—") : part.version,
                                part.license, part.purpose};
        for (int column = 0; column < cells.size(); ++column) {
            table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

}  // namespace bandmate::ui
