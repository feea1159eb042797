// "Score a take…" on the Beat Machine page: a recorded clave take scored on a worker thread, hit
// by hit and step by step, kept for the roadmap. The picture goes to the shots folder.
#include "audio/coach/TakeScorer.h"
#include "audio/render/MidiExport.h"
#include "core/beats/BuiltinMachines.h"
#include "core/coach/TakeLog.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/JackServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/LiveTakeView.h"
#include "ui/beats/TakeDialog.h"
#include "ui/shell/AudioSettingsPanel.h"
#include "ui/shell/Language.h"
#include "ui/shell/Settings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QSettings>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace bandmate;

TEST(TakeDialogTest, TheLiveViewMarksEachHitBesideItsStepAndKeepsTheTally)
{
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    const core::beats::Machine machine = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    auto grid = core::coach::partGrid(core::beats::compileMachine(machine), "clave", 120.0);
    ASSERT_TRUE(grid.has_value());
    // A take of clave 2-3 heard to half way through its second pass: the first pass all played
    // (one stroke 40 ms late), the second's first two strokes played, the third missed; an extra.
    audio::LiveProgress heard;
    heard.grid = *grid;
    heard.barMs = 8 * grid->stepMs;
    const auto expected = core::coach::expectedHits(*grid, 4 * heard.barMs);
    const std::vector<double> offsets{-6, 12, 40, -3, 8, 2, -14};
    for (size_t i = 0; i < expected.size() && i < 8; ++i) {
        core::coach::HitResult hit{expected[i].step, expected[i].ms, std::nullopt};
        if (i < offsets.size()) {
            hit.offsetMs = offsets[i];
        }
        heard.marks.push_back(hit);
    }
    heard.heardMs = expected[7].ms + 150.0;
    heard.closed = 8;
    heard.extrasMs = {expected[6].ms + 120.0};
    heard.tally.toleranceMs = 30.0;
    heard.tally.matched = 7;
    heard.tally.missed = 1;
    heard.tally.extra = 1;
    heard.tally.accuracy = 6.0 / 8.0;
    heard.tally.meanOffsetMs = 5.6;
    heard.tally.spreadMs = 16.0;

    ui::LiveTakeView view;
    EXPECT_EQ(view.tallyText(), QStringLiteral("Listening… play from the one."));
    view.resize(640, view.sizeHint().height());
    view.setProgress(heard);
    EXPECT_EQ(view.tallyText(), QStringLiteral("75 % within ±30 ms — you drag by 6 ms (spread 16 ms) · 1 extra"));
    EXPECT_EQ(view.accessibleDescription(), view.tallyText());
    const QImage shot = view.grab().toImage();
    EXPECT_EQ(view.marksPainted(), 1 + 2 + 5) << "this pass's two strokes and its extra, the last pass's five faint";
    EXPECT_GE(view.lastMarkDelayMs(), 0.0);
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    shot.save(QStringLiteral(BANDMATE_SHOTS_DIR "/take-live-view.png"));
}

TEST(TakeDialogTest, AMidiTakeCountsOnlyThePartsNotesAndTheyAreRemembered)
{
    test::TempDir dir;
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    // A drum kit played whole, recorded as General MIDI: the clave (75) and the bongos (60, 61)
    // exactly on the grid, four bars.
    core::beats::Machine kit = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    for (auto& instrument : kit.instruments) {
        instrument.enabled = instrument.id == "clave" || instrument.id == "bongos";
    }
    const QString take = dir.file(QStringLiteral("kit take.mid"));
    audio::MidiExportSettings exported;
    exported.steps = 32;
    exported.bpm = kit.bpm;
    ASSERT_TRUE(audio::exportMidiFile(kit, core::beats::compileMachine(kit), exported, take.toStdString()).has_value());

    ui::BeatMachinePage page(*db, settings);
    page.setInteractive(false);
    ui::TakeDialog* dialog = page.openTakeDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setLive(false);
    dialog->setInput(take);
    dialog->setPart(QStringLiteral("clave"));
    QLineEdit* notes = nullptr;
    for (auto* edit : dialog->findChildren<QLineEdit*>()) {
        notes = edit->placeholderText().startsWith(QStringLiteral("every note")) ? edit : notes;
    }
    ASSERT_NE(notes, nullptr);
    EXPECT_TRUE(notes->isVisibleTo(dialog)) << "a MIDI take shows the notes row";
    QSignalSpy scored(dialog, &ui::TakeDialog::scored);

    dialog->score();  // every note: the bongos' notes are extras
    ASSERT_TRUE(scored.wait(30'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    EXPECT_EQ(dialog->result()->score.matched, 10);
    EXPECT_GT(dialog->result()->score.extra, 0);

    QPushButton* generalMidi = nullptr;
    for (auto* button : dialog->findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("General MIDI")) {
            generalMidi = button;
        }
    }
    ASSERT_NE(generalMidi, nullptr);
    generalMidi->click();
    EXPECT_EQ(dialog->midiNotes(), QStringLiteral("75"));
    dialog->score();
    ASSERT_TRUE(scored.wait(30'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    EXPECT_EQ(dialog->result()->score.matched, 10);
    EXPECT_EQ(dialog->result()->score.extra, 0) << "only the clave's pad counts";
    EXPECT_EQ(settings.midiNotes(QStringLiteral("clave")), QStringLiteral("75")) << "remembered for the part";

    // Notes that are not notes: one clear line, nothing scored.
    dialog->setMidiNotes(QStringLiteral("75, 200"));
    const auto before = scored.count();
    dialog->score();
    EXPECT_EQ(scored.count(), before + 1);
    EXPECT_FALSE(dialog->result().has_value());
    EXPECT_TRUE(dialog->statusText().startsWith(QStringLiteral("MIDI notes: “75, 200” is not a list"))) << dialog->statusText().toStdString();
    EXPECT_EQ(settings.midiNotes(QStringLiteral("clave")), QStringLiteral("75"));

    // A list written into the settings file by hand, without quotes, reads back as written.
    store.setValue(QStringLiteral("coach/midiNotes/guiro"), QStringList{QStringLiteral("73"), QStringLiteral("74")});
    EXPECT_EQ(settings.midiNotes(QStringLiteral("guiro")), QStringLiteral("73, 74"));

    // Another part, then back: each part's notes as they were left.
    dialog->setPart(QStringLiteral("bongos"));
    EXPECT_TRUE(dialog->midiNotes().isEmpty());
    dialog->setPart(QStringLiteral("clave"));
    EXPECT_EQ(dialog->midiNotes(), QStringLiteral("75"));

    // How the part is heard, remembered for it too: a soft take (strokes peaking at −52 dBFS)
    // is silence behind the default gate (−45 dB), and heard behind a lower one.
    const double stepMs = 60000.0 / (kit.bpm * 2.0);
    std::vector<double> strokes;
    for (const int step : {2, 4, 8, 11, 14}) {
        strokes.push_back(step * stepMs);
    }
    std::vector<float> soft = test::claveStrokes(strokes, 16 * stepMs / 1000.0 + 0.3, 48000);
    float peak = 0.0f;
    for (const float sample : soft) {
        peak = std::max(peak, std::abs(sample));
    }
    for (float& sample : soft) {
        sample *= std::pow(10.0f, -52.0f / 20.0f) / peak;
    }
    const QString softTake = dir.file(QStringLiteral("soft.wav"));
    ASSERT_TRUE(test::writeWav16(softTake.toStdString(), 48000, {soft}));
    dialog->setInput(softTake);
    EXPECT_FALSE(notes->isVisibleTo(dialog)) << "an audio take has no notes";
    dialog->setMidiNotes({});
    dialog->score();
    ASSERT_TRUE(scored.wait(30'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    EXPECT_EQ(dialog->result()->score.matched, 0) << "behind the default gate";
    dialog->setHearing(60, -70);
    dialog->score();
    ASSERT_TRUE(scored.wait(30'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    EXPECT_EQ(dialog->result()->score.matched, 5) << "a lower gate hears the soft strokes";
    EXPECT_EQ(settings.hearing(QStringLiteral("clave")).gateDb, -70);
    EXPECT_EQ(settings.hearing(QStringLiteral("clave")).sensitivity, 60);
    dialog->setPart(QStringLiteral("bongos"));
    EXPECT_EQ(settings.hearing(QStringLiteral("bongos")).gateDb, -45) << "each part its own";
    dialog->setPart(QStringLiteral("clave"));
    EXPECT_EQ(settings.hearing(QStringLiteral("clave")).gateDb, -70);
}

TEST(TakeDialogTest, ScoresARecordedTakeHitByHitAndKeepsIt)
{
    test::TempDir dir;
    ui::Translations translations;  // English as the app shows it ("5 hits a loop")
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::BeatMachinePage page(*db, settings);
    page.setInteractive(false);
    ui::TakeDialog* dialog = page.openTakeDialog();
    ASSERT_NE(dialog, nullptr);

    // Salsa's clave 2-3 at the machine's tempo, four bars: each stroke a little early or late,
    // the last one missed.
    core::beats::Machine machine = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    const double stepMs = 60000.0 / (machine.bpm * 2.0);
    const std::vector<int> strokes{2, 4, 8, 11, 14, 18, 20, 24, 27, 30};  // 2-3: bar one 2 and 3, bar two 1, 2&, 4
    const std::vector<double> offsets{-12, 8, -20, 35, 4, -6, 10, -3, 18};
    std::vector<double> played;
    for (size_t i = 0; i < offsets.size(); ++i) {
        played.push_back(strokes[i] * stepMs + offsets[i]);
    }
    QDir().mkpath(dir.file(QStringLiteral("Practice")));
    const QString take = dir.file(QStringLiteral("Practice/clave take.wav"));
    ASSERT_TRUE(test::writeWav16(take.toStdString(), 48000, {test::claveStrokes(played, 32 * stepMs / 1000.0 + 0.3, 48000)}));
    dialog->setInput(take);
    dialog->setPart(QStringLiteral("clave"));
    QSignalSpy scored(dialog, &ui::TakeDialog::scored);
    dialog->score();
    ASSERT_TRUE(scored.wait(60'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    const auto& score = dialog->result()->score;
    ASSERT_EQ(score.hits.size(), strokes.size());
    for (size_t i = 0; i < offsets.size(); ++i) {
        ASSERT_TRUE(score.hits[i].offsetMs.has_value()) << i;
        EXPECT_NEAR(*score.hits[i].offsetMs, offsets[i], 1.5) << "stroke " << i;
    }
    EXPECT_FALSE(score.hits.back().offsetMs.has_value());
    EXPECT_TRUE(dialog->summaryText().contains(QStringLiteral("80 % of 10 hits within ±30 ms"))) << dialog->summaryText().toStdString();
    EXPECT_TRUE(dialog->summaryText().contains(QStringLiteral("1 missed"))) << dialog->summaryText().toStdString();
    auto* hits = dialog->findChild<QTreeWidget*>();
    ASSERT_NE(hits, nullptr);
    EXPECT_EQ(hits->topLevelItemCount(), 10);
    EXPECT_EQ(hits->topLevelItem(3)->text(2), QStringLiteral("35 ms late"));
    EXPECT_EQ(hits->topLevelItem(3)->text(0), QStringLiteral("2.2&")) << "step 11: bar 2, the off-beat after beat 2";
    EXPECT_EQ(hits->topLevelItem(9)->text(2), QStringLiteral("missed"));
    auto* part = dialog->findChild<QComboBox*>();
    ASSERT_NE(part, nullptr);
    EXPECT_EQ(part->currentText(), QStringLiteral("Clave (5 hits a loop)"));
    dialog->resize(760, 680);
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/take-dialog.png"));

    const QString kept = dialog->keep();
    ASSERT_FALSE(kept.isEmpty()) << dialog->statusText().toStdString();
    EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("also count"))) << "80 % is not clean";
    auto takes = core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0));
    ASSERT_TRUE(takes.has_value());
    ASSERT_EQ(takes->size(), 1);
    EXPECT_EQ(takes->first().id, kept);
    EXPECT_EQ(takes->first().part, QStringLiteral("clave"));
    EXPECT_EQ(takes->first().machineRef, QStringLiteral("builtin:salsa"));
    EXPECT_EQ(takes->first().source, QStringLiteral("clave take.wav"));

    // Another part chosen after the score: what was shown is not that part's, and cannot be kept.
    dialog->setPart(QStringLiteral("congas"));
    EXPECT_FALSE(dialog->result().has_value());
    EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("score the take again"))) << dialog->statusText().toStdString();
    EXPECT_TRUE(dialog->keep().isEmpty());
    dialog->setPart(QStringLiteral("clave"));

    // A file that is not a recording: one clear line, nothing kept.
    const QString notes = dir.file(QStringLiteral("notes.wav"));
    test::writeAll(notes, "not a recording");
    dialog->setInput(notes);
    dialog->score();
    ASSERT_TRUE(scored.wait(60'000));
    EXPECT_FALSE(dialog->result().has_value());
    EXPECT_TRUE(dialog->statusText().startsWith(QStringLiteral("Could not score notes.wav: "))) << dialog->statusText().toStdString();
    EXPECT_TRUE(dialog->keep().isEmpty());
    EXPECT_EQ(core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0))->size(), 1);
}

// The live path in the app, through JACK's dummy backend and a delay line from Bandmate's output
// back to its input: Preferences › Audio calibrates and keeps the round trip; the take dialog
// opens in live mode with that latency, plays the machine without the clave after a count-in,
// records, and scores the take (the machine's own sound came back through the loop, was found and
// taken off, so every clave stroke is missed); Stop ends a take without scoring it.
TEST(TakeDialogTest, CalibratesThenPlaysAlongLiveThroughTheDevices)
{
    test::Loop loop("uitake", 1000, 0.5, 256);
    ASSERT_TRUE(loop.ready()) << loop.jack.log().toStdString();
    qputenv("JACK_DEFAULT_SERVER", loop.server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    test::TempDir dir;
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    auto db = test::openTestDatabase(dir, QStringLiteral("live.sqlite"));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::Settings::AudioOutput audio;
    audio.driver = QStringLiteral("JACK");
    audio.device = QStringLiteral("bandmate-room");
    audio.inputDevice = QStringLiteral("bandmate-room");
    settings.setAudioOutput(audio);

    {
        ui::AudioSettingsPanel panel(settings);
        EXPECT_TRUE(panel.calibrationText().contains(QStringLiteral("Not calibrated"))) << panel.calibrationText().toStdString();
        QSignalSpy calibrated(&panel, &ui::AudioSettingsPanel::calibrated);
        // The server may still be settling: a failed attempt says why and can be repeated.
        for (int attempt = 0; attempt < 20 && !settings.roundTrip(ui::Settings::audioSetupKey(audio)); ++attempt) {
            panel.calibrate();
            ASSERT_TRUE(calibrated.wait(30'000));
            if (!settings.roundTrip(ui::Settings::audioSetupKey(audio))) {
                QThread::msleep(250);
            }
        }
        EXPECT_TRUE(panel.calibrationText().startsWith(QStringLiteral("Calibrated"))) << panel.calibrationText().toStdString();
        panel.resize(560, 420);
        QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
        panel.grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/audio-calibrated.png"));
    }
    const auto roundTrip = settings.roundTrip(ui::Settings::audioSetupKey(audio));
    ASSERT_TRUE(roundTrip.has_value());
    EXPECT_NEAR(roundTrip->ms, 1256.0 / 48.0, 256.0 / 48.0) << "the line's 1000 frames and JACK's one period";

    ui::BeatMachinePage page(*db, settings);
    page.setInteractive(false);
    ui::TakeDialog* dialog = page.openTakeDialog();
    ASSERT_NE(dialog, nullptr);
    auto* live = dialog->findChild<QRadioButton*>();
    ASSERT_NE(live, nullptr);
    EXPECT_TRUE(live->isChecked()) << "an input is chosen: live first";
    dialog->setPart(QStringLiteral("clave"));
    dialog->setBars(2);
    QSignalSpy scored(dialog, &ui::TakeDialog::scored);
    dialog->score();
    ASSERT_TRUE(scored.wait(60'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    const auto& result = *dialog->result();
    EXPECT_NEAR(result.latencyMs, roundTrip->ms, 0.05) << "as the latency box shows it, to a tenth of a millisecond";
    EXPECT_EQ(result.score.matched + result.score.missed, 5) << "two bars: one clave cycle";
    EXPECT_LE(result.score.matched + result.score.extra, result.dropouts) << "the machine's own sound is not the player's";
    EXPECT_TRUE(result.bleed.has_value());
    if (result.score.matched == 0) {
        EXPECT_FALSE(dialog->summaryText().contains(QStringLiteral("spread"))) << "no hits, no spread: " << dialog->summaryText().toStdString();
    }
    std::printf("live take in the dialog: %d matched, %d extra, %d dropouts\n", result.score.matched, result.score.extra, result.dropouts);
    EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("taken off"))) << dialog->statusText().toStdString();
    dialog->resize(760, 680);
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/take-dialog-live.png"));

    // A recording that cannot be written keeps nothing, and Keep take can be pressed again.
    test::writeAll(dir.file(QStringLiteral("a file")), "not a folder");
    dialog->setRecordingsFolder(dir.file(QStringLiteral("a file/Takes")));
    dialog->setKeepRecording(true);
    EXPECT_TRUE(dialog->keep().isEmpty());
    EXPECT_TRUE(dialog->statusText().startsWith(QStringLiteral("The recording could not be kept"))) << dialog->statusText().toStdString();
    EXPECT_TRUE(core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0))->isEmpty());

    // The take not saved (the database refusing it): its recording does not stay behind either.
    dialog->setRecordingsFolder(dir.file(QStringLiteral("Takes")));
    ASSERT_TRUE(core::sql::run(db->connection(), QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON coach_take "
                                                                "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"))
                    .has_value());
    EXPECT_TRUE(dialog->keep().isEmpty());
    EXPECT_TRUE(dialog->statusText().startsWith(QStringLiteral("Could not keep the take"))) << dialog->statusText().toStdString();
    EXPECT_TRUE(QDir(dir.file(QStringLiteral("Takes"))).entryList({QStringLiteral("*.flac")}).isEmpty()) << "no recording of a take not kept";
    ASSERT_TRUE(core::sql::run(db->connection(), QStringLiteral("DROP TRIGGER refuse")).has_value());

    // Kept with its recording: a FLAC file from the first step on, which scores again as it did live.
    ASSERT_FALSE(dialog->keep().isEmpty()) << dialog->statusText().toStdString();
    EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("The recording is in"))) << dialog->statusText().toStdString();
    const QStringList kept = QDir(dir.file(QStringLiteral("Takes"))).entryList({QStringLiteral("*.flac")});
    ASSERT_EQ(kept.size(), 1);
    const QString flac = dir.file(QStringLiteral("Takes/") + kept.first());
    EXPECT_TRUE(test::readAll(flac).startsWith("fLaC"));
    auto takes = core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0));
    ASSERT_TRUE(takes.has_value());
    ASSERT_EQ(takes->size(), 1);
    EXPECT_EQ(takes->first().source, kept.first());
    audio::TakeRequest again;
    again.machine = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    again.part = "clave";
    again.input = QFile::encodeName(flac).toStdString();
    again.latencyMs = result.latencyMs;
    auto rescored = audio::scoreTakeNonRealTime(again);
    ASSERT_TRUE(rescored.has_value()) << rescored.error().toString();
    EXPECT_EQ(rescored->score.hits.size(), result.score.hits.size());
    EXPECT_LE(rescored->score.matched, result.dropouts) << "the machine's sound is found and taken off from the file too";

    dialog->score();  // another take, stopped during the count-in
    QTest::qWait(500);
    ASSERT_TRUE(dialog->statusText().startsWith(QStringLiteral("Count-in"))) << dialog->statusText().toStdString();
    const auto before = scored.count();
    dialog->stopRecording();
    EXPECT_EQ(scored.count(), before + 1) << "at once: there is nothing to score";
    EXPECT_FALSE(dialog->result().has_value());
    EXPECT_EQ(dialog->statusText(), QStringLiteral("Stopped before a whole bar was played: nothing was scored."))
        << dialog->statusText().toStdString();

    // Stopped after the count-in and one whole bar (180 BPM: 1.33 s each) and its tail: that bar
    // is the take (clave 2-3: two strokes in its first bar).
    dialog->setBars(8);
    dialog->score();
    QTest::qWait(3300);
    ASSERT_TRUE(dialog->statusText().startsWith(QStringLiteral("Bar"))) << dialog->statusText().toStdString();
    EXPECT_FALSE(dialog->liveView()->isHidden()) << "the hits are shown as they are heard";
    EXPECT_TRUE(dialog->liveView()->tallyText().contains(QStringLiteral("within ±30 ms")))
        << "a bar in, its strokes' windows closed: " << dialog->liveView()->tallyText().toStdString();
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/take-dialog-playing.png"));
    dialog->stopRecording();
    ASSERT_TRUE(scored.wait(60'000));
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    EXPECT_EQ(dialog->result()->score.hits.size(), 2u);
    // Another sensitivity and noise gate: the take (which cannot be played again) is heard again
    // from its recording, not thrown away with a "score it again" that would start a new take.
    dialog->setHearing(80, -60);
    ASSERT_TRUE(scored.wait(60'000)) << dialog->statusText().toStdString();
    ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
    EXPECT_EQ(dialog->result()->score.hits.size(), 2u) << "the same bar";
    EXPECT_EQ(settings.hearing(QStringLiteral("clave")).sensitivity, 80) << "heard with the new setting, and remembered";
    EXPECT_EQ(settings.hearing(QStringLiteral("clave")).gateDb, -60);
    dialog->setHearing(50, -45);  // back as it was for the trainer's takes below (heard again too)
    ASSERT_TRUE(scored.wait(60'000)) << dialog->statusText().toStdString();
    EXPECT_FALSE(dialog->statusText().contains(QStringLiteral("score the take again"))) << dialog->statusText().toStdString();

    // The tempo trainer: nobody plays, so no take holds the mark: the tempo stays, the next take
    // starts by itself, and after three in a row the trainer rests; nothing is kept.
    dialog->setBars(1);
    dialog->setKeepRecording(false);
    dialog->setTrainer(true, 5.0, 200.0, 0.9);
    dialog->setTrainerPauseMs(800);  // (JACK settles between one take's client and the next)
    auto* tempo = dialog->findChildren<QDoubleSpinBox*>().value(0);
    ASSERT_NE(tempo, nullptr);
    const double bpm = tempo->value();
    const qsizetype keptBefore = core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0))->size();
    dialog->score();
    for (int take = 1; take <= 3; ++take) {
        const auto count = scored.count();
        for (int waited = 0; scored.count() == count && waited < 600; ++waited) {
            QTest::qWait(100);
        }
        ASSERT_GT(scored.count(), count) << "take " << take;
        ASSERT_TRUE(dialog->result().has_value()) << dialog->statusText().toStdString();
        if (take < 3) {
            EXPECT_TRUE(dialog->trainerWaiting()) << take << ": " << dialog->statusText().toStdString();
            EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("under the 90 % mark. Once more at %1 BPM").arg(bpm)))
                << dialog->statusText().toStdString();
        }
    }
    EXPECT_FALSE(dialog->trainerWaiting());
    EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("3 takes in a row under the mark"))) << dialog->statusText().toStdString();
    EXPECT_EQ(tempo->value(), bpm);
    EXPECT_EQ(core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0))->size(), keptBefore) << "no take held the mark";

    // Closing with a live take scored and not kept asks first: it cannot be played again.
    dialog->setTrainer(false);
    dialog->show();
    dialog->reject();
    auto* question = dialog->findChild<QMessageBox*>(QStringLiteral("keepTakeQuestion"));
    ASSERT_NE(question, nullptr) << "Esc or Close would have dropped the take";
    EXPECT_TRUE(dialog->isVisible());
    question->button(QMessageBox::Cancel)->click();
    QCoreApplication::processEvents();
    EXPECT_TRUE(dialog->isVisible()) << "Cancel: the dialog stays, the take too";
    ASSERT_TRUE(dialog->result().has_value());
    dialog->reject();
    question = dialog->findChild<QMessageBox*>(QStringLiteral("keepTakeQuestion"));
    ASSERT_NE(question, nullptr);
    question->button(QMessageBox::Save)->click();
    QCoreApplication::processEvents();
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(core::coach::TakeLog(*db).since(QDateTime::fromMSecsSinceEpoch(0))->size(), keptBefore + 1) << "kept, then closed";
}
