// bandmate: the desktop application. Composition root: builds the services and hands them down.
#include "app/gui/GuiOptions.h"
#include "core/storage/Database.h"
#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Settings.h"
#include "ui/shell/Theme.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace {

int screenshot(bandmate::ui::MainWindow& window, const bandmate::app::GuiOptions& options)
{
    window.resize(options.screenshotSize);
    window.showPage(*options.screenshotPage);
    window.show();
    QApplication::processEvents();
    const QPixmap image = window.grab();
    if (!image.save(options.screenshotFile, "PNG")) {
        std::fprintf(stderr, "bandmate: cannot write the screenshot to %s\n",
                     qPrintable(options.screenshotFile));
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[])
{
    // Screenshots need no display.
    const bool headless = [&] {
        for (int i = 1; i < argc; ++i) {
            if (qstrcmp(argv[i], "--screenshot") == 0) {
                return true;
            }
        }
        return false;
    }();
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // --help and --version need no display either.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0) {
            std::fputs(qPrintable(bandmate::app::guiUsage()), stdout);
            return 0;
        }
        if (qstrcmp(argv[i], "--version") == 0) {
            std::printf("bandmate %s\n", BANDMATE_VERSION);
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Bandmate"));
    QApplication::setApplicationName(QStringLiteral("Bandmate"));
    QApplication::setApplicationDisplayName(QStringLiteral("Bandmate"));
    QApplication::setApplicationVersion(QStringLiteral(BANDMATE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.bandmate.Bandmate"));

    QStringList arguments = QApplication::arguments().mid(1);
    QString error;
    const auto options = bandmate::app::parseGuiOptions(arguments, &error);
    if (!options) {
        std::fprintf(stderr, "bandmate: %s\n", qPrintable(error));
        return 2;
    }

    // Screenshots are reproducible: default preferences and, unless --db is given, a fresh
    // database, so nothing of the user's is read or written.
    QTemporaryDir scratch;
    QString dbPath = options->dbPath;
    QString settingsPath = options->settingsPath;
    if (options->screenshotPage) {
        if (dbPath.isEmpty()) {
            dbPath = QDir(scratch.path()).filePath(QStringLiteral("screenshot.sqlite"));
        }
        if (settingsPath.isEmpty()) {
            settingsPath = QDir(scratch.path()).filePath(QStringLiteral("settings.ini"));
        }
    }
    if (dbPath.isEmpty()) {
        dbPath = bandmate::core::Database::defaultPath();
    }
    std::unique_ptr<QSettings> store =
        settingsPath.isEmpty() ? std::make_unique<QSettings>()
                               : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    bandmate::ui::Settings settings(*store);
    bandmate::ui::Translations translations;
    translations.install(bandmate::ui::resolveLanguage(
        options->language.isEmpty() ? settings.language() : options->language, QLocale::system().uiLanguages()));
    bandmate::ui::applyColorScheme(app, options->colorScheme.value_or(settings.colorScheme()));

    auto db = bandmate::core::Database::open(dbPath);
    if (!db) {
        const QString message = QString::fromStdString(db.error().toString());
        std::fprintf(stderr, "bandmate: %s\n", qPrintable(message));
        if (!options->screenshotPage) {
            QMessageBox::critical(nullptr, QObject::tr("Bandmate cannot open its database"),
                                  QObject::tr("%1\n\nNothing was changed. Start Bandmate with "
                                              "--db PATH to use another file.")
                                      .arg(message));
        }
        return 1;
    }

    bandmate::ui::MainWindow window(**db, settings);
    if (options->screenshotPage) {
        return screenshot(window, *options);
    }
    // A run still marked as running ended in a crash: the data is safe (WAL, a transaction per
    // change), and the window offers the page that was open.
    const bool crashed = settings.running();
    settings.setRunning(true);
    settings.sync();
    window.show();
    if (!options->openLink.isEmpty()) {
        window.openSharedLink(options->openLink);  // "Open in Bandmate" on a shared groove's page
    }
    // The weekly check of every page waits until start-up's own reading is over.
    QTimer::singleShot(std::chrono::seconds(20), &window, [&window] { window.checkDatabaseWhenDue(); });
    if (!settings.welcomeDone()) {
        window.openWelcome();
    } else if (crashed) {
        window.offerAfterCrash();
    }
    const int status = app.exec();
    settings.setRunning(false);
    settings.sync();
    return status;
}
