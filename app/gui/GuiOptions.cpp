#include "app/gui/GuiOptions.h"

#include "ui/shell/Language.h"

#include <QRegularExpression>

namespace bandmate::app {

namespace {

QStringList languageCodes()
{
    QStringList codes;
    for (const ui::UiLanguage& language : ui::uiLanguages()) {
        codes.append(language.code);
    }
    return codes;
}

}  // namespace

QString guiUsage()
{
    QStringList keys;
    for (const ui::PageInfo& page : ui::allPages()) {
        keys.append(page.key);
    }
    return QStringLiteral(
               "Usage: bandmate [--db PATH] [--settings FILE.ini] [--theme system|light|dark]\n"
               "                [--language %2]\n"
               "       bandmate --screenshot PAGE FILE.png [--size WxH] [--db PATH] [--theme ...]\n"
               "       bandmate bandmate://import?url=LINK   (a copy of a shared groove)\n\n"
               "  --db PATH            use this database file instead of the per-user one\n"
               "  --settings FILE.ini  keep preferences in this file instead of the system store\n"
               "  --theme SCHEME       colour scheme for this run\n"
               "  --language CODE      interface language for this run (default: the one chosen\n"
               "                       in Preferences, else the system's)\n"
               "  --screenshot PAGE FILE.png\n"
               "                       render PAGE (%1) at 1280x800 and exit;\n"
               "                       without --db it uses a fresh temporary database\n"
               "  --size WxH           screenshot size, e.g. 1920x1080\n")
        .arg(keys.join(QStringLiteral(", ")), languageCodes().join(QLatin1Char('|')));
}

std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString* error)
{
    GuiOptions options;
    const auto value = [&](qsizetype& i, const QString& name) -> std::optional<QString> {
        if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty()) {
            *error = QStringLiteral("%1 needs a value").arg(name);
            return std::nullopt;
        }
        return arguments.at(++i);
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--db")) {
            auto v = value(i, arg);
            if (!v) {
                return std::nullopt;
            }
            options.dbPath = *v;
        } else if (arg == QLatin1String("--settings")) {
            auto v = value(i, arg);
            if (!v) {
                return std::nullopt;
            }
            options.settingsPath = *v;
        } else if (arg == QLatin1String("--theme")) {
            auto v = value(i, arg);
            if (!v) {
                return std::nullopt;
            }
            if (*v == QLatin1String("system")) {
                options.colorScheme = ui::Settings::ColorScheme::System;
            } else if (*v == QLatin1String("light")) {
                options.colorScheme = ui::Settings::ColorScheme::Light;
            } else if (*v == QLatin1String("dark")) {
                options.colorScheme = ui::Settings::ColorScheme::Dark;
            } else {
                *error = QStringLiteral("--theme: '%1' is not system, light or dark").arg(*v);
                return std::nullopt;
            }
        } else if (arg == QLatin1String("--language")) {
            auto v = value(i, arg);
            if (!v) {
                return std::nullopt;
            }
            if (!ui::findUiLanguage(*v)) {
                *error = QStringLiteral("--language: '%1' is not one of %2")
                             .arg(*v, languageCodes().join(QStringLiteral(", ")));
                return std::nullopt;
            }
            options.language = *v;
        } else if (arg == QLatin1String("--screenshot")) {
            if (i + 2 >= arguments.size()) {
                *error = QStringLiteral("--screenshot needs a page and a file: --screenshot PAGE FILE.png");
                return std::nullopt;
            }
            const QString key = arguments.at(++i);
            options.screenshotPage = ui::pageFromKey(key);
            if (!options.screenshotPage) {
                *error = QStringLiteral("--screenshot: unknown page '%1'").arg(key);
                return std::nullopt;
            }
            options.screenshotFile = arguments.at(++i);
        } else if (arg == QLatin1String("--size")) {
            auto v = value(i, arg);
            if (!v) {
                return std::nullopt;
            }
            static const QRegularExpression re(QStringLiteral(R"(^(\d{3,4})x(\d{3,4})$)"));
            const auto match = re.match(*v);
            if (!match.hasMatch()) {
                *error = QStringLiteral("--size: '%1' is not WIDTHxHEIGHT, e.g. 1920x1080").arg(*v);
                return std::nullopt;
            }
            options.screenshotSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
        } else if ((arg.startsWith(QLatin1String("bandmate://")) || arg.contains(QLatin1String("/g/"))) && options.openLink.isEmpty()) {
            options.openLink = arg;  // checked when it is opened, with a message in the window
        } else {
            *error = QStringLiteral("unknown argument '%1' (see bandmate --help)").arg(arg);
            return std::nullopt;
        }
    }
    return options;
}

}  // namespace bandmate::app
