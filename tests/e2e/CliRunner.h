#pragma once

// Running bandmate-cli as a user or script would: real processes, real files, real kits.

#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestFiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

namespace bandmate::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    [[nodiscard]] QJsonObject json() const
    {
        return QJsonDocument::fromJson(out.toUtf8()).object();
    }
};

/// Runs bandmate-cli to its end; `input` goes to its standard input (a password, say).
inline CliRun runCli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                  int timeoutMs = 120'000, const QByteArray& input = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BANDMATE_CLI), args);
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    EXPECT_TRUE(process.waitForFinished(timeoutMs));
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

inline QString exampleMachinePath()
{
    return QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml");
}

/// A kit folder of one-frame WAV clicks, one file per sample name the machine can ask for.
inline QString writeImpulseKit(const TempDir& dir, float amplitude = 0.5f)
{
    auto machine = core::beats::readMachineFile(exampleMachinePath());
    EXPECT_TRUE(machine.has_value());
    const QString folder = dir.file(QStringLiteral("kit"));
    QDir().mkpath(folder);
    QJsonObject samples;
    for (const auto& name : core::beats::allSampleNames(machine.value_or(core::beats::Machine{}))) {
        const QString file = QString::fromStdString(name) + QStringLiteral(".wav");
        EXPECT_TRUE(writeWav16((folder + QLatin1Char('/') + file).toStdString(), 48000, {{amplitude}}));
        samples.insert(QString::fromStdString(name), file);
    }
    writeAll(folder + QStringLiteral("/kit.json"),
             QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("impulses")},
                                       {QStringLiteral("samples"), samples}})
                 .toJson());
    return folder;
}

}  // namespace bandmate::test
