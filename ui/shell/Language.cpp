#include "ui/shell/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace bandmate::ui {

namespace {

/// What the live Translations installed (GUI thread only).
QString g_installed = QStringLiteral("en");

/// Dates and numbers: the system's own locale when it speaks `code` (keeps "es_MX" or "en_GB"),
/// else the language's main one.
QLocale localeFor(const QString& code)
{
    const QLocale system = QLocale::system();
    return system.language() == QLocale(code).language() ? system : QLocale(code);
}

}  // namespace

QList<UiLanguage> uiLanguages()
{
    // Each name is written in its own language, so it is never translated.
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("es"), QStringLiteral("Español")},
        {QStringLiteral("nb"), QStringLiteral("Norsk bokmål")},
    };
}

std::optional<UiLanguage> findUiLanguage(const QString& code)
{
    for (const UiLanguage& language : uiLanguages()) {
        if (language.code == code) {
            return language;
        }
    }
    return std::nullopt;
}

QString installedLanguage()
{
    return g_installed;
}

QString resolveLanguage(const QString& choice, const QStringList& systemLanguages)
{
    if (findUiLanguage(choice)) {
        return choice;
    }
    for (const QString& tag : systemLanguages) {
        // "es-419", "nb_NO", "en-US": the language part decides.
        QString code = tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (code == QLatin1String("no") || code == QLatin1String("nn")) {
            code = QStringLiteral("nb");
        }
        if (findUiLanguage(code)) {
            return code;
        }
    }
    return QStringLiteral("en");
}

Translations::Translations() = default;

Translations::~Translations()
{
    remove();
}

void Translations::remove()
{
    for (auto* translator : {m_bandmate.get(), m_qt.get()}) {
        if (translator != nullptr) {
            QCoreApplication::removeTranslator(translator);
        }
    }
    m_bandmate.reset();
    m_qt.reset();
    g_installed = QStringLiteral("en");
    QLocale::setDefault(QLocale::system());
}

bool Translations::install(const QString& code)
{
    remove();
    // English is the source language; its catalogue only holds the plural forms ("1 song").
    auto bandmate = std::make_unique<QTranslator>();
    if (!bandmate->load(QStringLiteral(":/i18n/bandmate_%1.qm").arg(code))) {
        return false;
    }
    // Qt's catalogue first: translators installed later are asked first, so Bandmate's own
    // wording of a Qt text wins.
    auto qt = std::make_unique<QTranslator>();
    if (code != QLatin1String("en") &&
        qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    QCoreApplication::installTranslator(bandmate.get());
    m_bandmate = std::move(bandmate);
    g_installed = code;
    QLocale::setDefault(localeFor(code));
    return true;
}

}  // namespace bandmate::ui
