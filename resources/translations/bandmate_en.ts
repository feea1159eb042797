<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>bandmate::ui::BeatMachinePage</name>
    <message numerus="yes">
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+73"/>
        <source>The kit has no sound for %n instrument(s) of this machine, so they play silent: %1.</source>
        <translation>
            <numerusform>The kit has no sound for %n instrument of this machine, so it plays silent: %1.</numerusform>
            <numerusform>The kit has no sound for %n instruments of this machine, so they play silent: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+359"/>
        <source>Link: %n other app(s)</source>
        <translation>
            <numerusform>Link: %n other app</numerusform>
            <numerusform>Link: %n other apps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FanVoteDialog</name>
    <message numerus="yes">
        <location filename="../../ui/setlists/FanVoteDialog.cpp" line="+360"/>
        <source>%n song(s) placed in %1.</source>
        <translation>
            <numerusform>%n song placed in %1.</numerusform>
            <numerusform>%n songs placed in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+373"/>
        <source>%n song(s) ticked, %1 of them not shown by the search</source>
        <translation>
            <numerusform>%n song ticked, %1 of them not shown by the search</numerusform>
            <numerusform>%n songs ticked, %1 of them not shown by the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n song(s) ticked</source>
        <translation>
            <numerusform>%n song ticked</numerusform>
            <numerusform>%n songs ticked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+216"/>
        <source>%n fan(s) voted</source>
        <translation>
            <numerusform>%n fan voted</numerusform>
            <numerusform>%n fans voted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n vote(s) in the last minute</source>
        <translation>
            <numerusform>%n vote in the last minute</numerusform>
            <numerusform>%n votes in the last minute</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedDownloadsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/library/FeedDownloadsPanel.cpp" line="+429"/>
        <source>%n download(s) removed (%1).</source>
        <translation>
            <numerusform>%n download removed (%1).</numerusform>
            <numerusform>%n downloads removed (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedsView</name>
    <message numerus="yes">
        <location filename="../../ui/library/FeedsView.cpp" line="+1027"/>
        <source>%n post(s) marked seen</source>
        <translation>
            <numerusform>%n post marked seen</numerusform>
            <numerusform>%n posts marked seen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n new post</numerusform>
            <numerusform>%n new posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n feed(s) wait for a server that asked for a pause</source>
        <translation>
            <numerusform>%n feed waits for a server that asked for a pause</numerusform>
            <numerusform>%n feeds wait for a server that asked for a pause</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n feed(s) had a problem (their ⚠ says what)</source>
        <translation>
            <numerusform>%n feed had a problem (its ⚠ says what)</numerusform>
            <numerusform>%n feeds had a problem (their ⚠ says what)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::LiveTakeView</name>
    <message numerus="yes">
        <location filename="../../ui/beats/LiveTakeView.cpp" line="+85"/>
        <source>%n extra</source>
        <translation>
            <numerusform>%n extra</numerusform>
            <numerusform>%n extra</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SetlistsPage</name>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+34"/>
        <source>Imported %n song(s).</source>
        <translation>
            <numerusform>Imported %n song.</numerusform>
            <numerusform>Imported %n songs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+461"/>
        <source>Marked performed: %n play(s) recorded, and the show counts on your roadmap.</source>
        <translation>
            <numerusform>Marked performed: %n play recorded, and the show counts on your roadmap.</numerusform>
            <numerusform>Marked performed: %n plays recorded, and the show counts on your roadmap.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Count the %n song(s) of “%1” as played on %2, and the show on your roadmap? This is done once per show.</source>
        <translation>
            <numerusform>Count the %n song of “%1” as played on %2, and the show on your roadmap? This is done once per show.</numerusform>
            <numerusform>Count the %n songs of “%1” as played on %2, and the show on your roadmap? This is done once per show.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="+257"/>
        <source>The fans&apos; %n song(s) are in %1 (Ctrl+Z takes them out).</source>
        <translation>
            <numerusform>The fans&apos; %n song is in %1 (Ctrl+Z takes it out).</numerusform>
            <numerusform>The fans&apos; %n songs are in %1 (Ctrl+Z takes them out).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+103"/>
        <source>%n song(s) · total %1</source>
        <translation>
            <numerusform>%n song · total %1</numerusform>
            <numerusform>%n songs · total %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TakeDialog</name>
    <message numerus="yes">
        <location filename="../../ui/beats/TakeDialog.cpp" line="+221"/>
        <source>%1 (%n hit(s) a loop)</source>
        <translation>
            <numerusform>%1 (%n hit a loop)</numerusform>
            <numerusform>%1 (%n hits a loop)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+393"/>
        <source>%1 % in time at %2 BPM: %n take(s) in a row under the mark. Take a break, or start slower.</source>
        <translation>
            <numerusform>%1 % in time at %2 BPM: %n take in a row under the mark. Take a break, or start slower.</numerusform>
            <numerusform>%1 % in time at %2 BPM: %n takes in a row under the mark. Take a break, or start slower.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Next take at %1 BPM in %n s…</source>
        <translation>
            <numerusform>Next take at %1 BPM in %n s…</numerusform>
            <numerusform>Next take at %1 BPM in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Once more at %1 BPM in %n s…</source>
        <translation>
            <numerusform>Once more at %1 BPM in %n s…</numerusform>
            <numerusform>Once more at %1 BPM in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+424"/>
        <source>The audio dropped out %n time(s) during the take: a dropout can read as a hit.</source>
        <translation>
            <numerusform>The audio dropped out %n time during the take: a dropout can read as a hit.</numerusform>
            <numerusform>The audio dropped out %n times during the take: a dropout can read as a hit.</numerusform>
        </translation>
    </message>
</context>
</TS>
