#include "app/cli/Cli.h"

#include "app/cli/BeatCommands.h"
#include "app/cli/CoachCommands.h"
#include "app/cli/FeedCommands.h"
#include "app/cli/DbCommands.h"
#include "app/cli/RoadmapCommands.h"
#include "app/cli/SetlistCommands.h"
#include "app/cli/MachineCommands.h"
#include "app/cli/ShareCommands.h"
#include "app/cli/SyncCommands.h"
#include "app/cli/VoteCommands.h"
#include "core/util/SafeFiles.h"
#include "sync/protocol/Protocol.h"

#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace bandmate::app {

namespace {

const char* const kUsage = R"(Usage: bandmate-cli [--db PATH] [--json] COMMAND [ARGS]

Commands:
  db info        schema version, row counts per table and an integrity check
                 (reads only; never creates or upgrades the file)
  db migrate     create the database or upgrade it to this version's schema
  account register|login --server URL --email E --password-stdin
                 create an account or sign in; the session goes to the system keychain
  sync --server URL [--allow-mass-delete | --restore-deleted]
                 send this database's changes and receive the other devices'
                 (--json: {"pushed","pulled","conflicts","seconds","held_deletes","kept_aside","newer_data",
                 "fan_votes_published","fan_votes_refused","fan_votes_waiting"}); fan votes kept
                 on this computer go to the server too;
                 deletions that would remove more than half of your songs (shows, ...)
                 wait for an answer: --allow-mass-delete applies them, --restore-deleted
                 keeps the items on every computer (exit 1 while they wait)
  vote create SHOW_ID --songs SONG_ID,SONG_ID,... --question TEXT --server URL
              [--votes-per-fan N] [--results always|after-vote|after-close|never]
              [--suggestions] [--opens-at ISO] [--closes-at ISO] [--closed] [--later]
                 a fan vote on the show's songs, on your server: fans vote from their
                 phones at its link or code (--json: {"id","code","url",...});
                 it opens now unless --opens-at or --closed says otherwise;
                 --later keeps it on this computer (no server needed; --json:
                 {"draft_id","state"}) until vote publish or the next sync sends it;
                 when the server cannot be reached it is kept too (exit 1)
  vote publish --server URL  the votes kept on this computer go to the server, each
                 as the same vote however often it is sent (--json: {"published":
                 [{"id","code","url","draft_id"}],"refused":[{"draft_id","error"}],
                 "changed_elsewhere"}; exit 1 when the server refused one)
  vote discard DRAFT_ID      throw away a vote kept on this computer
  vote list --server URL     your fan votes, and the ones kept here (--json: {"polls":[...],
                 "kept":[{"draft_id","show_id","question","refused"}]}; the kept ones
                 also when the server cannot be reached)
  vote open|close|reset ID --server URL
  vote status ID --server URL [--follow]
                 the tally (--json: {"state","ballots","tally":[{"song_id","title","votes"}]});
                 --follow prints it again on every change until the vote closes
  vote qr ID --out FILE.png|FILE.svg --server URL
                 the QR code of the vote's link, for a poster or the screen
  share MACHINE --server URL [--title T] [--author NAME] [--description TEXT]
              [--tags salsa,son-montuno] [--licence cc-by-4.0|cc-by-sa-4.0|cc0-1.0|all-rights-reserved]
              [--visibility public|unlisted|private] [--copies yes|no]
                 share a beat machine (saved id or title, built-in name or XML file) by link:
                 a page that plays it in any browser (--json: {"id","url","version",...});
                 unlisted unless you say otherwise, copies allowed, CC BY 4.0, the author
                 your profile's artist name unless --author says otherwise
  shared list --server URL   what you shared, with its plays and copies
  shared update ID --server URL [--machine MACHINE] [settings as for share]
                 --machine: a new version under the same link (each keeps its own link)
  shared unshare|delete ID --server URL
                 unshare: the link says it was removed (update --visibility shares it
                 again); delete: every version gone for good
  import-shared URL [--title T]
                 a copy of a shared groove into this computer's machines, its origin kept
                 (--json: {"machine_id","title","origin"}); no account needed
  dump           every synced entity and field, sorted and canonical: two databases
                 that hold the same data print the same dump (--json: one line)

  roadmap templates          the career roadmaps that come with Bandmate
  roadmap start SLUG|FILE    start one (a FILE.json is a custom roadmap)
  roadmap status             stages, tasks and percentages of every started roadmap
  roadmap export ID --out FILE.json
  task set ID [--status not_started|in_progress|completed] [--item ID|TEXT [--ticked false]]
              [--notes TEXT]
  stat add METRIC VALUE [--at ISO-DATE] [--note TEXT]
                 record a measurement (practice_minutes, monthly_listeners, ...)
  library scan DIR [--retag] read the audio files of a folder into the library (again: only
                             what changed; moved files reconnect; a changed file brings the
                             tags that changed in it, your edits stay; --retag: every tag)
  library stats              songs, artists, hours, readiness, plays, files
  library search "QUERY"     songs matching the search grammar
                             (resources/library/SEARCH.md)
  setlist list               every show, newest first
  setlist show ID            the run-sheet: planned times, keys, lengths, warnings
  setlist export ID [--pdf FILE [--sheet band|stage]] [--csv FILE]
                    [--json-file FILE] [--text FILE]
                             print-ready PDF, CSV, JSON or setlist.fm plain text
  setlist import FILE.txt --show NAME [--date YYYY-MM-DD] [--start HH:MM]
                    [--venue V] [--city C]
                             one title per line, a blank line before an encore
  setlist performed ID [--at YYYY-MM-DDTHH:MM]
                             count the show's songs as played, the show for the roadmap
  dev seed-history [--days N] [--seed S]
                 fill a database with a made-up practice history (demos,
                 screenshots); never run it on your real data
  dev seed-repertoire        a made-up band's songs and an upcoming show (demos)
  machine list               the machines saved in Bandmate (--json: [{"id","title","versions",...}])
  machine import FILE.xml... [--into ID|TITLE]
                 Salsa Beat Machine XML files saved as machines, each file its own save,
                 printed once it is kept; --into: each file a new version of that machine;
                 one unreadable file saves nothing (--json: {"saved":[{"file","machine_id",
                 "version_id","changed"}]}, with "error" when it stopped part of the way)
  machine export ID|TITLE --out FILE.xml
  machine versions ID|TITLE  the saved versions, newest first
  machines       the built-in machines (salsa, merengue, ...) with their
                 instruments and programs
  arrangements MACHINE       the machine's arrangements: whole tunes of sections
                 (--json: [{"name","bars","seconds","sections":[{"name","bar",
                 "bars","repeats","bpm","key","break"}]}])
  render MACHINE --out FILE.wav [OPTIONS]
                 render a beat machine (a built-in name or a Salsa Beat Machine
                 XML file) to a 24-bit WAV file
  export-midi MACHINE --out FILE.mid [OPTIONS]
                 write a Standard MIDI File: a tempo track and one track per
                 instrument, percussion on channel 10 (General MIDI)
  play MACHINE [OPTIONS] [--driver NAME] [--device NAME] [--buffer FRAMES]
       [--link [--link-quantum bar|clave] [--link-start-stop] [--trace-beats FILE.csv]]
       [--jack-transport follow|master | --midi-clock-in PORT] [--midi-clock-out PORT]
       [--midi-out PORT[:CHANNEL] [--midi-only]] [--sections-from PORT]
                 play live until Ctrl+C (or --seconds S), printing the latency;
                 type "tempo BPM", "stop", "start" or "quit" and Enter while it plays,
                 and with --arrangement "next", "previous" or "break" (at the next
                 bar line); --sections-from: the notes of a JACK MIDI output (a pedal,
                 pads) do the same: C next section, D break, E previous, any octave
                 (--json: "sections": {"heard","commands"});
                 --link: in time with an Ableton Link session (Live, Bitwig, phones
                 on the network): its tempo, its bar (or clave cycle) phase, and
                 with --link-start-stop its start and stop; no --count-in with it
                 (--json: {"tempo","link_peers" (the most other apps seen),
                 "beats_played","tempo_changes",...}); --jack-transport: play while
                 JACK's transport rolls, from where it is (follow: its master's tempo;
                 master: Bandmate's tempo and bars for every JACK app);
                 --midi-clock-out: MIDI clock (24 a beat, start, stop, song
                 position) to a JACK MIDI input such as a2j's or a synth's;
                 --midi-clock-in: follow the MIDI clock of a JACK MIDI output (its
                 tempo, Start, Stop, Continue, song position; a clock that stops
                 coming is lost: the groove waits for Start or Continue);
                 --midi-out: the groove's notes to a JACK MIDI input, each on its
                 exact frame (General MIDI: percussion on 10, keyed parts on their
                 own channels; or all on CHANNEL 1-16); --midi-only mutes the audio
  feeds add URL [--folder NAME] [--name NAME] [--no-check]
                 follow a music blog or podcast: its feed's address, or a web page
                 that names its feed (RSS, Atom, JSON Feed); read at once unless
                 --no-check (--json: {"id","url","title","new_items"})
  feeds list     the feeds followed, by folder, with their counts, last error and
                 next check (--json: [{"id","url","name","folder","items","new",
                 "error","next_check",...}])
  feeds refresh [FEED...] [--due]
                 ask the feeds for new items (all of them, or only those due
                 with --due) (--json: {"feeds","new_items","not_modified",
                 "errors":[{"feed","message"}],"notices",...})
  feeds items [FEED] [--new] [--starred] [--search QUERY] [--limit N]
                 the items, newest first, with the songs found in each; QUERY: the
                 library's grammar (words, "phrases", -not, a | b) with feed: new:
                 starred: played: artist: title: year: duration:
                 (--json: [{"feed","guid","title","link","songs":[{"artist",
                 "title","url"}],...}])
  feeds ranking [--min-feeds N]
                 songs that several of the feeds followed posted (default 2)
  feeds remove FEED [--drop-items]   stop following it (its items stay unless
                 --drop-items); feeds pause FEED, feeds resume FEED
  feeds import-opml FILE.opml        follow the feeds of another reader's OPML
                 file, in its folders; feeds export-opml --out FILE.opml
  feeds download POST... [--song N] [--to FOLDER]
                 download a post's song (its first audio file, or song N) into
                 the downloads folder, tagged from the feed (--json: [{"item_id",
                 "url","state","path","bytes","error",...}]); POST: an id that
                 feeds items --json shows
  feeds downloads [--folder PATH] [--keep-days N]
                 the downloads, and where they go; --folder and --keep-days set
                 them (played downloads are removed after N days, starred posts'
                 spared; 0: never)
  feeds cleanup  remove the played downloads past their days, and those of
                 posts removed (--json: {"removed","bytes","problems"})
  feeds add-to-library POST [--song N]
                 make the post's song a library song, with its file when
                 downloaded (--json: {"song_id"})
                 (FEED: the id, address or name feeds list shows)
  coach score MACHINE --part INSTRUMENT --input FILE.wav|FILE.mid [--bpm X]
              [--latency-ms L] [--tolerance-ms N] [--swing PERCENT] [--clave 2-3|3-2]
              [--sensitivity 0-100] [--gate-db DB] [--no-bleed] [--notes LIST|gm] [--save]
                 how early or late each hit of a take was against the part's grid
                 (--json: {"accuracy","mean_offset_ms","matched","missed","extra",
                 "hits":[{"step","expected_ms","offset_ms"}],...}; offset > 0 is late);
                 the take's first frame is the first step of the part's first bar;
                 the machine's other parts leaking from the speakers are subtracted;
                 --save keeps the take: a clean one (90 % within ±30 ms) counts for the
                 roadmap as PART_clean_bpm = its tempo; --notes: a MIDI take's notes
                 that are the part (e.g. 75, 62-64; gm: its General MIDI keys)
  coach calibrate --input-device NAME [--input-channel N] [--driver NAME] [--device NAME]
                 measure the setup's round trip (clicks played, heard back) for
                 --latency-ms (--json: {"round_trip_ms","clicks_heard",...})
  coach live MACHINE --part INSTRUMENT --input-device NAME [--input-channel N]
              [--driver NAME] [--device NAME] [--bars N] [--no-count-in]
              [--calibrate | --latency-ms L] [--play-part] [--keep-recording FILE.flac]
              [the options of coach score but --notes]
                 play along live: the machine plays without your part (after a bar
                 of count-in), your input is recorded for N bars (default 4) and
                 scored as coach score does; --calibrate measures the round trip
                 first; --play-part plays your part too; --keep-recording keeps what you
                 played as FLAC (from the first step: coach score FILE --latency-ms L
                 scores it again)
  coach takes [--part INSTRUMENT]
                 the kept takes, oldest first (--json: [{"id","part","bpm","accuracy",...}])

Beat options:
  --bars N | --seconds S     length (default 8 bars)
  --bpm X                    tempo, 30-300 (default: the machine's)
  --key 0-11                 key of keyed instruments, 0 = C
  --clave 2-3|3-2            clave direction
  --swing PERCENT            0 = straight, 100 = triplet feel
  --arrangement NAME         the machine's whole tune NAME instead of its loop (render and
                             export-midi: once, with section markers in the MIDI file;
                             play: over and over)
  --count-in                 one bar of clicks first
  --loop                     render: a seamless loop (the notes ringing past the end
                             fold onto the start, as a shared groove's page plays it)
  --kit DIR                  sample kit folder with kit.json (default: built-in)
  --voice LANG               instructor language: en es it fr de ru nb
  --sample-rate HZ           render sample rate (default 48000)
  --enable IDS, --disable IDS   instruments to switch on/off, comma-separated
  --program ID=N,...         active program per instrument (0-based)

Options:
  --db PATH      the database file (default: the per-user file in the app-data folder)
  --json         machine-readable output on stdout
  --version      print the version and exit
  --help         print this help and exit

Exit codes: 0 success, 2 bad usage or bad input, 1 any other failure.
)";

}  // namespace

core::Result<CommandOptions> parseCommandOptions(const QStringList& rest, const QStringList& valued, const QStringList& flags)
{
    CommandOptions options;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        QString arg = rest.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            options.words << arg;
            continue;
        }
        if (flags.contains(arg)) {
            options.flags << arg;
            continue;
        }
        QString value;
        bool hasValue = false;
        if (const auto eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        if (!valued.contains(arg)) {
            return core::fail(core::ErrorCode::InvalidArgument, "unknown option for this command (see bandmate-cli --help)",
                              arg.toStdString());
        }
        if (!hasValue) {
            if (i + 1 >= rest.size()) {
                return core::fail(core::ErrorCode::InvalidArgument, "this option needs a value", arg.toStdString());
            }
            value = rest.at(++i);
        }
        if (options.values.contains(arg)) {
            return core::fail(core::ErrorCode::InvalidArgument, "given twice", arg.toStdString());
        }
        options.values.insert(arg, value);
    }
    return options;
}

void printOut(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

core::Result<double> parseNumber(const QString& name, const QString& text, double min, double max)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max) {
        return core::fail(core::ErrorCode::InvalidArgument,
                          QStringLiteral("expected a number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(text).toStdString(),
                          name.toStdString());
    }
    return value;
}

core::Result<int> parseInteger(const QString& name, const QString& text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max) {
        return core::fail(core::ErrorCode::InvalidArgument,
                          QStringLiteral("expected a whole number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(text).toStdString(),
                          name.toStdString());
    }
    return value;
}

int reportError(const core::Error& error)
{
    printErr(QStringLiteral("bandmate-cli: %1\n").arg(QString::fromStdString(error.toString())));
    switch (error.code) {
    case core::ErrorCode::InvalidArgument:
    case core::ErrorCode::InvalidInput:
    case core::ErrorCode::NotFound:
    case core::ErrorCode::NotADatabase:
    case core::ErrorCode::Corrupt:
        return kExitUsage;
    default:
        return kExitFailure;
    }
}

core::Result<std::unique_ptr<core::Database>> openDatabase(const CliArgs& args)
{
    return core::Database::open(args.dbPath.isEmpty() ? core::Database::defaultPath() : args.dbPath);
}

core::Result<std::unique_ptr<core::Database>> openDatabaseForReading(const CliArgs& args)
{
    const QString path = args.dbPath.isEmpty() ? core::Database::defaultPath() : args.dbPath;
    auto db = core::Database::open(path, {.mode = core::Database::Mode::Inspect});
    if (!db) {
        return db;
    }
    const int version = (*db)->schemaVersion();
    const int latest = core::Database::latestSchemaVersion();
    if (version > latest) {
        return core::fail(core::ErrorCode::SchemaTooNew,
                          "the database was written by a newer Bandmate (schema " + std::to_string(version) + ", this version knows up to " +
                              std::to_string(latest) + "); update Bandmate to read it",
                          (*db)->path().toStdString());
    }
    if (version < latest) {
        return core::fail(core::ErrorCode::InvalidArgument,
                          "the database is from an older Bandmate (schema " + std::to_string(version) + ", this one uses " + std::to_string(latest) +
                              "): run bandmate-cli db migrate first (it keeps a copy of the old file)",
                          (*db)->path().toStdString());
    }
    return db;
}

void printJson(const QJsonValue& value)
{
    const QByteArray text = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    printOut(QString::fromUtf8(text) + QLatin1Char('\n'));
}

core::Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    return core::writeFileAtomically(path, bytes);
}

int runCli(const QStringList& arguments)
{
    CliArgs args;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            printOut(QString::fromUtf8(kUsage));
            return kExitOk;
        }
        if (arg == QLatin1String("--version")) {
            printOut(QStringLiteral("bandmate-cli %1 (schema %2, sync protocol %3)\n")
                         .arg(QCoreApplication::applicationVersion())
                         .arg(dbSchemaVersion())
                         .arg(sync::kProtocolMax));
            return kExitOk;
        }
        if (arg == QLatin1String("--json")) {
            args.json = true;
        } else if (arg == QLatin1String("--db") || arg.startsWith(QLatin1String("--db="))) {
            if (arg.startsWith(QLatin1String("--db="))) {
                args.dbPath = arg.mid(5);
            } else if (i + 1 < arguments.size()) {
                args.dbPath = arguments.at(++i);
            }
            if (args.dbPath.isEmpty()) {
                return reportError({core::ErrorCode::InvalidArgument, "--db needs a file path", "--db"});
            }
        } else {
            if (!args.command.isEmpty()) {
                args.rest.append(arg);
            }
            (arg.startsWith(QLatin1String("--")) ? args.options : args.command).append(arg);
        }
    }
    if (args.command.isEmpty()) {
        printErr(QString::fromUtf8(kUsage));
        return kExitUsage;
    }
    const QString& group = args.command.first();
    if (group == QLatin1String("render") || group == QLatin1String("export-midi") || group == QLatin1String("play")) {
        return runBeatCommand(args);
    }
    if (group == QLatin1String("dev") && args.command.value(1) == QLatin1String("seed-repertoire")) {
        return seedRepertoire(args);
    }
    if (group == QLatin1String("account")) {
        return runAccountCommand(args);
    }
    if (group == QLatin1String("sync")) {
        return runSyncCommand(args);
    }
    if (group == QLatin1String("vote")) {
        return runVoteCommand(args);
    }
    if (group == QLatin1String("coach")) {
        return runCoachCommand(args);
    }
    if (group == QLatin1String("feeds")) {
        return runFeedsCommand(args);
    }
    if (group == QLatin1String("dump")) {
        return runDumpCommand(args);
    }
    if (group == QLatin1String("share")) {
        return runShareCommand(args);
    }
    if (group == QLatin1String("shared")) {
        return runSharedCommand(args);
    }
    if (group == QLatin1String("import-shared")) {
        return runImportSharedCommand(args);
    }
    if (group == QLatin1String("setlist")) {
        return runSetlistCommand(args);
    }
    if (group == QLatin1String("machine")) {
        return runMachineCommand(args);
    }
    if (group == QLatin1String("machines")) {
        return runMachinesCommand(args);
    }
    if (group == QLatin1String("arrangements")) {
        return runArrangementsCommand(args);
    }
    if (group == QLatin1String("roadmap") || group == QLatin1String("task") || group == QLatin1String("stat")
        || group == QLatin1String("dev") || group == QLatin1String("library")) {
        return runRoadmapCommand(args);
    }
    if (!args.options.isEmpty()) {
        return reportError({core::ErrorCode::InvalidArgument,
                            "unknown option (see bandmate-cli --help)",
                            args.options.first().toStdString()});
    }
    if (group == QLatin1String("db")) {
        return runDbCommand(args);
    }
    return reportError({core::ErrorCode::InvalidArgument,
                        "unknown command (see bandmate-cli --help)", group.toStdString()});
}

}  // namespace bandmate::app
