// `bandmate --screenshot PAGE FILE.png` as documentation and review use it.
#include "tests/support/TestFiles.h"

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

using bandmate::test::TempDir;

namespace {

int runGui(const QStringList& args, QString* err = nullptr, const QStringList& environment = {})
{
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& variable : {QStringLiteral("LANGUAGE"), QStringLiteral("LC_ALL"),
                                        QStringLiteral("LC_MESSAGES"), QStringLiteral("LANG")}) {
            env.remove(variable);
        }
        for (const QString& entry : environment) {
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        }
        process.setProcessEnvironment(env);
    }
    process.start(QStringLiteral(BANDMATE_GUI), args);
    EXPECT_TRUE(process.waitForFinished(60'000));
    if (err != nullptr) {
        *err = QString::fromUtf8(process.readAllStandardError());
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

}  // namespace

namespace {

/// Where the sidebar's highlighted entry is (the middle row of its accent bar at the left edge),
/// or -1 when none is.
int highlightedRow(const QImage& image)
{
    const QRgb sidebar = image.pixel(12, image.height() - 150);
    int first = -1;
    int last = -1;
    for (int y = 90; y < image.height() / 2 + 150; ++y) {
        if (image.pixel(12, y) != sidebar) {
            first = first < 0 ? y : first;
            last = y;
        }
    }
    return first < 0 ? -1 : (first + last) / 2;
}

}  // namespace

TEST(GuiScreenshot, RendersEachPageAt1280x800)
{
    TempDir dir;
    QList<QImage> pages;
    for (const char* page : {"dashboard", "roadmap", "beats", "library", "setlists", "sync"}) {
        const QString file = dir.file(QStringLiteral("%1.png").arg(QString::fromLatin1(page)));
        QString err;
        ASSERT_EQ(runGui({QStringLiteral("--screenshot"), QString::fromLatin1(page), file}, &err), 0)
            << page << ": " << err.toStdString();
        const QImage image(file);
        ASSERT_FALSE(image.isNull()) << page;
        EXPECT_EQ(image.size(), QSize(1280, 800)) << page;
        // Not a blank frame: the sidebar and the page differ in colour.
        EXPECT_NE(image.pixel(20, 400), image.pixel(900, 400)) << page;
        pages.append(image);
    }
    // The right page each time: the sidebar's highlight moves down its entries in their order,
    // and no two pages look alike.
    for (qsizetype i = 0; i < pages.size(); ++i) {
        EXPECT_GE(highlightedRow(pages[i]), 0) << "page " << i << " highlights no entry";
        if (i > 0) {
            EXPECT_GT(highlightedRow(pages[i]), highlightedRow(pages[i - 1])) << "page " << i << " highlights the wrong entry";
        }
        for (qsizetype j = 0; j < i; ++j) {
            EXPECT_NE(pages[i].copy(240, 0, 1040, 800), pages[j].copy(240, 0, 1040, 800)) << "pages " << j << " and " << i << " look the same";
        }
    }
}

TEST(GuiScreenshot, SizeAndThemeOptions)
{
    TempDir dir;
    const QString light = dir.file(QStringLiteral("light.png"));
    const QString dark = dir.file(QStringLiteral("dark.png"));
    ASSERT_EQ(runGui({QStringLiteral("--screenshot"), QStringLiteral("library"), light, QStringLiteral("--theme"),
                      QStringLiteral("light"), QStringLiteral("--size"), QStringLiteral("1920x1080")}),
              0);
    ASSERT_EQ(runGui({QStringLiteral("--screenshot"), QStringLiteral("library"), dark, QStringLiteral("--theme"),
                      QStringLiteral("dark")}),
              0);
    EXPECT_EQ(QImage(light).size(), QSize(1920, 1080));
    EXPECT_LT(qGray(QImage(dark).pixel(1000, 700)), qGray(QImage(light).pixel(1000, 700)));
}

TEST(GuiScreenshot, BadArgumentsExitTwo)
{
    TempDir dir;
    QString err;
    EXPECT_EQ(runGui({QStringLiteral("--screenshot"), QStringLiteral("nowhere"), dir.file(QStringLiteral("x.png"))}, &err), 2);
    EXPECT_TRUE(err.contains(QStringLiteral("unknown page 'nowhere'"))) << err.toStdString();
    EXPECT_EQ(runGui({QStringLiteral("--theme"), QStringLiteral("purple")}, &err), 2);
    EXPECT_EQ(runGui({QStringLiteral("--language"), QStringLiteral("de")}, &err), 2);
    EXPECT_TRUE(err.contains(QStringLiteral("--language: 'de' is not one of en, es, nb"))) << err.toStdString();
}

TEST(GuiScreenshot, TheLanguageFollowsTheSystemUnlessOneIsGiven)
{
    TempDir dir;
    const auto shot = [&](const QString& name, const QStringList& environment, const QStringList& extra = {}) {
        const QString file = dir.file(name + QStringLiteral(".png"));
        QString err;
        EXPECT_EQ(runGui(QStringList{QStringLiteral("--screenshot"), QStringLiteral("setlists"), file} + extra, &err,
                         environment),
                  0)
            << err.toStdString();
        return QImage(file);
    };
    const QImage english = shot(QStringLiteral("c"), {QStringLiteral("LANG=C")});
    const QImage norwegian = shot(QStringLiteral("nb"), {QStringLiteral("LANG=nb_NO.UTF-8")});
    const QImage spanish = shot(QStringLiteral("es"), {QStringLiteral("LANGUAGE=es_ES:en"), QStringLiteral("LANG=C")});
    const QImage chosen = shot(QStringLiteral("en"), {QStringLiteral("LANG=nb_NO.UTF-8")},
                               {QStringLiteral("--language"), QStringLiteral("en")});
    ASSERT_FALSE(english.isNull());
    EXPECT_NE(norwegian, english);
    EXPECT_NE(spanish, english);
    EXPECT_NE(spanish, norwegian);
    EXPECT_EQ(chosen, english);  // --language beats the system
}

TEST(GuiScreenshot, ARefusedDatabaseIsReportedAndKept)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("notes.sqlite"));
    const QByteArray content(512, 'n');
    bandmate::test::writeAll(path, content);
    QString err;
    EXPECT_EQ(runGui({QStringLiteral("--screenshot"), QStringLiteral("dashboard"), dir.file(QStringLiteral("x.png")),
                      QStringLiteral("--db"), path},
                     &err),
              1);
    EXPECT_TRUE(err.contains(QStringLiteral("not an SQLite database"))) << err.toStdString();
    EXPECT_EQ(bandmate::test::readAll(path), content);
}
