// The shipped translations: complete and current with the code (lupdate runs here on the
// sources), placeholders and keyboard accelerators kept, the catalogues reach the widgets (a
// context that does not match what tr() asks for would leave English on screen), and the
// language follows the system or the choice in Preferences.
#include "core/beats/BuiltinMachines.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/setlists/RunSheet.h"
#include "core/setlists/Setlists.h"
#include "ui/library/SongEditor.h"
#include "ui/roadmap/ProfileDialog.h"
#include "core/roadmap/ProgressRepository.h"
#include "ui/roadmap/RoadmapEditor.h"
#include "ui/roadmap/RoadmapPage.h"
#include "ui/setlists/EntryDialog.h"
#include "ui/setlists/PractiseDialog.h"
#include "ui/beats/TakeDialog.h"
#include "ui/setlists/ShowDialog.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Pages.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/Settings.h"
#include "ui/shell/WelcomeWizard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace bandmate;

namespace {

const QString kTranslations = QStringLiteral(BANDMATE_SOURCE_DIR "/resources/translations");

/// One message of a .ts file.
struct Message {
    QString context;
    QString source;
    QStringList translations;  ///< one, or the plural forms
    QString type;              ///< "unfinished", "vanished", "obsolete" or empty
};

std::vector<Message> readTs(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&file);
    std::vector<Message> messages;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message message{context, {}, {}, {}};
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
                    message.type = xml.attributes().value(QLatin1String("type")).toString();
                    while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                        xml.readNext();
                        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                            message.translations.append(xml.readElementText());
                        } else if (xml.isCharacters() && message.translations.isEmpty() &&
                                   !xml.isWhitespace()) {
                            message.translations.append(xml.text().toString());
                        }
                    }
                }
            }
            messages.push_back(message);
        }
    }
    EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
    return messages;
}

QString catalogue(const QString& code)
{
    return QDir(kTranslations).filePath(QStringLiteral("bandmate_%1.ts").arg(code));
}

/// Runs lupdate over the sources into a copy of `ts`, as `bandmate_update_translations` does,
/// and returns the copy: what the catalogue would be with the code as it is now.
QString refreshed(const QString& ts, const test::TempDir& dir, bool pluralOnly)
{
    const QString copy = dir.file(QFileInfo(ts).fileName());
    QFile::remove(copy);
    EXPECT_TRUE(QFile::copy(ts, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments{QStringLiteral("-I"), QStringLiteral(BANDMATE_SOURCE_DIR),
                          QStringLiteral("-locations"), QStringLiteral("relative"), QStringLiteral("-no-obsolete")};
    if (pluralOnly) {
        arguments.append(QStringLiteral("-pluralonly"));
    }
    arguments += QStringLiteral(BANDMATE_TS_SOURCES).split(QLatin1Char(' '));
    arguments += {QStringLiteral("-ts"), copy};
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(BANDMATE_SOURCE_DIR));
    lupdate.start(QStringLiteral(BANDMATE_LUPDATE), arguments);
    EXPECT_TRUE(lupdate.waitForFinished(60000));
    EXPECT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    return copy;
}

/// "%1", "%n": the placeholders of a text, sorted.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasAccelerator(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("&[^&\\s]"));
    return re.match(QString(text).remove(QStringLiteral("&&"))).hasMatch();
}

/// Every English text on screen in `root` and its children: labels, buttons, group titles,
/// tabs, placeholders, tooltips, combo items, list items, header labels, actions and menus.
QStringList textsOf(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        texts << widget->windowTitle() << widget->toolTip() << widget->accessibleName();
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            texts << label->text();
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            texts << button->text();
        } else if (auto* group = qobject_cast<QGroupBox*>(widget)) {
            texts << group->title();
        } else if (auto* line = qobject_cast<QLineEdit*>(widget)) {
            texts << line->placeholderText();
        } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            for (int i = 0; i < combo->count(); ++i) {
                texts << combo->itemText(i);
            }
        } else if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                texts << tabs->tabText(i);
            }
        } else if (auto* menu = qobject_cast<QMenu*>(widget)) {
            texts << menu->title();
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view != nullptr && view->model() != nullptr) {
            const QAbstractItemModel* model = view->model();
            for (int column = 0; column < model->columnCount(); ++column) {
                texts << model->headerData(column, Qt::Horizontal).toString();
            }
            for (int row = 0; row < std::min(model->rowCount(), 50); ++row) {
                texts << model->index(row, 0).data().toString();
            }
        }
    }
    for (QAction* action : root->findChildren<QAction*>()) {
        texts << action->text() << action->toolTip();
    }
    texts.removeAll(QString());
    return texts;
}

}  // namespace

TEST(Translations, EveryShippedLanguageHasACatalogueAndNoOtherIsShipped)
{
    QSet<QString> shipped;
    for (const QString& name : QDir(kTranslations).entryList({QStringLiteral("bandmate_*.ts")})) {
        shipped.insert(name.mid(9, name.size() - 12));
    }
    QSet<QString> languages;
    for (const ui::UiLanguage& language : ui::uiLanguages()) {
        languages.insert(language.code);
        ui::Translations translations;
        EXPECT_TRUE(translations.install(language.code)) << language.code.toStdString();
        EXPECT_EQ(ui::installedLanguage(), language.code);
    }
    EXPECT_EQ(shipped, languages);
    ui::Translations translations;
    EXPECT_FALSE(translations.install(QStringLiteral("de")));
    EXPECT_EQ(ui::installedLanguage(), QStringLiteral("en"));
}

TEST(Translations, ShippedCataloguesAreCompleteForTheCodeAsItIs)
{
    test::TempDir dir;
    for (const ui::UiLanguage& language : ui::uiLanguages()) {
        const bool english = language.code == QLatin1String("en");
        const std::vector<Message> messages = readTs(refreshed(catalogue(language.code), dir, english));
        if (!english) {
            EXPECT_GT(messages.size(), 800U) << language.code.toStdString();
        }
        QStringList unfinished;
        for (const Message& message : messages) {
            const bool empty = std::all_of(message.translations.begin(), message.translations.end(),
                                           [](const QString& text) { return text.trimmed().isEmpty(); });
            if (!message.type.isEmpty() || message.translations.isEmpty() || empty) {
                unfinished.append(message.context + QStringLiteral(": ") + message.source);
            }
        }
        EXPECT_TRUE(unfinished.isEmpty())
            << language.code.toStdString() << ": " << unfinished.size()
            << " texts to translate (cmake --build --preset dev --target bandmate_update_translations, then "
               "Qt Linguist):\n"
            << unfinished.join(QLatin1Char('\n')).toStdString();
    }
}

TEST(Translations, TranslationsKeepPlaceholdersAcceleratorsAndPluralForms)
{
    for (const ui::UiLanguage& language : ui::uiLanguages()) {
        for (const Message& message : readTs(catalogue(language.code))) {
            const std::string where = language.code.toStdString() + " " + message.context.toStdString() + ": " +
                                      message.source.toStdString();
            if (message.source.contains(QLatin1String("%n"))) {
                EXPECT_EQ(message.translations.size(), 2) << where;  // one / other in all three
            }
            for (const QString& translation : message.translations) {
                EXPECT_EQ(placeholders(translation), placeholders(message.source)) << where;
                EXPECT_EQ(hasAccelerator(translation), hasAccelerator(message.source)) << where;
            }
        }
    }
}

TEST(Translations, TheLanguageFollowsTheChoiceThenTheSystem)
{
    const QStringList norwegian{QStringLiteral("nb-NO"), QStringLiteral("en-US")};
    EXPECT_EQ(ui::resolveLanguage(QString(), norwegian), QStringLiteral("nb"));
    EXPECT_EQ(ui::resolveLanguage(QStringLiteral("es"), norwegian), QStringLiteral("es"));
    EXPECT_EQ(ui::resolveLanguage(QStringLiteral("en"), norwegian), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveLanguage(QStringLiteral("xx"), norwegian), QStringLiteral("nb"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {QStringLiteral("es-419")}), QStringLiteral("es"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {QStringLiteral("es_MX")}), QStringLiteral("es"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {QStringLiteral("no")}), QStringLiteral("nb"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {QStringLiteral("nn-NO")}), QStringLiteral("nb"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {QStringLiteral("de-DE"), QStringLiteral("es-ES")}),
              QStringLiteral("es"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {QStringLiteral("de-DE")}), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveLanguage(QString(), {}), QStringLiteral("en"));
}

TEST(Translations, EnglishPluralsReadNaturally)
{
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    const char* context = "bandmate::ui::SetlistsPage";
    EXPECT_EQ(QCoreApplication::translate(context, "Imported %n song(s).", nullptr, 1), QStringLiteral("Imported 1 song."));
    EXPECT_EQ(QCoreApplication::translate(context, "Imported %n song(s).", nullptr, 3), QStringLiteral("Imported 3 songs."));
}

class TranslatedWindowTest : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("user.sqlite"));
        ASSERT_NE(m_db, nullptr);
        m_store = std::make_unique<QSettings>(m_dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<ui::Settings>(*m_store);
        m_settings->setWelcomeDone(true);
        ASSERT_TRUE(m_translations.install(QString::fromLatin1(GetParam())));
        // The English texts that this language translates differently.
        for (const Message& message : readTs(catalogue(QString::fromLatin1(GetParam())))) {
            if (message.translations.isEmpty() || message.translations.first() == message.source) {
                continue;
            }
            if (!message.source.contains(QLatin1Char('%'))) {
                m_translated.insert(message.source, message.context);
                continue;
            }
            // A text with placeholders is matched by its pattern: "Imported %n song(s)." finds
            // "Imported 3 song(s)." as well as the English plural forms. Patterns with too
            // little text of their own ("%1", "%1 · %2") would match anything and are left out.
            QString literal = message.source;
            literal.remove(QRegularExpression(QStringLiteral("%L?\\d+|%n")));
            if (literal.count(QRegularExpression(QStringLiteral("[A-Za-z]"))) < 6) {
                continue;
            }
            QStringList pieces;
            for (const QString& piece : message.source.split(QRegularExpression(QStringLiteral("%L?\\d+|%n")))) {
                pieces << QRegularExpression::escape(piece).replace(QStringLiteral("\\(s\\)"), QStringLiteral("(?:\\(s\\)|s|)"));
            }
            const QString pattern = pieces.join(QStringLiteral(".+"));
            m_patterns.append({QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$"),
                                                  QRegularExpression::DotMatchesEverythingOption),
                               message.context + QStringLiteral(": ") + message.source});
        }
    }

    /// The texts of `root` that this language translates but that are shown in English.
    QStringList english(QWidget* root, const QSet<QString>& data = {}) const
    {
        QStringList found;
        for (const QString& text : textsOf(root)) {
            if (data.contains(text)) {
                continue;
            }
            if (m_translated.contains(text)) {
                found.append(m_translated.value(text) + QStringLiteral(": ") + text);
                continue;
            }
            for (const auto& [pattern, source] : m_patterns) {
                if (pattern.match(text).hasMatch()) {
                    found.append(source + QStringLiteral(" shown as: ") + text);
                    break;
                }
            }
        }
        found.removeDuplicates();
        return found;
    }

    static QString spanishOr(const QString& spanish, const QString& norwegian)
    {
        return qstrcmp(GetParam(), "es") == 0 ? spanish : norwegian;
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ui::Settings> m_settings;
    ui::Translations m_translations;
    QHash<QString, QString> m_translated;
    QList<std::pair<QRegularExpression, QString>> m_patterns;  ///< texts with placeholders, and what they are
};

TEST_P(TranslatedWindowTest, ATextWithPlaceholdersLeftInEnglishIsFoundByItsPattern)
{
    // The check itself: texts filled in from an English source with placeholders are found,
    // plural forms too; the same words in the language, or user data, are not.
    QWidget root;
    auto* english = new QLabel(QStringLiteral("Practice recorded: 3.5 minutes."), &root);
    auto* plural = new QLabel(QStringLiteral("The kit has no sound for 2 instruments of this machine, so they play silent: Clap, Trumpet."), &root);
    auto* translated = new QLabel(QCoreApplication::translate("bandmate::ui::BeatMachinePage", "Practice recorded: %1 minutes.").arg(3.5), &root);
    const QStringList found = this->english(&root);
    EXPECT_EQ(found.size(), 2) << found.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(found.join(QLatin1Char('\n')).contains(english->text()));
    EXPECT_TRUE(found.join(QLatin1Char('\n')).contains(plural->text()));
    EXPECT_FALSE(found.join(QLatin1Char('\n')).contains(translated->text()));
}

TEST_P(TranslatedWindowTest, NoPageShowsATranslatedTextInEnglish)
{
    ui::MainWindow window(*m_db, *m_settings);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    for (const ui::PageInfo& page : ui::allPages()) {
        window.showPage(page.id);
        QCoreApplication::processEvents();
    }
    // Names from the built-in machines are data (the user's to rename), not interface texts.
    QSet<QString> data;
    for (const QString& name : core::beats::builtinMachineNames()) {
        auto machine = core::beats::loadBuiltinMachine(name);
        ASSERT_TRUE(machine.has_value());
        data.insert(QString::fromStdString(machine->title));
        for (const core::beats::Instrument& instrument : machine->instruments) {
            data.insert(QString::fromStdString(instrument.title));
            for (const core::beats::Program& program : instrument.programs) {
                data.insert(QString::fromStdString(program.title));
            }
        }
    }
    QStringList found = english(&window, data);
    for (QMenu* menu : window.menuBar()->findChildren<QMenu*>()) {
        found += english(menu, data);
    }
    found.removeDuplicates();
    EXPECT_TRUE(found.isEmpty()) << GetParam() << ": still in English:\n"
                                 << found.join(QLatin1Char('\n')).toStdString();
    // The built-in roadmaps are offered in the language too.
    const QString roadmap = spanishOr(QStringLiteral("Percusionista de salsa / latino"),
                                      QStringLiteral("Salsa- / latinperkusjonist"));
    const QStringList shown = textsOf(&window);
    EXPECT_TRUE(std::any_of(shown.begin(), shown.end(), [&](const QString& text) { return text.contains(roadmap); }))
        << roadmap.toStdString();
    // And the translated ones are there: the page list and the menu bar.
    const QStringList menus = [&] {
        QStringList titles;
        for (QAction* action : window.menuBar()->actions()) {
            titles.append(action->text());
        }
        return titles;
    }();
    const bool spanish = qstrcmp(GetParam(), "es") == 0;
    EXPECT_TRUE(menus.contains(spanish ? QStringLiteral("&Archivo") : QStringLiteral("&Fil"))) << menus.join(u' ').toStdString();
    EXPECT_EQ(ui::pageInfo(ui::PageId::BeatMachine).title,
              spanish ? QStringLiteral("Máquina de ritmos") : QStringLiteral("Rytmemaskin"));
}

TEST_P(TranslatedWindowTest, NoDialogShowsATranslatedTextInEnglish)
{
    std::vector<std::unique_ptr<QWidget>> dialogs;
    dialogs.push_back(std::make_unique<ui::AboutDialog>(*m_db));
    dialogs.push_back(std::make_unique<ui::PreferencesDialog>(*m_settings, *m_db));
    dialogs.push_back(std::make_unique<ui::ProfileDialog>(*m_db));
    dialogs.push_back(std::make_unique<ui::ShowDialog>(core::setlists::Show{}));
    dialogs.push_back(std::make_unique<ui::EntryDialog>(core::setlists::SetlistEntry{}, QStringLiteral("Chan Chan")));
    dialogs.push_back(std::make_unique<ui::PractiseDialog>(QStringLiteral("Salsa night"), core::setlists::RunSheet{}));
    dialogs.push_back(std::make_unique<ui::RoadmapEditor>(core::roadmap::RoadmapTemplate{}));
    dialogs.push_back(std::make_unique<ui::SongEditor>());
    dialogs.push_back(std::make_unique<ui::WelcomeWizard>(*m_db, *m_settings));
    dialogs.push_back(std::make_unique<ui::TakeDialog>(*m_db, *core::beats::loadBuiltinMachine(QStringLiteral("salsa")), QStringLiteral("builtin:salsa")));
    QSet<QString> ownNames;  // each language in its own name, never translated
    for (const ui::UiLanguage& language : ui::uiLanguages()) {
        ownNames.insert(language.name);
    }
    for (const auto& dialog : dialogs) {
        const QStringList found = english(dialog.get(), ownNames);
        EXPECT_TRUE(found.isEmpty()) << GetParam() << " " << dialog->metaObject()->className()
                                     << ": still in English:\n" << found.join(QLatin1Char('\n')).toStdString();
    }
}

TEST_P(TranslatedWindowTest, ARoadmapStartsInTheLanguageAndKeepsIt)
{
    {
        ui::RoadmapPage page(*m_db);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        auto* start = page.findChild<QPushButton*>(QStringLiteral("start-latin-percussionist"));
        ASSERT_NE(start, nullptr);
        QTest::mouseClick(start, Qt::LeftButton);
        ASSERT_NE(page.current(), nullptr);
        EXPECT_EQ(page.current()->title, spanishOr(QStringLiteral("Percusionista de salsa / latino"),
                                                    QStringLiteral("Salsa- / latinperkusjonist")));
        EXPECT_EQ(page.current()->stages.first().tasks.first().title,
                  spanishOr(QStringLiteral("Entiende la clave"), QStringLiteral("Forstå claven")));
    }
    // Another language later: the started roadmap is the user's, in the words it started with.
    ASSERT_TRUE(m_translations.install(QStringLiteral("en")));
    ui::RoadmapPage page(*m_db);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ASSERT_NE(page.current(), nullptr);
    EXPECT_EQ(page.current()->stages.first().tasks.first().title,
              spanishOr(QStringLiteral("Entiende la clave"), QStringLiteral("Forstå claven")));
}

TEST_P(TranslatedWindowTest, QtsOwnButtonsSpeakTheLanguageToo)
{
    // Qt ships no Bokmål: Bandmate's catalogue carries the standard buttons.
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    const bool spanish = qstrcmp(GetParam(), "es") == 0;
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text(),
              spanish ? QStringLiteral("Cancelar") : QStringLiteral("Avbryt"));
    EXPECT_EQ(QKeySequence(Qt::CTRL | Qt::Key_Space).toString(QKeySequence::NativeText),
              spanish ? QStringLiteral("Ctrl+Espacio") : QStringLiteral("Ctrl+Mellomrom"));
}

TEST_P(TranslatedWindowTest, PreferencesChooseTheLanguageForTheNextStart)
{
    ui::PreferencesDialog dialog(*m_settings, *m_db);
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("language"));
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("languageNote"));
    ASSERT_NE(language, nullptr);
    ASSERT_NE(note, nullptr);
    // "Follow the system" first, then every language in its own name.
    EXPECT_EQ(language->count(), ui::uiLanguages().size() + 1);
    EXPECT_EQ(language->itemData(0).toString(), QString());
    EXPECT_GE(language->findText(QStringLiteral("Norsk bokmål")), 1);
    EXPECT_GE(language->findText(QStringLiteral("Español")), 1);

    language->setCurrentIndex(language->findData(QString::fromLatin1(GetParam())));
    EXPECT_TRUE(note->isHidden());  // the language it speaks now
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    EXPECT_FALSE(note->isHidden());
    EXPECT_TRUE(note->text().contains(QStringLiteral("English"))) << note->text().toStdString();
    dialog.accept();
    EXPECT_EQ(m_settings->language(), QStringLiteral("en"));

    ui::PreferencesDialog again(*m_settings, *m_db);
    EXPECT_EQ(again.findChild<QComboBox*>(QStringLiteral("language"))->currentData().toString(), QStringLiteral("en"));
}

// By hand: BANDMATE_SCREENSHOT_DIR=/tmp/shots build/dev/tests/bandmate_ui_tests
//   --gtest_filter='*DISABLED_TranslatedPictures*' --gtest_also_run_disabled_tests
TEST_P(TranslatedWindowTest, DISABLED_TranslatedPicturesForReview)
{
    const QString folder = qEnvironmentVariable("BANDMATE_SCREENSHOT_DIR");
    const QString language = QString::fromLatin1(GetParam());
    ui::PreferencesDialog preferences(*m_settings, *m_db);
    preferences.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&preferences));
    EXPECT_TRUE(preferences.grab().save(folder + QStringLiteral("/preferences-%1.png").arg(language)));
    ui::WelcomeWizard wizard(*m_db, *m_settings);
    wizard.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&wizard));
    EXPECT_TRUE(wizard.grab().save(folder + QStringLiteral("/welcome-%1.png").arg(language)));
    wizard.next();
    QCoreApplication::processEvents();
    EXPECT_TRUE(wizard.grab().save(folder + QStringLiteral("/welcome2-%1.png").arg(language)));
}

INSTANTIATE_TEST_SUITE_P(Languages, TranslatedWindowTest, ::testing::Values("es", "nb"),
                         [](const ::testing::TestParamInfo<const char*>& param) {
                             return std::string(param.param);
                         });
