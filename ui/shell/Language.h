#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QTranslator;

namespace bandmate::ui {

/// A language the interface is translated to.
struct UiLanguage {
    QString code;  ///< "en", "es", "nb"
    QString name;  ///< in its own language: "Español", "Norsk bokmål"
};

/// The interface languages Bandmate ships, English first.
[[nodiscard]] QList<UiLanguage> uiLanguages();
/// The shipped language whose code is `code`, if any.
[[nodiscard]] std::optional<UiLanguage> findUiLanguage(const QString& code);

/// The language to use. `choice` is the Preferences setting: one of uiLanguages() wins, empty
/// (or unknown) follows `systemLanguages` (QLocale::uiLanguages(), most preferred first: the
/// first we ship, Norwegian "no" and Nynorsk "nn" reading Bokmål), else English.
[[nodiscard]] QString resolveLanguage(const QString& choice, const QStringList& systemLanguages);

/// The language the interface speaks now (what the live Translations installed; "en" without).
[[nodiscard]] QString installedLanguage();

/// The installed translations of the running application: Qt's own catalogue for the language
/// when the system has one (file dialogs, print dialogs), then Bandmate's, which also covers the
/// Qt texts Bandmate shows (standard buttons, the wizard, edit menus) for languages Qt lacks.
/// Installing also makes the language's QLocale the default, so dates and numbers follow it.
class Translations {
public:
    Translations();
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    /// Replaces what is installed by `code`. False (and nothing installed) when Bandmate has no
    /// catalogue for it.
    bool install(const QString& code);

private:
    void remove();

    std::unique_ptr<QTranslator> m_qt;
    std::unique_ptr<QTranslator> m_bandmate;
};

}  // namespace bandmate::ui
