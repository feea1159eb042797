// Every #include in the modules' sources follows the allowed edges of DESIGN.md section 1.
// (The compile probes beside this test check that the build itself enforces them.)
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

struct Rule {
    const char* module;
    const char* forbidden;  // regular expression over the include target, quotes included
};

const Rule kRules[] = {
    {"core", R"(^["<](ui|audio|sync|app)/|^<juce_|^<Qt(Gui|Widgets|Network|Multimedia|Charts)|^<Q(Widget|Application|Pixmap|Image|Color|Font|Painter)>)"},
    {"audio", R"(^["<](ui|sync|app)/|^<Q)"},
    {"sync", R"(^["<](ui|audio|app)/|^<juce_|^<Qt(Widgets|Multimedia|Charts))"},
    {"ui", R"(^["<]app/|^<juce_)"},
    {"app", R"(^<juce_)"},
};

QStringList violations(const QString& module, const QRegularExpression& forbidden)
{
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*(\S+))"));
    QStringList found;
    QDirIterator it(QStringLiteral(BANDMATE_SOURCE_DIR "/") + module, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            found.append(path + QStringLiteral(": unreadable"));
            continue;
        }
        int lineNumber = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNumber;
            const auto match = include.match(line);
            if (!match.hasMatch()) {
                continue;
            }
            const QString target = match.captured(1);
            const QString where = QStringLiteral("%1:%2: ").arg(path).arg(lineNumber);
            if (target.startsWith(QStringLiteral("\"../"))) {
                found.append(where + QStringLiteral("relative include ") + target);
            } else if (forbidden.match(target).hasMatch()) {
                found.append(where + module + QStringLiteral("/ may not include ") + target);
            }
        }
    }
    return found;
}

}  // namespace

TEST(Layering, IncludesFollowTheAllowedEdges)
{
    int scanned = 0;
    for (const Rule& rule : kRules) {
        const QRegularExpression forbidden(QString::fromLatin1(rule.forbidden));
        ASSERT_TRUE(forbidden.isValid());
        const QStringList found = violations(QString::fromLatin1(rule.module), forbidden);
        EXPECT_TRUE(found.isEmpty()) << found.join(QLatin1Char('\n')).toStdString();
        ++scanned;
    }
    EXPECT_EQ(scanned, 5);
}

TEST(Layering, TheScanRecognisesAForbiddenInclude)
{
    // Guards the scanner itself: the rule for core must match what core may not include.
    const QRegularExpression core(QString::fromLatin1(kRules[0].forbidden));
    EXPECT_TRUE(core.match(QStringLiteral("\"ui/shell/MainWindow.h\"")).hasMatch());
    EXPECT_TRUE(core.match(QStringLiteral("<juce_core/juce_core.h>")).hasMatch());
    EXPECT_TRUE(core.match(QStringLiteral("<QWidget>")).hasMatch());
    EXPECT_FALSE(core.match(QStringLiteral("\"core/storage/Database.h\"")).hasMatch());
    EXPECT_FALSE(core.match(QStringLiteral("<QSqlDatabase>")).hasMatch());
}
