<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>ConflictList</name>
    <message>
        <location filename="../../ui/sync/ConflictList.cpp" line="+25"/>
        <source>Song</source>
        <translation>Sang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Konsert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setlist entry</source>
        <translation>Punkt i settlisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-do</source>
        <translation>Gjøremål</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Roadmap task</source>
        <translation>Veikartoppgave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>notes</source>
        <translation>notater</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chart</source>
        <translation>akkordark</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>description</source>
        <translation>beskrivelse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>goals</source>
        <translation>mål</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../../ui/shell/QtStrings.cpp" line="+57"/>
        <source>&amp;Select All</source>
        <translation>&amp;Merk alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step up</source>
        <translation>&amp;Øk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;down</source>
        <translation>&amp;Senk</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-17"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="-8"/>
        <source>Show Details...</source>
        <translation>Vis detaljer …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Skjul detaljer …</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/beats/StepGrid.cpp" line="+33"/>
        <source>Clave</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mouth</source>
        <translation>Munning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Neck</source>
        <translation>Hals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heel</source>
        <translation>Hæl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tip</source>
        <translation>Tupp</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Slap</source>
        <translation>Slap</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+8"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Tumba</source>
        <translation>Tumba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bass</source>
        <translation>Bass</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Macho</source>
        <translation>Macho</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Hembra</source>
        <translation>Hembra</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Finger</source>
        <translation>Finger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thumb</source>
        <translation>Tommel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cáscara</source>
        <translation>Cáscara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bell</source>
        <translation>Bjelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rim shot</source>
        <translation>Kantslag</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Short</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Long</source>
        <translation>Lang</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Accent</source>
        <translation>Aksent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soft</source>
        <translation>Svak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rim</source>
        <translation>Kant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Palm</source>
        <translation>Håndflate</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Muted</source>
        <translation>Dempet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Høy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kick</source>
        <translation>Stortromme</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/DashboardPage.cpp" line="+44"/>
        <source>Consistency over the last 26 weeks</source>
        <translation>Jevnhet de siste 26 ukene</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Mon</source>
        <translation>man</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <location filename="../../ui/roadmap/RoadmapPage.cpp" line="+50"/>
        <source>Checklist</source>
        <translation>Sjekkliste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Track a number</source>
        <translation>Følg et tall</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read</source>
        <translation>Les</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="+110"/>
        <source>Bandmate cannot open its database</source>
        <translation>Bandmate får ikke åpnet databasen sin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Nothing was changed. Start Bandmate with --db PATH to use another file.</source>
        <translation>%1

Ingenting ble endret. Start Bandmate med --db STI for å bruke en annen fil.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/shell/QtStrings.cpp" line="-29"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <location line="+32"/>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>Skift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>Mellomrom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backspace</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ins</source>
        <translation>Ins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PgUp</source>
        <translation>PgUp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PgDown</source>
        <translation>PgDown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Venstre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Høyre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Opp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="-31"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>Kopier &amp;lenkeadresse</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="-26"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tilbake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Neste &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Neste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Fullfør</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go Back</source>
        <translation>Gå tilbake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Fortsett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
</context>
<context>
    <name>bandmate::sync::SyncClient</name>
    <message>
        <location filename="../../sync/client/SyncClient.cpp" line="+49"/>
        <source>%1 of your %2 songs</source>
        <translation>%1 av de %2 sangene dine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 shows</source>
        <translation>%1 av de %2 konsertene dine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 beat machines</source>
        <translation>%1 av de %2 rytmemaskinene dine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 roadmaps</source>
        <translation>%1 av de %2 veikartene dine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 to-dos</source>
        <translation>%1 av de %2 gjøremålene dine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 playlists</source>
        <translation>%1 av de %2 spillelistene dine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 and %2</source>
        <translation>%1 og %2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The server could not be reached (%1). Nothing was lost; Bandmate tries again later.</source>
        <translation>Fikk ikke kontakt med serveren (%1). Ingenting gikk tapt; Bandmate prøver igjen senere.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server no longer knows this session: sign in again.</source>
        <translation>Serveren kjenner ikke lenger denne økten: logg inn på nytt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>This Bandmate and the server speak different sync versions; update the older one.</source>
        <translation>Denne Bandmate og serveren bruker ulike synkroniseringsversjoner; oppdater den eldste.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The server is busy: Bandmate tries again in a moment.</source>
        <translation>Serveren er opptatt: Bandmate prøver igjen om litt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the sync (%1): %2</source>
        <translation>Serveren avviste synkroniseringen (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent an answer Bandmate cannot read (%1 at byte %2). Nothing was changed; Bandmate tries again later.</source>
        <translation>Serveren sendte et svar Bandmate ikke kan lese (%1 ved byte %2). Ingenting ble endret; Bandmate prøver igjen senere.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This computer&apos;s clock is %1 minutes off the server&apos;s: set the clock right, then sync again.</source>
        <translation>Klokken på denne datamaskinen går %1 minutter feil i forhold til serverens: still klokken riktig og synkroniser på nytt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not back up the database before its first sync: %1</source>
        <translation>Kunne ikke ta sikkerhetskopi av databasen før den første synkroniseringen: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not prepare the database for this server: %1</source>
        <translation>Kunne ikke gjøre databasen klar for denne serveren: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not record what was sent: %1</source>
        <translation>Kunne ikke registrere det som ble sendt: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Could not save what was received: %1</source>
        <translation>Kunne ikke lagre det som ble mottatt: %1</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+43"/>
        <source>The server sent something this Bandmate cannot read: %1</source>
        <translation>Serveren sendte noe denne Bandmate ikke kan lese: %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Could not apply what was deleted on another computer: %1</source>
        <translation>Kunne ikke bruke det som ble slettet på en annen datamaskin: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::AboutDialog</name>
    <message>
        <location filename="../../ui/shell/AboutDialog.cpp" line="+19"/>
        <source>Windows, widgets, charts, playback, networking, database access</source>
        <translation>Vinduer, skjermelementer, diagrammer, avspilling, nettverk, databasetilgang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio engine, audio devices and audio files</source>
        <translation>Lydmotor, lydenheter og lydfiler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your data, in one file</source>
        <translation>Dataene dine, i én fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FLAC audio files</source>
        <translation>FLAC-lydfiler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ogg Vorbis audio files</source>
        <translation>Ogg Vorbis-lydfiler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync credentials in the system keychain</source>
        <translation>Innlogging for synkronisering i systemets nøkkelring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sync server&apos;s HTTP core</source>
        <translation>HTTP-kjernen i synkroniseringsserveren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTPS on the sync server</source>
        <translation>HTTPS på synkroniseringsserveren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password hashing on the sync server</source>
        <translation>Passordhashing på synkroniseringsserveren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s web pages</source>
        <translation>Serverens nettsider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR codes of fan votes</source>
        <translation>QR-koder for fanavstemninger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading tags of your audio files</source>
        <translation>Lesing av taggene i lydfilene dine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telling your audio files apart quickly</source>
        <translation>Å skille lydfilene dine fra hverandre raskt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hearing the hits of a take for the timing coach</source>
        <translation>Å høre slagene i et opptak for timingtreneren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing in time with other apps on the network</source>
        <translation>Spille i takt med andre apper på nettverket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ableton Link&apos;s networking</source>
        <translation>Nettverkskoden i Ableton Link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Large sync servers</source>
        <translation>Store synkroniseringsservere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instrument samples of the built-in kit</source>
        <translation>Instrumentlydene i det innebygde settet</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Testing (not shipped)</source>
        <translation>Testing (følger ikke med)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Bandmate</source>
        <translation>Om Bandmate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h2&gt;Bandmate %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bandmate %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Career roadmaps, a salsa beat machine, a song library and setlists for working musicians. Works fully offline.&lt;br&gt;&lt;br&gt;Bandmate is free software under the GNU General Public License, version 3 or any later version (GPL-3.0-or-later), because it uses JUCE&apos;s GPL modules. It comes with no warranty.</source>
        <translation>Karriereveikart, en salsarytmemaskin, et sangbibliotek og settlister for arbeidende musikere. Virker helt uten nett.&lt;br&gt;&lt;br&gt;Bandmate er fri programvare under GNU General Public License, versjon 3 eller en hvilken som helst senere versjon (GPL-3.0-or-later), fordi den bruker JUCEs GPL-moduler. Den leveres uten noen garanti.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Component</source>
        <translation>Komponent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>License</source>
        <translation>Lisens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used for</source>
        <translation>Brukes til</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::AchievementsModel</name>
    <message>
        <location filename="../../ui/dashboard/DashboardModels.cpp" line="+120"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ArrangeView</name>
    <message>
        <location filename="../../ui/beats/ArrangeView.cpp" line="+111"/>
        <source>Arrangement timeline</source>
        <translation>Tidslinje for arrangementet</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No arrangement yet: New… makes one from this machine</source>
        <translation>Ingen arrangementer ennå: Ny… lager ett av denne maskinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sections: Add section (Insert) puts the first one in</source>
        <translation>Ingen deler: Legg til del (Insert) setter inn den første</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+49"/>
        <source>1 bar</source>
        <translation>1 takt</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+50"/>
        <source>%1 bars</source>
        <translation>%1 takter</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>as the machine</source>
        <translation>som maskinen</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1: %2 bars ×%3</source>
        <translation>%1: %2 takter ×%3</translation>
    </message>
    <message>
        <location line="+237"/>
        <source>Arrangement</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arrangement:</source>
        <translation>&amp;Arrangement:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New…</source>
        <translation>&amp;Ny…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me…</source>
        <translation>&amp;Gi nytt navn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the &amp;tune</source>
        <translation>Spill &amp;låten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play this arrangement instead of the machine&apos;s loop</source>
        <translation>Spill dette arrangementet i stedet for maskinens løkke</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add section</source>
        <translation>Legg til del</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new section after the selected one (Insert)</source>
        <translation>En ny del etter den valgte (Insert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+78"/>
        <source>Repeat</source>
        <translation>Gjenta</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>The selected section once more right after it (Ctrl+R)</source>
        <translation>Den valgte delen én gang til rett etter (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+78"/>
        <source>Duplicate</source>
        <translation>Dupliser</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>A copy of the selected section to change on its own (Ctrl+D)</source>
        <translation>En kopi av den valgte delen til å endre for seg (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+78"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Take the selected section out of the tune (Delete)</source>
        <translation>Ta den valgte delen ut av låten (Delete)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected section earlier (Ctrl+Left)</source>
        <translation>Flytt den valgte delen tidligere (Ctrl+Venstre)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected section later (Ctrl+Right)</source>
        <translation>Flytt den valgte delen senere (Ctrl+Høyre)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live: the previous section at the next bar line (P)</source>
        <translation>Live: forrige del ved neste taktstrek (P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next section</source>
        <translation>Neste del</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live: the next section at the next bar line (N)</source>
        <translation>Live: neste del ved neste taktstrek (N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Brekk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live: the break at the next bar line, then the next section on the one (B)</source>
        <translation>Live: brekket ved neste taktstrek, så neste del på ener&apos;n (B)</translation>
    </message>
    <message>
        <location line="+111"/>
        <source> bars</source>
        <translation> takter</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>the machine&apos;s</source>
        <translation>maskinens</translation>
    </message>
    <message>
        <location line="-2"/>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ends on a &amp;break (its last bar)</source>
        <translation>Slutter med et &amp;brekk (siste takt)</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Lo&amp;op it</source>
        <translation>Spill i l&amp;økke</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the selected section over and over (O); again: the whole tune</source>
        <translation>Spill den valgte delen om og om igjen (O); igjen: hele låten</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Section name:</source>
        <translation>Navn på delen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Length:</source>
        <translation>L&amp;engde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeats:</source>
        <translation>Gjen&amp;takelser:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tem&amp;po:</source>
        <translation>Te&amp;mpo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key:</source>
        <translation>T&amp;oneart:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rename section</source>
        <translation>Gi delen nytt navn</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+132"/>
        <source>Section length</source>
        <translation>Lengde på delen</translation>
    </message>
    <message>
        <location line="-736"/>
        <source>Blue</source>
        <translation>Blå</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Green</source>
        <translation>Grønn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>Rød</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Purple</source>
        <translation>Lilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>Oransje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Teal</source>
        <translation>Blågrønn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>Gull</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grey</source>
        <translation>Grå</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>all %1 places it plays</source>
        <translation>alle %1 steder den spilles</translation>
    </message>
    <message>
        <location line="+409"/>
        <location line="+80"/>
        <location line="+84"/>
        <location line="+24"/>
        <source>Section colour</source>
        <translation>Seksjonsfarge</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Colo&amp;ur:</source>
        <translation>&amp;Farge:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Section repeats</source>
        <translation>Gjentakelser av delen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Section tempo</source>
        <translation>Tempo for delen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Section key</source>
        <translation>Toneart for delen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a break</source>
        <translation>Legg til et brekk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the break</source>
        <translation>Fjern brekket</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+158"/>
        <source>Automatic</source>
        <translation>Automatisk</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Other colour…</source>
        <translation>Annen farge…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>1 section, %1 bars, %2 at the machine&apos;s tempo</source>
        <translation>1 del, %1 takter, %2 i maskinens tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sections, %2 bars, %3 at the machine&apos;s tempo</source>
        <translation>%1 deler, %2 takter, %3 i maskinens tempo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A whole tune from this machine&apos;s sections: intro, verse, montuno, mambo, breaks.</source>
        <translation>En hel låt av denne maskinens deler: intro, vers, montuno, mambo, brekk.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&lt;b&gt;Part&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stemme&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Plays&lt;/b&gt;</source>
        <translation>&lt;b&gt;Spiller&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;In the break&lt;/b&gt;</source>
        <translation>&lt;b&gt;I brekket&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 plays</source>
        <translation>%1 spiller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the machine (%1)</source>
        <translation>Som maskinen (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As the machine (off)</source>
        <translation>Som maskinen (av)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Section part</source>
        <translation>Stemme i delen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 in the break</source>
        <translation>%1 i brekket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rests</source>
        <translation>Hviler</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Break figure</source>
        <translation>Brekkfigur</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>“%1” plays. “Play the tune” plays this one instead.</source>
        <translation>«%1» spiller. «Spill låten» spiller denne i stedet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The machine&apos;s loop plays. “Play the tune” plays this arrangement instead.</source>
        <translation>Maskinens løkke spiller. «Spill låten» spiller dette arrangementet i stedet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Playing: %1</source>
        <translation>Spiller: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plays this tune from the top</source>
        <translation>Spiller denne låten fra starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · next bar line: the break, then %1</source>
        <translation> · ved neste taktstrek: brekket, så %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · next bar line: %1</source>
        <translation> · ved neste taktstrek: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · looping %1</source>
        <translation> · i løkke: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New arrangement</source>
        <translation>Nytt arrangement</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Name of the tune:</source>
        <translation>Navn på låten:</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Tune</source>
        <translation>Låt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rename arrangement</source>
        <translation>Gi arrangementet nytt navn</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::AudioSettingsPanel</name>
    <message>
        <location filename="../../ui/shell/AudioSettingsPanel.cpp" line="+35"/>
        <source>no click came back: is the input connected and unmuted, and are the speakers on?</source>
        <translation>ingen klikk kom tilbake: er inngangen koblet til og ikke dempet, og er høyttalerne på?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too few clicks came back clearly: turn the speakers or the input up, or calibrate somewhere quieter.</source>
        <translation>for få klikk kom tydelig tilbake: skru opp høyttalerne eller inngangen, eller kalibrer et stillere sted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the clicks came back at two delays alike: an echo or a steady sound in the room confuses them.</source>
        <translation>klikkene kom tilbake med to like forsinkelser: et ekko eller en jevn lyd i rommet forvirrer dem.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audio dropped out: close other programs or choose a larger buffer, and try again.</source>
        <translation>lyden falt ut: lukk andre programmer eller velg en større buffer, og prøv igjen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audio device stopped.</source>
        <translation>lydenheten stoppet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the computer fell behind and lost part of the take: close other programs and play it again.</source>
        <translation>datamaskinen kom på etterskudd og mistet en del av opptaket: lukk andre programmer og spill det igjen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped before a whole bar was played.</source>
        <translation>stanset før en hel takt var spilt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the built-in sample kit is not installed here.</source>
        <translation>det innebygde lydsettet er ikke installert her.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>choose the input you play into in Preferences › Audio.</source>
        <translation>velg inngangen du spiller inn i under Innstillinger › Lyd.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Automatic (the first that works)</source>
        <translation>Automatisk (den første som virker)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Driver:</source>
        <translation>&amp;Driver:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Output:</source>
        <translation>&amp;Utgang:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Device default</source>
        <translation>Enhetens standard</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sample rate:</source>
        <translation>&amp;Samplingsfrekvens:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 frames</source>
        <translation>%1 rammer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smaller buffers answer faster; raise it if you hear crackles</source>
        <translation>Mindre buffere svarer raskere; øk den hvis du hører knitring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Buffer:</source>
        <translation>&amp;Buffer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play a test sound</source>
        <translation>Spill av en testlyd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Play the test sound to measure the output latency.</source>
        <translation>Spill av testlyden for å måle utgangsforsinkelsen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Listening, for the timing coach</source>
        <translation>Lytting, for timingtreneren</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+75"/>
        <source>The microphone or interface input the timing coach listens on while you play along</source>
        <translation>Mikrofonen eller inngangen på lydkortet som timingtreneren lytter på mens du spiller med</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>channel </source>
        <translation>kanal </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input channel</source>
        <translation>Inngangskanal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Input:</source>
        <translation>&amp;Inngang:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (not connected)</source>
        <translation>%1 (ikke tilkoblet)</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Input level</source>
        <translation>Inngangsnivå</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The input&apos;s level while the test sound or the calibration plays</source>
        <translation>Inngangens nivå mens testlyden eller kalibreringen spilles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level:</source>
        <translation>Nivå:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Calibrate latency</source>
        <translation>&amp;Kalibrer forsinkelsen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plays eight clicks and listens for them on the input: how late your setup hears what it plays. The timing coach takes it off every hit.</source>
        <translation>Spiller åtte klikk og lytter etter dem på inngangen: hvor sent oppsettet ditt hører det det spiller. Timingtreneren trekker det fra hvert slag.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The driver&apos;s default</source>
        <translation>Driverens standard</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a driver first: the input comes from the same one as the output</source>
        <translation>Velg en driver først: inngangen kommer fra den samme som utgangen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>To play along with the timing coach, choose a driver (not Automatic), then the input you play into.</source>
        <translation>For å spille med timingtreneren, velg en driver (ikke Automatisk), og deretter inngangen du spiller inn i.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the input you play into to calibrate the timing coach.</source>
        <translation>Velg inngangen du spiller inn i for å kalibrere timingtreneren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calibrated: your setup hears what it plays %1 ms later.</source>
        <translation>Kalibrert: oppsettet ditt hører det det spiller %1 ms senere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not calibrated for this setup yet: the timing coach cannot tell your timing from your setup&apos;s delay until it is.</source>
        <translation>Ikke kalibrert for dette oppsettet ennå: til da kan ikke timingtreneren skille din timing fra oppsettets forsinkelse.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No sound: %1</source>
        <translation>Ingen lyd: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Playing through %1 “%2”: %3 Hz, %4-frame buffer. Output latency %5 ms.</source>
        <translation>Spiller gjennom %1 «%2»: %3 Hz, buffer på %4 rammer. Utgangsforsinkelse %5 ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The input could not be opened: %1</source>
        <translation>Inngangen kunne ikke åpnes: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the input you play into first.</source>
        <translation>Velg først inngangen du spiller inn i.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open the devices: %1</source>
        <translation>Kunne ikke åpne enhetene: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not calibrate: %1</source>
        <translation>Kunne ikke kalibrere: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listening for eight clicks… Keep the room quiet and the speakers on.</source>
        <translation>Lytter etter åtte klikk … Hold rommet stille og høyttalerne på.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not calibrated: %1</source>
        <translation>Ikke kalibrert: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calibrated: your setup hears what it plays %1 ms later (%2 of %3 clicks came back).</source>
        <translation>Kalibrert: oppsettet ditt hører det det spiller %1 ms senere (%2 av %3 klikk kom tilbake).</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::BeatIndicator</name>
    <message>
        <location filename="../../ui/beats/BeatViews.cpp" line="+18"/>
        <source>Beat</source>
        <translation>Slag</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::BeatMachinePage</name>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+51"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>▶  Continue</source>
        <translation>▶  Fortsett</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+32"/>
        <source>▶  Play</source>
        <translation>▶  Spill</translation>
    </message>
    <message>
        <location line="+330"/>
        <source>MIDI: waiting</source>
        <translation>MIDI: venter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI: paused</source>
        <translation>MIDI: pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI: clock lost</source>
        <translation>MIDI: klokken borte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI: %1 BPM</source>
        <translation>MIDI: %1 BPM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link: %1 BPM</source>
        <translation>Link: %1 BPM</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+102"/>
        <source>Trainer: %1 BPM</source>
        <translation>Trener: %1 BPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JACK: %1 BPM</source>
        <translation>JACK: %1 BPM</translation>
    </message>
    <message numerus="yes">
        <location line="-324"/>
        <source>The kit has no sound for %n instrument(s) of this machine, so they play silent: %1.</source>
        <translation>
            <numerusform>Settet har ingen lyd for %n instrument i denne maskinen, så det spiller stille: %1.</numerusform>
            <numerusform>Settet har ingen lyd for %n instrumenter i denne maskinen, så de spiller stille: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-11"/>
        <source>▶  Waiting…</source>
        <translation>▶  Venter…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Practice recorded: %1 minutes.</source>
        <translation>Øving registrert: %1 minutter.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Beat Machine</source>
        <translation>Rytmemaskin</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Machine</source>
        <translation>Maskin</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+88"/>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+89"/>
        <source>Redo</source>
        <translation>Gjør om</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Redo: %1</source>
        <translation>Gjør om: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo: %1</source>
        <translation>Angre: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as one of your machines (Ctrl+S); every save keeps a version</source>
        <translation>Lagre som en av maskinene dine (Ctrl+S); hver lagring beholder en versjon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Machine ▾</source>
        <translation>Maskin ▾</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/beats/BeatMachinePageEditor.cpp" line="+52"/>
        <source>Rename…</source>
        <translation>Gi nytt navn …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/beats/BeatMachinePageEditor.cpp" line="-5"/>
        <source>Duplicate</source>
        <translation>Dupliser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions…</source>
        <translation>Versjoner …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to trash</source>
        <translation>Flytt til papirkurven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trash…</source>
        <translation>Papirkurv …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import machine XML…</source>
        <translation>Importer maskin-XML …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export machine XML…</source>
        <translation>Eksporter maskin-XML …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <source>Export WAV…</source>
        <translation>Eksporter WAV …</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Export MIDI…</source>
        <translation>Eksporter MIDI …</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>Share…</source>
        <translation>Del…</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Shared grooves…</source>
        <translation>Delte grooves…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tempo trainer…</source>
        <translation>Tempotrener …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score a take…</source>
        <translation>Gi poeng til et opptak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+174"/>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Link On or Off</source>
        <translation>Link på eller av</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Waiting for the MIDI clock&apos;s sender to start. </source>
        <translation>Venter på at avsenderen av MIDI-klokken starter. </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MIDI clock&apos;s ticks stopped coming: waiting for its Start or Continue. </source>
        <translation>Tikkene fra MIDI-klokken sluttet å komme: venter på Start eller Continue. </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following the MIDI clock of %1 (Preferences › Sync &amp; MIDI): its sender starts, stops and sets the tempo; Pause here stands still until Play.</source>
        <translation>Følger MIDI-klokken til %1 (Innstillinger › Synk og MIDI): avsenderen starter, stopper og setter tempoet; Pause her står stille til Spill.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>JACK transport is on (Preferences › Sync &amp; MIDI): turn it off to use Ableton Link.</source>
        <translation>JACK-transport er på (Innstillinger › Synk og MIDI): slå den av for å bruke Ableton Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A MIDI clock is followed (Preferences › Sync &amp; MIDI): turn it off to use Ableton Link.</source>
        <translation>En MIDI-klokke følges (Innstillinger › Synk og MIDI): slå den av for å bruke Ableton Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play in time with other apps on your network (Ableton Link): one tempo, bars lined up. Preferences › Sync &amp; MIDI has its choices.</source>
        <translation>Spill i takt med andre apper på nettverket (Ableton Link): ett tempo, taktene på linje. Valgene er i Innstillinger › Synk og MIDI.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No count-in while linked: the session&apos;s bar line is the count</source>
        <translation>Ingen inntelling med Link: taktstreken i økten er inntellingen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-34"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link: no other app</source>
        <translation>Link: ingen annen app</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Link: %n other app(s)</source>
        <translation>
            <numerusform>Link: %n annen app</numerusform>
            <numerusform>Link: %n andre apper</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-65"/>
        <source>Play, pause, continue (Space)</source>
        <translation>Spill, pause, fortsett (mellomrom)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>■  Stop</source>
        <translation>■  Stopp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop and go back to the start (Esc)</source>
        <translation>Stopp og gå tilbake til starten (Esc)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageFiles.cpp" line="+388"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+6"/>
        <location line="+103"/>
        <location line="+1"/>
        <location line="+1"/>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-104"/>
        <source>Tempo: + and − change it by 5, T taps it</source>
        <translation>Tempo: + og − endrer det med 5, T tapper det inn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap</source>
        <translation>Tapp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap the tempo (T)</source>
        <translation>Tapp inn tempoet (T)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key</source>
        <translation>Toneart</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Key of piano and bass: K goes up a fifth, Shift+K up a fourth</source>
        <translation>Toneart for piano og bass: K går opp en kvint, Skift+K opp en kvart</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clave</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>2-3</source>
        <translation>2-3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3-2</source>
        <translation>3-2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Swing</source>
        <translation>Swing</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Swing: 0 % straight, 100 % a triplet feel</source>
        <translation>Swing: 0 % rett, 100 % triolfølelse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Volume</source>
        <translation>Volum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count-in</source>
        <translation>Inntelling</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="-2"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+2"/>
        <source>One bar of clicks before the groove starts</source>
        <translation>Én takt med klikk før grooven starter</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+32"/>
        <source>Instructor</source>
        <translation>Instruktør</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Spanish</source>
        <translation>Spansk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Italian</source>
        <translation>Italiensk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French</source>
        <translation>Fransk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>German</source>
        <translation>Tysk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Russian</source>
        <translation>Russisk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Norwegian</source>
        <translation>Norsk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language the instructor counts in (turn the Instructor on below)</source>
        <translation>Språket instruktøren teller på (slå på Instruktør nedenfor)</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="-249"/>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+15"/>
        <source>Instruments</source>
        <translation>Instrumenter</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageEditor.cpp" line="-1"/>
        <source>New</source>
        <translation>Nytt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an empty program</source>
        <translation>Legg til et tomt program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this program</source>
        <translation>Kopier dette programmet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename this program</source>
        <translation>Gi dette programmet nytt navn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename program</source>
        <translation>Gi programmet nytt navn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Program name:</source>
        <translation>Programnavn:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete this program</source>
        <translation>Slett dette programmet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Steps</source>
        <translation>Steg</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Both hands</source>
        <translation>Begge hender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left hand</source>
        <translation>Venstre hånd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right hand</source>
        <translation>Høyre hånd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which hand new piano notes play</source>
        <translation>Hvilken hånd nye pianotoner spilles med</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+42"/>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All instruments</source>
        <translation>Alle instrumenter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrange</source>
        <translation>Arrangere</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+1"/>
        <source>Play / Pause</source>
        <translation>Spill / pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap Tempo</source>
        <translation>Tapp inn tempo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Faster (+5 BPM)</source>
        <translation>Raskere (+5 BPM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slower (−5 BPM)</source>
        <translation>Saktere (−5 BPM)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key Up a Fifth</source>
        <translation>Toneart opp en kvint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key Up a Fourth</source>
        <translation>Toneart opp en kvart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instrument %1 On or Off</source>
        <translation>Instrument %1 på eller av</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Instrument %1: Next Program</source>
        <translation>Instrument %1: neste program</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save Machine</source>
        <translation>Lagre maskin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import Machine…</source>
        <translation>Importer maskin …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyboard Shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="-12"/>
        <source>On or off</source>
        <translation>På eller av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On or off (%1)</source>
        <translation>På eller av (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on</source>
        <translation>%1 på</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+24"/>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+7"/>
        <source>Edit this instrument&apos;s program below</source>
        <translation>Rediger dette instrumentets program nedenfor</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+4"/>
        <source>Program (Alt+%1 for the next)</source>
        <translation>Program (Alt+%1 for neste)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 volume</source>
        <translation>Volum for %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mute</source>
        <translation>Demp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solo</source>
        <translation>Solo</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="-1"/>
        <source>The kit has no sound for some of this instrument&apos;s notes: they play silent</source>
        <translation>Settet har ingen lyd for noen av instrumentets toner: de spiller stille</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageFiles.cpp" line="-369"/>
        <source>%1 — not saved</source>
        <translation>%1 — ikke lagret</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (mine)</source>
        <translation>%1 (min)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>● unsaved changes</source>
        <translation>● ulagrede endringer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unsaved changes</source>
        <translation>Ulagrede endringer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>«%1» har endringer som ikke er lagret. Lagre dem først?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sharing needs a Bandmate server: sign in on the Sync page first.</source>
        <translation>Deling trenger en Bandmate-server: logg inn på Synkronisering-siden først.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the machine first (Ctrl+S): the shared copy is the machine as saved.</source>
        <translation>Lagre maskinen først (Ctrl+S): den delte kopien er maskinen slik den er lagret.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>That is not a shared groove&apos;s link: %1</source>
        <translation>Det er ikke lenken til en delt groove: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Taking a copy of %1…</source>
        <translation>Tar en kopi av %1 …</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Could not take a copy: %1</source>
        <translation>Kunne ikke ta en kopi: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” is one of your machines now: a copy of %2.</source>
        <translation>«%1» er en av maskinene dine nå: en kopi av %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save: %1</source>
        <translation>Kunne ikke lagre: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved “%1”.</source>
        <translation>Lagret «%1».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename machine</source>
        <translation>Gi maskinen nytt navn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (copy)</source>
        <translation> (kopi)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only your own saved machines can go to the trash.</source>
        <translation>Bare dine egne lagrede maskiner kan flyttes til papirkurven.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is in the trash (Machine ▸ Trash… restores it).</source>
        <translation>«%1» ligger i papirkurven (Maskin ▸ Papirkurv … gjenoppretter den).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trash</source>
        <translation>Papirkurv</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+39"/>
        <source>Restore</source>
        <translation>Gjenopprett</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+9"/>
        <source>Empty trash</source>
        <translation>Tøm papirkurven</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete these machines for good?</source>
        <translation>Slette disse maskinene for godt?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Versions are kept for your saved machines; save this one first.</source>
        <translation>Versjoner tas vare på for de lagrede maskinene dine; lagre denne først.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versions of “%1”</source>
        <translation>Versjoner av «%1»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Version restored; save to keep it (Ctrl+Z undoes it).</source>
        <translation>Versjonen er gjenopprettet; lagre for å beholde den (Ctrl+Z angrer).</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+12"/>
        <source>Import machine</source>
        <translation>Importer maskin</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+46"/>
        <source>Beat machines (*.xml)</source>
        <translation>Rytmemaskiner (*.xml)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>This file is not a machine Bandmate can read. Nothing was changed. %1</source>
        <translation>Denne filen er ikke en maskin Bandmate kan lese. Ingenting ble endret. %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported “%1”; save it to keep it among your machines.</source>
        <translation>Importerte «%1»; lagre den for å ha den blant maskinene dine.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export machine</source>
        <translation>Eksporter maskin</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export MIDI</source>
        <translation>Eksporter MIDI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export WAV</source>
        <translation>Eksporter WAV</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The machine&apos;s loop</source>
        <translation>Maskinens løkke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tune “%1”, whole</source>
        <translation>Låten «%1», hel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What:</source>
        <translation>Hva:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+43"/>
        <source> bars</source>
        <translation> takter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>Lengde:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One bar of clicks first</source>
        <translation>Én takt med klikk først</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seamless loop (ringing notes wrap to the start)</source>
        <translation>Sømløs løkke (toner som klinger, fortsetter fra starten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count-in:</source>
        <translation>Inntelling:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loop:</source>
        <translation>Løkke:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-filer (*.mid)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WAV files (*.wav)</source>
        <translation>WAV-filer (*.wav)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrote %1 (%2 notes).</source>
        <translation>Skrev %1 (%2 toner).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not exported: the tune “%1” has no sections.</source>
        <translation>Ikke eksportert: låten «%1» har ingen deler.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rendering “%1”…</source>
        <translation>Gjengir «%1» …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Wrote %1.</source>
        <translation>Skrev %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not exported: %1</source>
        <translation>Ikke eksportert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-20"/>
        <source>Tempo trainer</source>
        <translation>Tempotrener</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the tempo while I play</source>
        <translation>Endre tempoet mens jeg spiller</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Start at:</source>
        <translation>Start på:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go towards:</source>
        <translation>Gå mot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change by:</source>
        <translation>Endre med:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every:</source>
        <translation>Hver:</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+82"/>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Play / pause / continue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Stop and go back to the start&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tap the tempo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;+&lt;/b&gt; / &lt;b&gt;−&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tempo up / down by 5 BPM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt; / &lt;b&gt;Shift+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Key up a fifth / up a fourth&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; … &lt;b&gt;9&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Turn instrument 1 … 10 on or off&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt; … &lt;b&gt;Alt+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next program of instrument 1 … 10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / redo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save as one of your machines&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+I&lt;/b&gt; / &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Import a machine / export WAV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Arrows&lt;/b&gt;, &lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the step editor: move, add or remove a note&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Up&lt;/b&gt; / &lt;b&gt;Ctrl+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the step editor: louder / softer note&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mouse wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Over a note: its velocity&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt; or &lt;b&gt;?&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This list&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mellomrom&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Spill / pause / fortsett&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Stopp og gå tilbake til starten&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tapp inn tempoet&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;+&lt;/b&gt; / &lt;b&gt;−&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tempo opp / ned med 5 BPM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt; / &lt;b&gt;Skift+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Toneart opp en kvint / opp en kvart&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; … &lt;b&gt;9&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Slå instrument 1 … 10 på eller av&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt; … &lt;b&gt;Alt+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Neste program for instrument 1 … 10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Skift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Angre / gjør om&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lagre som en av maskinene dine&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+I&lt;/b&gt; / &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Importer en maskin / eksporter WAV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Piltaster&lt;/b&gt;, &lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;I stegredigereren: flytt, legg til eller fjern en tone&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Opp&lt;/b&gt; / &lt;b&gt;Ctrl+Ned&lt;/b&gt;&lt;/td&gt;&lt;td&gt;I stegredigereren: sterkere / svakere tone&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Musehjul&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Over en tone: anslagsstyrken&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt; eller &lt;b&gt;?&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Denne listen&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Beat Machine shortcuts</source>
        <translation>Hurtigtaster for rytmemaskinen</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::BeatSession</name>
    <message>
        <location filename="../../ui/beats/BeatSession.cpp" line="+142"/>
        <source>The built-in sample kit could not be loaded (%1); the beat plays silently.</source>
        <translation>Det innebygde lydsettet kunne ikke lastes (%1); rytmen spilles uten lyd.</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Restore version</source>
        <translation>Gjenopprett versjon</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Turn on %1</source>
        <translation>Slå på %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn off %1</source>
        <translation>Slå av %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose program</source>
        <translation>Velg program</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Change volume</source>
        <translation>Endre volum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change tempo</source>
        <translation>Endre tempo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change key</source>
        <translation>Endre toneart</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clave 3-2</source>
        <translation>Clave 3-2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clave 2-3</source>
        <translation>Clave 2-3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change master volume</source>
        <translation>Endre hovedvolum</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit step</source>
        <translation>Rediger steg</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change velocity</source>
        <translation>Endre anslagsstyrke</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Change program length</source>
        <translation>Endre programlengde</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add program</source>
        <translation>Legg til program</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New program %1</source>
        <translation>Nytt program %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate program</source>
        <translation>Dupliser program</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (copy)</source>
        <translation> (kopi)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename program</source>
        <translation>Gi programmet nytt navn</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An instrument keeps at least one program.</source>
        <translation>Et instrument har alltid minst ett program.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete program</source>
        <translation>Slett program</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>New arrangement</source>
        <translation>Nytt arrangement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tune</source>
        <translation>Låt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Another arrangement is called “%1”.</source>
        <translation>Et annet arrangement heter allerede «%1».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename arrangement</source>
        <translation>Gi arrangementet nytt navn</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete arrangement</source>
        <translation>Slett arrangement</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add section</source>
        <translation>Legg til del</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Section</source>
        <translation>Del</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Repeat section</source>
        <translation>Gjenta del</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Duplicate section</source>
        <translation>Dupliser del</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete section</source>
        <translation>Slett del</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Move section</source>
        <translation>Flytt del</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No section of this arrangement has a break to play.</source>
        <translation>Ingen del av dette arrangementet har et brekk å spille.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename machine</source>
        <translation>Gi maskinen nytt navn</translation>
    </message>
    <message>
        <location line="+389"/>
        <source>MIDI out goes through JACK: choose the JACK driver in Preferences › Audio.</source>
        <translation>MIDI ut går gjennom JACK: velg JACK-driveren i Innstillinger › Lyd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MIDI clock out</source>
        <translation>MIDI-klokke ut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MIDI notes out</source>
        <translation>MIDI-noter ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MIDI out is off: %1</source>
        <translation>MIDI ut er av: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>MIDI out is there on Linux only for now.</source>
        <translation>MIDI ut finnes bare på Linux foreløpig.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Ableton Link is on: turn it off to follow a MIDI clock (one clock at a time).</source>
        <translation>Ableton Link er på: slå det av for å følge en MIDI-klokke (én klokke om gangen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JACK transport is on: turn it off to follow a MIDI clock (one clock at a time).</source>
        <translation>JACK-transport er på: slå den av for å følge en MIDI-klokke (én klokke om gangen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A MIDI clock is followed through JACK: choose the JACK driver in Preferences › Audio.</source>
        <translation>En MIDI-klokke følges gjennom JACK: velg JACK-driveren i Innstillinger › Lyd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MIDI clock in</source>
        <translation>MIDI-klokke inn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following the MIDI clock is off: %1</source>
        <translation>Å følge MIDI-klokken er av: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Following a MIDI clock is there on Linux only for now.</source>
        <translation>Å følge en MIDI-klokke finnes bare på Linux foreløpig.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pedal for the sections</source>
        <translation>Pedal for delene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pedal&apos;s notes do not move the arrangement: %1</source>
        <translation>Pedalens noter flytter ikke arrangementet: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pedal %1 is not there now: its notes move the arrangement once it is.</source>
        <translation>Pedalen %1 er ikke der nå: notene flytter arrangementet så snart den er der.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A pedal&apos;s MIDI notes are heard on Linux only for now.</source>
        <translation>MIDI-notene fra en pedal høres foreløpig bare på Linux.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The JACK server went away: the pedal&apos;s notes no longer move the arrangement.</source>
        <translation>JACK-serveren forsvant: pedalens noter flytter ikke lenger arrangementet.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The JACK server went away: following the MIDI clock is off.</source>
        <translation>JACK-serveren forsvant: å følge MIDI-klokken er av.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The MIDI clock was lost: its ticks stopped coming while it played. The groove waits for its Start or Continue.</source>
        <translation>MIDI-klokken forsvant: tikkene sluttet å komme mens den spilte. Grooven venter på Start eller Continue.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ableton Link is on: turn it off to follow JACK&apos;s transport (one clock at a time).</source>
        <translation>Ableton Link er på: slå det av for å følge JACK-transporten (én klokke om gangen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A MIDI clock is followed: turn it off to use JACK&apos;s transport (one clock at a time).</source>
        <translation>En MIDI-klokke følges: slå den av for å bruke JACK-transporten (én klokke om gangen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JACK&apos;s transport is followed through the JACK driver: choose it in Preferences › Audio.</source>
        <translation>JACK-transporten følges gjennom JACK-driveren: velg den i Innstillinger › Lyd.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JACK transport is off: %1</source>
        <translation>JACK-transporten er av: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>JACK transport is there on Linux only.</source>
        <translation>JACK-transport finnes bare på Linux.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The JACK server went away: JACK transport is off.</source>
        <translation>JACK-serveren forsvant: JACK-transporten er av.</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>The JACK server went away: MIDI out is off.</source>
        <translation>JACK-serveren forsvant: MIDI ut er av.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The audio engine missed some changes (tempo, play or stop): press Stop, then Play, to start afresh.</source>
        <translation>Lydmotoren gikk glipp av noen endringer (tempo, spill av eller stopp): trykk Stopp og så Spill for å begynne på nytt.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Could not record the practice session: %1</source>
        <translation>Kunne ikke registrere øvingsøkten: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not count the practice for your roadmap: %1</source>
        <translation>Kunne ikke telle øvingen med i veikartet ditt: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ConflictList</name>
    <message>
        <location filename="../../ui/sync/ConflictList.cpp" line="+18"/>
        <source>Edits that lost to another computer</source>
        <translation>Endringer som tapte mot en annen datamaskin</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kept text</source>
        <translation>Bevart tekst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Written</source>
        <translation>Skrevet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kept from the other edit:</source>
        <translation>Bevart fra den andre endringen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the item now:</source>
        <translation>I elementet nå:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Restore this text</source>
        <translation>&amp;Gjenopprett denne teksten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the kept text back in the item; the text it replaces is kept here in turn</source>
        <translation>Sett den bevarte teksten tilbake i elementet; teksten den erstatter, blir i sin tur bevart her</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Avvis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget the kept text; the item stays as it is</source>
        <translation>Glem den bevarte teksten; elementet forblir som det er</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not read the conflict log: %1</source>
        <translation>Kunne ikke lese konfliktloggen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None. When the same notes, chart or description are changed on two computers before they sync, the newer text is kept and the other one appears here.</source>
        <translation>Ingen. Når de samme notatene, det samme akkordarket eller den samme beskrivelsen endres på to datamaskiner før de synkroniseres, beholdes den nyeste teksten, og den andre vises her.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One text was changed on two computers at once. The newer edit was kept; the other one is here to bring back if it was the one you wanted.</source>
        <translation>Én tekst ble endret på to datamaskiner samtidig. Den nyeste endringen ble beholdt; den andre ligger her i tilfelle det var den du ville ha.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 texts were changed on two computers at once. The newer edits were kept; the others are here to bring back if they were the ones you wanted.</source>
        <translation>%1 tekster ble endret på to datamaskiner samtidig. De nyeste endringene ble beholdt; de andre ligger her i tilfelle det var dem du ville ha.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Could not restore the text: %1</source>
        <translation>Kunne ikke gjenopprette teksten: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not dismiss it: %1</source>
        <translation>Kunne ikke avvise den: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/DashboardPage.cpp" line="+72"/>
        <source>Dashboard</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Your dashboard starts with a roadmap&lt;/h3&gt;&lt;p&gt;Open the &lt;b&gt;Roadmap&lt;/b&gt; page (Ctrl+2) and start one of the career roadmaps — singer-songwriter, producer, touring band or Latin percussionist — or run &lt;code&gt;bandmate-cli roadmap start latin-percussionist&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Practice on the &lt;b&gt;Beat Machine&lt;/b&gt; counts by itself; other progress you log as you go. Trends, a consistency map, your streak and achievements appear here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Oversikten din starter med et veikart&lt;/h3&gt;&lt;p&gt;Åpne siden &lt;b&gt;Veikart&lt;/b&gt; (Ctrl+2) og start et av karriereveikartene — låtskriver, produsent, turnerende band eller latinperkusjonist — eller kjør &lt;code&gt;bandmate-cli roadmap start latin-percussionist&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Øving på &lt;b&gt;Rytmemaskinen&lt;/b&gt; telles av seg selv; annen fremgang fører du etter hvert. Trender, et jevnhetskart, rekken din og prestasjonene dine vises her.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Today: due to-dos and the next roadmap actions</source>
        <translation>I dag: gjøremål som forfaller og de neste stegene i veikartet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today — due to-dos and your next actions:</source>
        <translation>I dag — gjøremål som forfaller og de neste stegene dine:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Streak</source>
        <translation>Rekke</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress per stage</source>
        <translation>Fremdrift per etappe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What went well this week? What is the one thing for next week?</source>
        <translation>Hva gikk bra denne uken? Hva er den ene tingen for neste uke?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A few lines are enough.</source>
        <translation>Noen få linjer holder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done my weekly review</source>
        <translation>Ukesgjennomgangen er gjort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weekly review</source>
        <translation>Ukesgjennomgang</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trends</source>
        <translation>Trender</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Achievements</source>
        <translation>Prestasjoner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consistency, last 26 weeks</source>
        <translation>Jevnhet, siste 26 uker</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 — %2 % done</source>
        <translation>%1 — %2 % ferdig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 — %3 % done</source>
        <translation>%1 · %2 — %3 % ferdig</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done %</source>
        <translation>% ferdig</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 days</source>
        <translation>%1 dager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active since %1; best %2 days. One day off in a row is a rest day and keeps it.</source>
        <translation>Aktiv siden %1; beste %2 dager. Én fridag på rad er en hviledag og holder rekken.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practise or log something today to start a streak (best so far: %1 days).</source>
        <translation>Øv eller før noe i dag for å starte en rekke (beste så langt: %1 dager).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Practice minutes</source>
        <translation>Øvingsminutter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practice sessions</source>
        <translation>Øvingsøkter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows played</source>
        <translation>Spilte konserter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid shows</source>
        <translation>Betalte konserter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Songs added</source>
        <translation>Sanger lagt til</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>As measured</source>
        <translation>Slik det ble målt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running total</source>
        <translation>Løpende sum</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved. See you next week.</source>
        <translation>Lagret. Vi ses neste uke.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::EntryDialog</name>
    <message>
        <location filename="../../ui/setlists/EntryDialog.cpp" line="+18"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Song in the set</source>
        <translation>Sang i settet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Label:</source>
        <translation>&amp;Etikett:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Song:</source>
        <translation>Sang:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the song&apos;s own length</source>
        <translation>sangens egen lengde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L&amp;ength:</source>
        <translation>L&amp;engde:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L&amp;ength here:</source>
        <translation>L&amp;engde her:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> semitones</source>
        <translation> halvtoner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Transpose:</source>
        <translation>&amp;Transponer:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cover, guest, tape, segue…</source>
        <translation>cover, gjest, opptak, overgang …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FanVoteDialog</name>
    <message>
        <location filename="../../ui/setlists/FanVoteDialog.cpp" line="+64"/>
        <source>Fan vote — %1</source>
        <translation>Fanavstemning — %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Fans scan a QR code or type a short code, vote on their phones (no app, no account) and watch the tally move. You see it here live.</source>
        <translation>Fansen skanner en QR-kode eller skriver en kort kode, stemmer på mobilen (uten app og konto) og ser opptellingen bevege seg. Du ser den her, direkte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which songs should we play in the encore?</source>
        <translation>Hvilke låter skal vi spille som ekstranummer?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Question:</source>
        <translation>&amp;Spørsmål:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+508"/>
        <location line="+368"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="-866"/>
        <source>Find a song (Ctrl+F)</source>
        <translation>Finn en låt (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Songs to vote on:</source>
        <translation>&amp;Låter å stemme på:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> per fan</source>
        <translation> per fan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Votes:</source>
        <translation>S&amp;temmer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fans see the tally at once</source>
        <translation>Fansen ser opptellingen med en gang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans see the tally after they vote</source>
        <translation>Fansen ser opptellingen etter at de har stemt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans see the tally when the vote closes</source>
        <translation>Fansen ser opptellingen når avstemningen stenger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the band sees the tally</source>
        <translation>Bare bandet ser opptellingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Results:</source>
        <translation>&amp;Resultater:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans may suggest songs (you list them before anyone can vote for them)</source>
        <translation>Fansen kan foreslå låter (du godkjenner dem før noen kan stemme på dem)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Opens:</source>
        <translation>&amp;Åpner:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Nå</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>At a time</source>
        <translation>På et tidspunkt</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>When I open it</source>
        <translation>Når jeg åpner den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;loses:</source>
        <translation>S&amp;tenger:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When I close it</source>
        <translation>Når jeg stenger den</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+258"/>
        <location line="+69"/>
        <source>Create the vote</source>
        <translation>Opprett avstemningen</translation>
    </message>
    <message>
        <location line="-322"/>
        <source>Discard the kept vote</source>
        <translation>Forkast den lagrede avstemningen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy link</source>
        <translation>Kopier lenke</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link is on the clipboard.</source>
        <translation>Lenken er på utklippstavlen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save QR code…</source>
        <translation>Lagre QR-kode …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen</source>
        <translation>Fullskjerm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code and QR code, big, for a projector (Esc to leave)</source>
        <translation>Koden og QR-koden, stort, for en projektor (Esc for å gå ut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print poster…</source>
        <translation>Skriv ut plakat …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A page with the question, a large QR code, the link and the code, for the venue&apos;s walls</source>
        <translation>En side med spørsmålet, en stor QR-kode, lenken og koden, til veggene på spillestedet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fan vote %1</source>
        <translation>Fanavstemning %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The poster could not be printed: the printer (or the file) refused it.</source>
        <translation>Plakaten kunne ikke skrives ut: skriveren (eller filen) avviste den.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open voting</source>
        <translation>Åpne avstemningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close voting</source>
        <translation>Steng avstemningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset…</source>
        <translation>Nullstill …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes back every fan&apos;s votes</source>
        <translation>Trekker tilbake alle fansenes stemmer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset the vote?</source>
        <translation>Nullstille avstemningen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back every fan&apos;s votes? The vote stays open and fans can vote again. This cannot be undone.</source>
        <translation>Trekke tilbake alle fansenes stemmer? Avstemningen holdes åpen, og fansen kan stemme igjen. Dette kan ikke angres.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New vote…</source>
        <translation>Ny avstemning …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare another vote for this show (this one stays on your server)</source>
        <translation>Forbered en ny avstemning for denne konserten (denne blir liggende på serveren din)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestions waiting for you (fans vote for them once you list them):</source>
        <translation>Forslag som venter på deg (fansen kan stemme på dem når du godkjenner dem):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List it</source>
        <translation>Godkjenn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans can vote for it from now on</source>
        <translation>Fansen kan stemme på den fra nå av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide it</source>
        <translation>Skjul</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a suggestion first.</source>
        <translation>Velg et forslag først.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Use the result: the top</source>
        <translation>Bruk resultatet: de</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No votes yet.</source>
        <translation>Ingen stemmer ennå.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Your server cannot be reached now (%1); the code and QR code work, and the tally comes when it answers.</source>
        <translation>Serveren din kan ikke nås nå (%1); koden og QR-koden virker, og opptellingen kommer når den svarer.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This show&apos;s vote (code %1) is not on your server any more. Create it again, or make a new one.</source>
        <translation>Avstemningen for denne konserten (kode %1) er ikke lenger på serveren din. Opprett den på nytt, eller lag en ny.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Publish the vote</source>
        <translation>Publiser avstemningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your server refused this vote: %1. Change it and publish it again, or discard it.</source>
        <translation>Serveren din avviste denne avstemningen: %1. Endre den og publiser den på nytt, eller forkast den.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>This vote is kept on this computer. It goes to your server when you are signed in and online, or now with Publish.</source>
        <translation>Denne avstemningen er lagret på denne datamaskinen. Den går til serveren din når du er logget inn og på nett, eller nå med Publiser.</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>songs into</source>
        <translation>låter inn i</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the encore</source>
        <translation>ekstranummeret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use result</source>
        <translation>Bruk resultatet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puts them into the show (Ctrl+Z on the Setlists page takes them out again)</source>
        <translation>Legger dem inn i konserten (Ctrl+Z på settliste-siden tar dem ut igjen)</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n song(s) placed in %1.</source>
        <translation>
            <numerusform>%n låt lagt i %1.</numerusform>
            <numerusform>%n låter lagt i %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Those songs are in %1 already.</source>
        <translation>De låtene er allerede i %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The songs could not be placed: the Setlists page says why.</source>
        <translation>Låtene kunne ikke legges inn: settliste-siden sier hvorfor.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Looking for this show&apos;s vote on your server…</source>
        <translation>Ser etter konsertens avstemning på serveren din …</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>On your server: code %1</source>
        <translation>På serveren din: kode %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The kept vote could not be discarded: %1</source>
        <translation>Den lagrede avstemningen kunne ikke forkastes: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kept vote is discarded (on your other computers too, after they sync).</source>
        <translation>Den lagrede avstemningen er forkastet (også på de andre datamaskinene dine når de synkroniserer).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tick at least one song for the fans to vote on.</source>
        <translation>Huk av minst én låt fansen kan stemme på.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask the fans something.</source>
        <translation>Spør fansen om noe.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The closing time has passed: pick a later one, or close it by hand.</source>
        <translation>Stengetiden har passert: velg en senere, eller steng den for hånd.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>This vote was published from another computer meanwhile; the changes here were not applied.</source>
        <translation>Denne avstemningen ble publisert fra en annen datamaskin i mellomtiden; endringene her ble ikke tatt med.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The vote could not be kept: %1</source>
        <translation>Avstemningen kunne ikke lagres: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The vote is kept on this computer and goes to your server when you are signed in and online (%1).</source>
        <translation>Avstemningen er lagret på denne datamaskinen og går til serveren din når du er logget inn og på nett (%1).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This vote was published from another computer before; that one stands and the changes here were not applied.</source>
        <translation>Denne avstemningen var allerede publisert fra en annen datamaskin; den gjelder, og endringene her ble ikke tatt med.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The vote is on your server. Show fans the code or the QR code.</source>
        <translation>Avstemningen ligger på serveren din. Vis fansen koden eller QR-koden.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n song(s) ticked, %1 of them not shown by the search</source>
        <translation>
            <numerusform>%n låt krysset av, %1 av dem vises ikke i søket</numerusform>
            <numerusform>%n låter krysset av, %1 av dem vises ikke i søket</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n song(s) ticked</source>
        <translation>
            <numerusform>%n låt krysset av</numerusform>
            <numerusform>%n låter krysset av</numerusform>
        </translation>
    </message>
    <message>
        <location line="+143"/>
        <source>This vote is no longer on your server (or belongs to another account).</source>
        <translation>Denne avstemningen finnes ikke lenger på serveren din (eller tilhører en annen konto).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open: fans are voting</source>
        <translation>Åpen: fansen stemmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not open yet</source>
        <translation>Ikke åpnet ennå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for your server</source>
        <translation>Venter på serveren din</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Stengt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · reconnecting to your server…</source>
        <translation>%1 · kobler til serveren din igjen …</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n fan(s) voted</source>
        <translation>
            <numerusform>%n fan har stemt</numerusform>
            <numerusform>%n fans har stemt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n vote(s) in the last minute</source>
        <translation>
            <numerusform>%n stemme siste minutt</numerusform>
            <numerusform>%n stemmer siste minutt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Votes came in during the last ten seconds</source>
        <translation>Det kom stemmer de siste ti sekundene</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Every vote was taken back; the vote goes on.</source>
        <translation>Alle stemmer ble trukket tilbake; avstemningen fortsetter.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan with your phone, or open</source>
        <translation>Skann med mobilen, eller åpne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the QR code</source>
        <translation>Lagre QR-koden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fan-vote-%1.png</source>
        <translation>fanavstemning-%1.png</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-bilde (*.png);;SVG-bilde (*.svg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>Lagret %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not save %1: %2</source>
        <translation>Kunne ikke lagre %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vote at %1 — code %2</source>
        <translation>Stem på %1 — kode %2</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedDownloadsPanel</name>
    <message>
        <location filename="../../ui/library/FeedDownloadsPanel.cpp" line="+50"/>
        <source>Downloads</source>
        <translation>Nedlastinger</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Song</source>
        <translation>Sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Try again</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+255"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Show in folder</source>
        <translation>Vis i mappen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clean up now</source>
        <translation>Rydd nå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the played downloads past their days, and those of posts you removed</source>
        <translation>Fjern avspilte nedlastinger som har passert dagene sine, og dem fra innlegg du har fjernet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change…</source>
        <translation>Endre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where downloads go</source>
        <translation>Hvor nedlastinger havner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove played downloads after</source>
        <translation>Fjern avspilte nedlastinger etter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> dager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted from when the post was played; starred posts and songs you added to the library stay</source>
        <translation>Regnet fra da innlegget ble spilt; stjernemerkede innlegg og sanger du la til i biblioteket blir</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Downloads go to</source>
        <translation>Nedlastinger havner i</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+181"/>
        <source>In your library</source>
        <translation>I biblioteket ditt</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Downloaded %1</source>
        <translation>Lastet ned %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>Venter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped (goes on at the next start, or Try again)</source>
        <translation>Stoppet (fortsetter ved neste oppstart, eller med Prøv igjen)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop it and throw away what came (Delete)</source>
        <translation>Stopp den og kast det som har kommet (Delete)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the downloaded file (Delete)</source>
        <translation>Slett den nedlastede filen (Delete)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cancel the download</source>
        <translation>Avbryt nedlastingen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forget this download and throw away what came so far?</source>
        <translation>Glemme denne nedlastingen og kaste det som har kommet så langt?</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>No downloads yet: pick a post&apos;s song and press Download (Ctrl+D).</source>
        <translation>Ingen nedlastinger ennå: velg en sang i et innlegg og trykk Last ned (Ctrl+D).</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Remove the download</source>
        <translation>Fjern nedlastingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget this download? Its file stays: your library has it.
%1</source>
        <translation>Glemme denne nedlastingen? Filen blir: biblioteket ditt har den.
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the downloaded file?
%1</source>
        <translation>Slette den nedlastede filen?
%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>New downloads go to %1; those made stay where they are.</source>
        <translation>Nye nedlastinger havner i %1; de som er gjort, blir der de er.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to clean up.</source>
        <translation>Ingenting å rydde.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n download(s) removed (%1).</source>
        <translation>
            <numerusform>%n nedlasting fjernet (%1).</numerusform>
            <numerusform>%n nedlastinger fjernet (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not remove: %1</source>
        <translation>Kunne ikke fjerne: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedItemModel</name>
    <message>
        <location filename="../../ui/library/FeedItemModel.cpp" line="+63"/>
        <source>(untitled)</source>
        <translation>(uten tittel)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starred</source>
        <translation>Stjernemerket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Played</source>
        <translation>Spilt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Songs</source>
        <translation>Sanger</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedStream</name>
    <message>
        <location filename="../../ui/library/FeedStream.cpp" line="+76"/>
        <source>Cannot play it: %1</source>
        <translation>Kan ikke spille den: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedsView</name>
    <message>
        <location filename="../../ui/library/FeedsView.cpp" line="+86"/>
        <source>Follow a feed…</source>
        <translation>Følg en feed…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A music blog&apos;s or podcast&apos;s address, or its web page (Ctrl+Shift+F)</source>
        <translation>Adressen til en musikkblogg eller podkast, eller nettsiden dens (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow a feed</source>
        <translation>Følg en feed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The feed&apos;s address, or the web page of a blog or podcast:</source>
        <translation>Adressen til feeden, eller nettsiden til en blogg eller podkast:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask every feed for new posts now (F5)</source>
        <translation>Spør alle feedene etter nye innlegg nå (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1129"/>
        <source>Mark all seen</source>
        <translation>Merk alt som sett</translation>
    </message>
    <message>
        <location line="-1127"/>
        <source>Nothing shown here is new any more</source>
        <translation>Ingenting som vises her er nytt lenger</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v of %m feeds</source>
        <translation>%v av %m feeder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search posts and songs — feed:name new:yes starred:yes artist:…</source>
        <translation>Søk i innlegg og sanger — feed:navn new:yes starred:yes artist:…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+64"/>
        <source>Feeds</source>
        <translation>Feeder</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+61"/>
        <location line="+502"/>
        <source>Play</source>
        <translation>Spill</translation>
    </message>
    <message>
        <location line="-561"/>
        <source>Star or unstar</source>
        <translation>Stjernemerk eller fjern stjernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark new or seen</source>
        <translation>Merk som ny eller sett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the post</source>
        <translation>Åpne innlegget</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Song</source>
        <translation>Sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posted by</source>
        <translation>Lagt ut av</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Songs in the post</source>
        <translation>Sanger i innlegget</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stream the song (Enter); it goes on from where you left it</source>
        <translation>Strøm sangen (Enter); den fortsetter der du slapp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to library</source>
        <translation>Legg til i biblioteket</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In your library now.</source>
        <translation>Nå i biblioteket ditt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to show…</source>
        <translation>Legg til i en konsert…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Star</source>
        <translation>Stjerne</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Songs</source>
        <translation>Sanger</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+64"/>
        <location line="+401"/>
        <location line="+477"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-1119"/>
        <source>Stop refreshing</source>
        <translation>Stopp oppdateringen</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+70"/>
        <source>Download</source>
        <translation>Last ned</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>In your library now, with its downloaded file.</source>
        <translation>I biblioteket ditt nå, med den nedlastede filen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Stop playing</source>
        <translation>Stopp avspillingen</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Resume</source>
        <translation>Fortsett</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Downloaded: %1</source>
        <translation>Lastet ned: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not download %1: %2</source>
        <translation>Kunne ikke laste ned %1: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not remove old downloads: %1</source>
        <translation>Kunne ikke fjerne gamle nedlastinger: %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>All feeds (%1 new)</source>
        <translation>Alle feeder (%1 nye)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All feeds</source>
        <translation>Alle feeder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nye</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starred</source>
        <translation>Stjernemerket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked by several feeds</source>
        <translation>Valgt av flere feeder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Songs that two or more of your feeds posted</source>
        <translation>Sanger som to eller flere av feedene dine har lagt ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloads (%1)</source>
        <translation>Nedlastinger (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Downloads</source>
        <translation>Nedlastinger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Songs downloaded from your feeds, and those on their way</source>
        <translation>Sanger lastet ned fra feedene dine, og de som er på vei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — paused</source>
        <translation> — pauset</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tries again %1</source>
        <translation>Prøver igjen %1</translation>
    </message>
    <message>
        <location line="+121"/>
        <location line="+117"/>
        <location line="+24"/>
        <source>  (in your library)</source>
        <translation>  (i biblioteket ditt)</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>No song was posted by two of your feeds yet.</source>
        <translation>Ingen sang er lagt ut av to av feedene dine ennå.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Nothing here yet. Follow a blog or a podcast, or refresh.</source>
        <translation>Ingenting her ennå. Følg en blogg eller en podkast, eller oppdater.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No posts here.</source>
        <translation>Ingen innlegg her.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(untitled)</source>
        <translation>(uten tittel)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>played</source>
        <translation>spilt</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>downloaded</source>
        <translation>lastet ned</translation>
    </message>
    <message>
        <location line="-401"/>
        <location line="+408"/>
        <source>downloading</source>
        <translation>laster ned</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This post has no song file to download (a player&apos;s song is heard on its site).</source>
        <translation>Dette innlegget har ingen sangfil å laste ned (en spillers sang høres på nettstedet sitt).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Downloaded already: %1</source>
        <translation>Allerede lastet ned: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading to %1…</source>
        <translation>Laster ned til %1…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Remove post</source>
        <translation>Fjern innlegget</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove “%1”? It stays removed, also when its feed lists it again.</source>
        <translation>Fjerne «%1»? Det forblir fjernet, også når feeden viser det igjen.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No show yet: make one in Setlists first.</source>
        <translation>Ingen konserter ennå: lag en i Setlister først.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add to show</source>
        <translation>Legg til i en konsert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This show has no set yet: add one in Setlists.</source>
        <translation>Denne konserten har ikke noe sett ennå: legg til et i Setlister.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show</source>
        <translation>Konsert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set</source>
        <translation>Sett</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added to %1, %2.</source>
        <translation>Lagt til i %1, %2.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Playing: %1</source>
        <translation>Spiller: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n post(s) marked seen</source>
        <translation>
            <numerusform>%n innlegg merket som sett</numerusform>
            <numerusform>%n innlegg merket som sett</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Following it once the refresh under way is done.</source>
        <translation>Følger den så snart oppdateringen som pågår, er ferdig.</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>This post has no song to play.</source>
        <translation>Dette innlegget har ingen sang å spille.</translation>
    </message>
    <message>
        <location line="-707"/>
        <source>Keep the song&apos;s file on this computer, tagged from its feed (Ctrl+D in the list of posts)</source>
        <translation>Behold sangens fil på denne datamaskinen, merket fra feeden (Ctrl+D i listen over innlegg)</translation>
    </message>
    <message>
        <location line="+501"/>
        <source>waiting</source>
        <translation>venter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>download failed (Downloads says why)</source>
        <translation>nedlastingen mislyktes (Nedlastinger sier hvorfor)</translation>
    </message>
    <message>
        <location line="+276"/>
        <source>Cannot follow it: %1</source>
        <translation>Kan ikke følge den: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n nytt innlegg</numerusform>
            <numerusform>%n nye innlegg</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No new posts</source>
        <translation>Ingen nye innlegg</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n feed(s) wait for a server that asked for a pause</source>
        <translation>
            <numerusform>%n feed venter på en server som ba om en pause</numerusform>
            <numerusform>%n feeder venter på en server som ba om en pause</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n feed(s) had a problem (their ⚠ says what)</source>
        <translation>
            <numerusform>%n feed hadde et problem (⚠ sier hva)</numerusform>
            <numerusform>%n feeder hadde et problem (⚠ sier hva)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped; what came in is kept</source>
        <translation>stoppet; det som kom inn, beholdes</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Rename folder…</source>
        <translation>Gi mappen nytt navn…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename folder</source>
        <translation>Gi mappen nytt navn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove folder (its feeds stay)</source>
        <translation>Fjern mappen (feedene blir)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh this feed</source>
        <translation>Oppdater denne feeden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename…</source>
        <translation>Gi nytt navn…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename feed</source>
        <translation>Gi feeden nytt navn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name (empty: the feed&apos;s own):</source>
        <translation>Navn (tomt: feedens eget):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to folder…</source>
        <translation>Flytt til mappe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(top)</source>
        <translation>(øverst)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to folder</source>
        <translation>Flytt til mappe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder (type a new name to make one):</source>
        <translation>Mappe (skriv et nytt navn for å lage en):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow again</source>
        <translation>Følg igjen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open its site</source>
        <translation>Åpne nettstedet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop following…</source>
        <translation>Slutt å følge…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop following</source>
        <translation>Slutt å følge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop following “%1”?</source>
        <translation>Slutte å følge «%1»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep its posts</source>
        <translation>Behold innleggene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove its posts too</source>
        <translation>Fjern innleggene også</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::LibraryPage</name>
    <message>
        <location filename="../../ui/library/LibraryPage.cpp" line="+60"/>
        <source>Library</source>
        <translation>Bibliotek</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Duplicates…</source>
        <translation>Duplikater …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Files with the same content, songs with the same title and artist</source>
        <translation>Filer med samme innhold, sanger med samme tittel og artist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan</source>
        <translation>Skann på nytt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the watched folders again: only what changed</source>
        <translation>Les de overvåkede mappene på nytt: bare det som er endret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add folder…</source>
        <translation>Legg til mappe …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch a music folder and read its audio files</source>
        <translation>Overvåk en musikkmappe og les lydfilene i den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a music folder</source>
        <translation>Legg til en musikkmappe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New song…</source>
        <translation>Ny sang …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A song without an audio file (Ctrl+N)</source>
        <translation>En sang uten lydfil (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New song</source>
        <translation>Ny sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title:</source>
        <translation>Tittel:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Search (Ctrl+F): artist:blades key:Am bpm:110-130 -tag:slow</source>
        <translation>Søk (Ctrl+F): artist:blades key:Am bpm:110-130 -tag:slow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words, &quot;a phrase&quot;, artist:blades, key:Am, bpm:110-130, duration:&lt;4m, -tag:slow, salsa | son</source>
        <translation>Ord, &quot;en frase&quot;, artist:blades, key:Am, bpm:110-130, duration:&lt;4m, -tag:slow, salsa | son</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole grammar is in resources/library/SEARCH.md</source>
        <translation>Hele søkegrammatikken står i resources/library/SEARCH.md</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+596"/>
        <source>All songs</source>
        <translation>Alle sanger</translation>
    </message>
    <message>
        <location line="-595"/>
        <source>Gig-ready</source>
        <translation>Klar for scenen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rehearsed</source>
        <translation>Øvd inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning</source>
        <translation>Under innlæring</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Play</source>
        <translation>Spill av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to queue</source>
        <translation>Legg i køen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add to playlist</source>
        <translation>Legg til i spilleliste</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No playlists yet</source>
        <translation>Ingen spillelister ennå</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move up in the playlist</source>
        <translation>Flytt opp i spillelisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down in the playlist</source>
        <translation>Flytt ned i spillelisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Fjern …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete song</source>
        <translation>Slett sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete “%1” from the library? Its audio files stay on disk.</source>
        <translation>Slette «%1» fra biblioteket? Lydfilene blir liggende på disken.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Where is %1 now?</source>
        <translation>Hvor er %1 nå?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Find</source>
        <translation>Søk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New Song</source>
        <translation>Ny sang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow a Feed…</source>
        <translation>Følg en feed…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh Feeds</source>
        <translation>Oppdater feedene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark All Posts Seen</source>
        <translation>Merk alle innlegg som sett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download the Post&apos;s Song</source>
        <translation>Last ned innleggets sang</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>1 song</source>
        <translation>1 sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 songs</source>
        <translation>%1 sanger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 gig-ready</source>
        <translation>%1 klare for scenen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 files missing</source>
        <translation>%1 filer mangler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unreadable</source>
        <translation>%1 uleselige</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>No music folders yet: add one with Add folder…</source>
        <translation>Ingen musikkmapper ennå: legg til en med Legg til mappe …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading %1…</source>
        <translation>Leser %1 …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 files</source>
        <translation>%1 av %2 filer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 added, %3 updated, %4 unchanged, %5 found again, %6 missing</source>
        <translation>%1: %2 lagt til, %3 oppdatert, %4 uendret, %5 funnet igjen, %6 mangler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, %1 unreadable (see each song&apos;s Files tab)</source>
        <translation>, %1 uleselige (se fanen Filer for hver sang)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 folders could not be read: %2</source>
        <translation>%1 mapper kunne ikke leses: %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Found the file again.</source>
        <translation>Fant filen igjen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found %1 files again in %2.</source>
        <translation>Fant %1 filer igjen i %2.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This song has no audio file to play.</source>
        <translation>Denne sangen har ingen lydfil å spille av.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Playlists</source>
        <translation>Spillelister</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete playlist…</source>
        <translation>Slett spilleliste …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete playlist</source>
        <translation>Slett spilleliste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete “%1”? Its songs stay in the library.</source>
        <translation>Slette «%1»? Sangene blir liggende i biblioteket.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save search…</source>
        <translation>Lagre søk …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the search as a smart playlist: it always shows what the search finds now</source>
        <translation>Ta vare på søket som en smart spilleliste: den viser alltid det søket finner nå</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save search</source>
        <translation>Lagre søk</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>New playlist…</source>
        <translation>Ny spilleliste …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New playlist</source>
        <translation>Ny spilleliste</translation>
    </message>
    <message>
        <location line="-355"/>
        <location line="+420"/>
        <source>Feeds</source>
        <translation>Feeder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Music blogs and podcasts you follow: new songs to hear, keep, or put on a setlist</source>
        <translation>Musikkblogger og podkaster du følger: nye sanger å høre, beholde eller sette på en setliste</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved search: %1</source>
        <translation>Lagret søk: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Playlist</source>
        <translation>Spilleliste</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Added to the playlist.</source>
        <translation>Lagt til i spillelisten.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Duplicates</source>
        <translation>Duplikater</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 files with the same content</source>
        <translation>%1 filer med samme innhold</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 songs called “%2”</source>
        <translation>%1 sanger med navnet «%2»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No duplicates.</source>
        <translation>Ingen duplikater.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::LiveTakeView</name>
    <message>
        <location filename="../../ui/beats/LiveTakeView.cpp" line="+28"/>
        <source>Hits as you play</source>
        <translation>Slag mens du spiller</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Listening… play from the one.</source>
        <translation>Lytter … spill fra ener.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing on the grid yet</source>
        <translation>ingenting i rutenettet ennå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you rush by %1 ms</source>
        <translation>du haster med %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you drag by %1 ms</source>
        <translation>du drar med %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right on the beat</source>
        <translation>midt på slaget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % within ±%2 ms — %3</source>
        <translation>%1 % innenfor ±%2 ms — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(spread %1 ms)</source>
        <translation>(spredning %1 ms)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n extra</source>
        <translation>
            <numerusform>%n ekstra</numerusform>
            <numerusform>%n ekstra</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::MainWindow</name>
    <message>
        <location filename="../../ui/shell/MainWindow.cpp" line="+78"/>
        <location line="+120"/>
        <source>Bandmate</source>
        <translation>Bandmate</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Database: %1 (schema %2)</source>
        <translation>Database: %1 (skjema %2)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Your music career, in time</source>
        <translation>Musikkarrieren din, i takt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version %1 · works offline</source>
        <translation>Versjon %1 · virker uten nett</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Åpne &amp;nylige</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save a &amp;Copy of the Database…</source>
        <translation>Lagre en &amp;kopi av databasen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Innstillinger …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>&amp;Gå</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Welcome…</source>
        <translation>&amp;Velkommen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Bandmate</source>
        <translation>&amp;Om Bandmate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No machine files opened yet</source>
        <translation>Ingen maskinfiler åpnet ennå</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Menu</source>
        <translation>Tøm menyen</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Welcome</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bandmate closed unexpectedly last time. Nothing was lost: every change is saved as you make it.</source>
        <translation>Bandmate ble avsluttet uventet sist. Ingenting gikk tapt: hver endring lagres med en gang du gjør den.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bandmate closed unexpectedly</source>
        <translation>Bandmate ble avsluttet uventet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate closed unexpectedly last time. Nothing was lost: every change is saved as you make it.

Go back to the %1 page, where you were?</source>
        <translation>Bandmate ble avsluttet uventet sist. Ingenting gikk tapt: hver endring lagres med en gang du gjør den.

Gå tilbake til siden %1, der du var?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopen %1</source>
        <translation>Åpne %1 igjen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stay here</source>
        <translation>Bli her</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The database file is damaged</source>
        <translation>Databasefilen er skadet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate&apos;s weekly check found damage in the file that holds your library, machines and roadmaps:
%1

What you see is still there, but parts of the file may not read back.</source>
        <translation>Bandmates ukentlige kontroll fant skade i filen som har biblioteket, maskinene og veikartene dine:
%1

Det du ser er der fortsatt, men deler av filen kan være uleselige.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close Bandmate and keep a copy of the file. Bandmate keeps a copy from before each upgrade beside it (files ending in .backup); if you sync, another computer or the server has your data too.</source>
        <translation>Lukk Bandmate og ta vare på en kopi av filen. Bandmate legger en kopi fra før hver oppgradering ved siden av den (filer som slutter på .backup); synkroniserer du, har også en annen datamaskin eller serveren dataene dine.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync is paused until Bandmate starts again: the database file is damaged.</source>
        <translation>Synkroniseringen står på pause til Bandmate startes på nytt: databasefilen er skadet.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Bandmate saves again: its disk has room.</source>
        <translation>Bandmate lagrer igjen: disken har plass.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The disk is full</source>
        <translation>Disken er full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate cannot save to %1: its disk is full.

%2</source>
        <translation>Bandmate kan ikke lagre i %1: disken er full.

%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you change now is not saved until there is room. Free some space on that disk: Bandmate then saves again by itself and says so below.</source>
        <translation>Det du endrer nå, blir ikke lagret før det er plass. Frigjør plass på den disken: Bandmate lagrer da igjen av seg selv og sier fra nederst.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sync is paused: Bandmate cannot save to its database file.</source>
        <translation>Synkroniseringen er satt på pause: Bandmate kan ikke lagre i databasefilen sin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is not there any more (was its disk or USB stick removed?).</source>
        <translation>Filen er ikke der lenger (ble disken eller minnepinnen tatt ut?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be written any more: it became read-only, or it was moved or replaced (by a sync tool such as Dropbox?).</source>
        <translation>Filen kan ikke skrives til lenger: den ble skrivebeskyttet, eller den ble flyttet eller erstattet (av et synkroniseringsverktøy som Dropbox?).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk reports an error reading or writing the file (%1).</source>
        <translation>Disken melder en feil ved lesing eller skriving av filen (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandmate cannot save any more</source>
        <translation>Bandmate kan ikke lagre lenger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file that holds your library, machines and roadmaps can no longer be written:
%1

%2</source>
        <translation>Filen som har biblioteket, maskinene og veikartene dine, kan ikke skrives til lenger:
%1

%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything saved before this moment is in that file (if its disk comes back). What you change from now on is not saved, and sync is paused. Save a copy of what Bandmate has open now, then close Bandmate and look at the disk.</source>
        <translation>Alt som ble lagret før dette øyeblikket, ligger i den filen (hvis disken kommer tilbake). Det du endrer fra nå av, blir ikke lagret, og synkroniseringen er satt på pause. Lagre en kopi av det Bandmate har åpent nå, lukk Bandmate og se på disken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a Copy…</source>
        <translation>Lagre en kopi…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Bandmate copy %1.sqlite</source>
        <translation>Bandmate-kopi %1.sqlite</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Save a Copy of the Database</source>
        <translation>Lagre en kopi av databasen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bandmate database (*.sqlite)</source>
        <translation>Bandmate-database (*.sqlite)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The copy could not be saved: %1</source>
        <translation>Kopien kunne ikke lagres: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved a copy of the database: %1</source>
        <translation>Lagret en kopi av databasen: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::NowPlayingBar</name>
    <message>
        <location filename="../../ui/library/NowPlayingBar.cpp" line="+29"/>
        <source>Previous in the queue</source>
        <translation>Forrige i køen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play or pause (Space in the song list)</source>
        <translation>Spill av eller pause (mellomrom i sanglisten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next in the queue</source>
        <translation>Neste i køen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+123"/>
        <source>Nothing playing</source>
        <translation>Ingenting spilles</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Position</source>
        <translation>Posisjon</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Volume</source>
        <translation>Volum</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This file cannot be played here.</source>
        <translation>Denne filen kan ikke spilles av her.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1  (%2 of %3)</source>
        <translation>%1  (%2 av %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open %1</source>
        <translation>Kan ikke åpne %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::Pages</name>
    <message>
        <location filename="../../ui/shell/Pages.cpp" line="+19"/>
        <source>Dashboard</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where your music career stands today: the current stage, the next actions, and how practice and shows add up over the weeks.</source>
        <translation>Hvor musikkarrieren din står i dag: nåværende etappe, de neste stegene, og hvordan øving og konserter summerer seg uke for uke.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roadmap</source>
        <translation>Veikart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path to Stardom: guided career roadmaps, from first songs to touring, broken into stages and concrete tasks.</source>
        <translation>Veien til stjernene: veiledede karriereveikart, fra de første sangene til turné, delt inn i etapper og konkrete oppgaver.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beat Machine</source>
        <translation>Rytmemaskin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salsa, merengue and their cousins: play a groove, shape it instrument by instrument, and practise with it.</source>
        <translation>Salsa, merengue og slektningene deres: spill en groove, form den instrument for instrument, og øv med den.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Library</source>
        <translation>Bibliotek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your repertoire and its audio files: search it, play it, and keep track of what is gig-ready.</source>
        <translation>Repertoaret ditt og lydfilene: søk i det, spill det, og hold oversikt over hva som er klart for scenen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setlists</source>
        <translation>Settlister</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows, sets and encores, with a run-sheet that tells you when each song starts.</source>
        <translation>Konserter, sett og ekstranumre, med en kjøreplan som viser når hver sang starter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: keep your data on several machines in step through a Bandmate server. Bandmate works fully offline without it.</source>
        <translation>Valgfritt: hold dataene dine i takt på flere maskiner gjennom en Bandmate-server. Bandmate virker helt uten nett uten den.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::PolymeterView</name>
    <message>
        <location filename="../../ui/beats/BeatViews.cpp" line="+51"/>
        <source>All instruments</source>
        <translation>Alle instrumenter</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the samples…</source>
        <translation>Laster inn lydprøvene …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No instrument is on</source>
        <translation>Ingen instrumenter er på</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 steps until every loop starts together; lighter cells repeat a shorter loop</source>
        <translation>%1 steg til alle løkkene starter samtidig; lysere celler gjentar en kortere løkke</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::PractiseDialog</name>
    <message>
        <location filename="../../ui/setlists/PractiseDialog.cpp" line="+19"/>
        <source>Practise %1</source>
        <translation>Øv på %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>◀ Previous</source>
        <translation>◀ Forrige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play groove</source>
        <translation>Spill groove</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space</source>
        <translation>Mellomrom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>Neste ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No songs in this show yet</source>
        <translation>Ingen sanger i denne konserten ennå</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key %1</source>
        <translation>Toneart %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starts %1</source>
        <translation>starter %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no groove linked (choose one in the Library)</source>
        <translation>ingen groove koblet til (velg en i Biblioteket)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>groove: %1</source>
        <translation>groove: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::PreferencesDialog</name>
    <message>
        <location filename="../../ui/shell/PreferencesDialog.cpp" line="+62"/>
        <source>Preferences</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Follow the system</source>
        <translation>Følg systemet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Lyst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Mørkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Colour scheme:</source>
        <translation>&amp;Fargetema:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follow the system (%1)</source>
        <translation>Følg systemet (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The page I used last</source>
        <translation>Siden jeg brukte sist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dashboard</source>
        <translation>Oversikten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On &amp;start, open:</source>
        <translation>Ved &amp;oppstart, åpne:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Spanish</source>
        <translation>Spansk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Italian</source>
        <translation>Italiensk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>French</source>
        <translation>Fransk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German</source>
        <translation>Tysk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Russian</source>
        <translation>Russisk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Norwegian</source>
        <translation>Norsk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Instructor counts in:</source>
        <translation>&amp;Instruktøren teller på:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beat machine</source>
        <translation>Rytmemaskin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audio</source>
        <translation>Lyd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Play in time with other apps (Ableton &amp;Link)</source>
        <translation>Spill i takt med andre apper (Ableton &amp;Link)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Live, Bitwig, Traktor, phone apps and other Bandmates on your network share one tempo, and their bars line up.</source>
        <translation>Live, Bitwig, Traktor, mobilapper og andre Bandmate på nettverket ditt deler ett tempo, og taktene deres står på linje.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every bar (4 beats)</source>
        <translation>Hver takt (4 slag)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every clave cycle (8 beats)</source>
        <translation>Hver claveperiode (8 slag)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line &amp;up:</source>
        <translation>&amp;Juster etter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start and stop &amp;together with the others</source>
        <translation>Start og stopp s&amp;ammen med de andre</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+99"/>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow it</source>
        <translation>Følg den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead it (timebase master)</source>
        <translation>Led den (tidsbasemester)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linux: play while JACK&apos;s transport rolls, from where it is (Ardour, Hydrogen, QjackCtl). Needs the JACK driver under Audio.</source>
        <translation>Linux: spill mens JACK-transporten går, fra der den er (Ardour, Hydrogen, QjackCtl). Trenger JACK-driveren under Lyd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;JACK transport:</source>
        <translation>JACK-&amp;transport:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sync &amp;&amp; MIDI</source>
        <translation>Synk og MIDI</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Database file:</source>
        <translation>Databasefil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema version:</source>
        <translation>Skjemaversjon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Bandmate with --db PATH to use another database file.</source>
        <translation>Start Bandmate med --db STI for å bruke en annen databasefil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;MIDI out&lt;/b&gt; (Linux, through JACK)</source>
        <translation>&lt;b&gt;MIDI ut&lt;/b&gt; (Linux, gjennom JACK)</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>%1 (not there now)</source>
        <translation>%1 (ikke der nå)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Linux: play in time with a DAW&apos;s or a drum machine&apos;s MIDI clock (its tempo, Start, Stop and Song Position). Needs the JACK driver under Audio.</source>
        <translation>Linux: spill i takt med MIDI-klokken til en DAW eller trommemaskin (tempo, Start, Stop og Song Position). Trenger JACK-driveren under Lyd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow the MIDI clock of:</source>
        <translation>&amp;Følg MIDI-klokken til:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Linux: a MIDI foot switch or pads move through the arrangement that plays, at the next bar line: C the next section, D its break, E the previous one (any octave).</source>
        <translation>Linux: en MIDI-fotbryter eller pads flytter gjennom arrangementet som spilles, ved neste taktstrek: C neste del, D dens brekk, E forrige del (hvilken som helst oktav).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pedal for the &amp;sections:</source>
        <translation>&amp;Pedal for delene:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>24 ticks a beat, Start, Stop and Song Position, at the tempo the groove plays: a synth, drum machine or DAW following MIDI clock plays in time with it.</source>
        <translation>24 tikk per slag, Start, Stop og Song Position, i tempoet grooven spiller: en synth, trommemaskin eller DAW som følger MIDI-klokke, spiller i takt med den.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MIDI &amp;clock to:</source>
        <translation>MIDI-&amp;klokke til:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The groove&apos;s notes, each on its exact frame, to drive your own drum rack or synth.</source>
        <translation>Groovens noter, hver på sin nøyaktige sample, til å styre ditt eget trommesett eller din synth.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes to:</source>
        <translation>N&amp;oter til:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each instrument its own (General MIDI, drums on 10)</source>
        <translation>Hvert instrument sin egen (General MIDI, trommer på 10)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All on channel %1</source>
        <translation>Alt på kanal %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hannel:</source>
        <translation>Ka&amp;nal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mute Bandmate&apos;s own sound while the notes go out</source>
        <translation>&amp;Demp Bandmates egen lyd mens notene går ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No JACK server is running, or it has no MIDI inputs: start JACK (with a2j for hardware MIDI) and open Preferences again.</source>
        <translation>Ingen JACK-server kjører, eller den har ingen MIDI-innganger: start JACK (med a2j for MIDI-maskinvare) og åpne Innstillinger igjen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs the JACK driver under Audio. Messages leave one JACK period after the sound they go with.</source>
        <translation>Trenger JACK-driveren under Lyd. Meldingene går ut én JACK-periode etter lyden de hører til.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Bandmate speaks %1 from its next start.</source>
        <translation>Bandmate snakker %1 fra neste oppstart.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ProfileDialog</name>
    <message>
        <location filename="../../ui/roadmap/ProfileDialog.cpp" line="+15"/>
        <source>Your profile</source>
        <translation>Profilen din</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The name you perform and release under</source>
        <translation>Navnet du opptrer og gir ut musikk under</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Artist name:</source>
        <translation>&amp;Artistnavn:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>congas, bongó, voice</source>
        <translation>congas, bongo, vokal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Instruments:</source>
        <translation>&amp;Instrumenter:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>salsa, son, Latin jazz</source>
        <translation>salsa, son, latinjazz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Genres:</source>
        <translation>&amp;Sjangre:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where you want to be in a year, in your own words</source>
        <translation>Hvor du vil være om et år, med dine egne ord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;oals:</source>
        <translation>&amp;Mål:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::RoadmapEditor</name>
    <message>
        <location filename="../../ui/roadmap/RoadmapEditor.cpp" line="+68"/>
        <source>Edit roadmap</source>
        <translation>Rediger veikart</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roadmap &amp;title:</source>
        <translation>Veikartets &amp;tittel:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stages and tasks; drag to reorder</source>
        <translation>Etapper og oppgaver; dra for å endre rekkefølgen</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+234"/>
        <source>Add stage</source>
        <translation>Legg til etappe</translation>
    </message>
    <message>
        <location line="-233"/>
        <location line="+247"/>
        <source>Add task</source>
        <translation>Legg til oppgave</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>T&amp;itle:</source>
        <translation>T&amp;ittel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist</source>
        <translation>Sjekkliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Track a number</source>
        <translation>Følg et tall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read</source>
        <translation>Les</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do, why, and how to know it is done</source>
        <translation>Hva som skal gjøres, hvorfor, og hvordan du vet at det er gjort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One checklist item per line</source>
        <translation>Ett sjekklistepunkt per linje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check&amp;list:</source>
        <translation>Sjekk&amp;liste:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Måltall:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no target</source>
        <translation>intet mål</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tar&amp;get:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries add up (minutes, shows)</source>
        <translation>Oppføringer legges sammen (minutter, konserter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest entry counts (listeners)</source>
        <translation>Den nyeste oppføringen teller (lyttere)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;unting:</source>
        <translation>&amp;Telling:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Gjør om</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Edit</source>
        <translation>Rediger</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New stage</source>
        <translation>Ny etappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First task</source>
        <translation>Første oppgave</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Describe what to do.</source>
        <translation>Beskriv hva som skal gjøres.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New task</source>
        <translation>Ny oppgave</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete task</source>
        <translation>Slett oppgave</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete stage</source>
        <translation>Slett etappe</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move task</source>
        <translation>Flytt oppgave</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move stage</source>
        <translation>Flytt etappe</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reorder</source>
        <translation>Endre rekkefølge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the roadmap</source>
        <translation>veikartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved yet: %1</source>
        <translation>Ikke lagret ennå: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::RoadmapPage</name>
    <message>
        <location filename="../../ui/roadmap/RoadmapPage.cpp" line="+16"/>
        <location line="+102"/>
        <source>Roadmap</source>
        <translation>Veikart</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Profile…</source>
        <translation>Profil …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your artist name, instruments, genres and goals</source>
        <translation>Artistnavnet ditt, instrumenter, sjangre og mål</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Start a roadmap…</source>
        <translation>Start et veikart …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start a roadmap</source>
        <translation>Start et veikart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roadmap:</source>
        <translation>Veikart:</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Roadmap ▾</source>
        <translation>Veikart ▾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start, write, edit, import, export or stop a roadmap; your profile</source>
        <translation>Start, skriv, rediger, importer, eksporter eller stopp et veikart; profilen din</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Follow one of the roadmaps that come with Bandmate</source>
        <translation>Følg et av veikartene som følger med Bandmate</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New…</source>
        <translation>Nytt …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write a roadmap of your own</source>
        <translation>Skriv ditt eget veikart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Rediger …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit this roadmap (a built-in one becomes your own copy)</source>
        <translation>Rediger dette veikartet (et innebygd blir din egen kopi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importer …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a custom roadmap from a JSON file (see resources/roadmaps/README.md)</source>
        <translation>Start et egendefinert veikart fra en JSON-fil (se resources/roadmaps/README.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import roadmap</source>
        <translation>Importer veikart</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+370"/>
        <source>Roadmaps (*.json)</source>
        <translation>Veikart (*.json)</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>Export…</source>
        <translation>Eksporter …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this roadmap with its texts as a JSON file</source>
        <translation>Lagre dette veikartet med tekstene som en JSON-fil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop…</source>
        <translation>Stopp …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop following this roadmap (its progress is removed)</source>
        <translation>Slutt å følge dette veikartet (fremdriften fjernes)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stages</source>
        <translation>Etapper</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>To-dos</source>
        <translation>Gjøremål</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;h3&gt;Choose the road you are on&lt;/h3&gt;&lt;p&gt;Each roadmap is a set of stages with concrete tasks: checklists, numbers to track and things worth knowing. Tasks that track a number complete themselves when you reach the target; Beat Machine practice counts by itself.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Velg veien du er på&lt;/h3&gt;&lt;p&gt;Hvert veikart er et sett etapper med konkrete oppgaver: sjekklister, tall å følge og ting verdt å vite. Oppgaver som følger et tall, fullføres av seg selv når du når målet; øving på Rytmemaskinen telles av seg selv.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%3 stages · %4 tasks&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%3 etapper · %4 oppgaver&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your roadmap has a new version of its template; your progress is kept.</source>
        <translation>Veikartet ditt har en ny versjon av malen; fremdriften din beholdes.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (custom)</source>
        <translation>%1 (egendefinert)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 % done</source>
        <translation>%1 % ferdig</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1. %2
%3 % done</source>
        <translation>%1. %2
%3 % ferdig</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Fullført</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 of %2 %3</source>
        <translation>%1 av %2 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Record</source>
        <translation>Registrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record today&apos;s measurement</source>
        <translation>Registrer dagens måling</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to the total, dated today</source>
        <translation>Legg til i summen, datert i dag</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Completed on %1.</source>
        <translation>Fullført %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed by itself on %1, from 1 entry.</source>
        <translation>Fullført av seg selv %1, fra 1 oppføring.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed by itself on %1, from %2 entries.</source>
        <translation>Fullført av seg selv %1, fra %2 oppføringer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Notes…</source>
        <translation>Notater …</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Started “%1”. Begin with the first stage.</source>
        <translation>Startet «%1». Begynn med første etappe.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not imported, nothing changed: %1</source>
        <translation>Ikke importert, ingenting endret: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported “%1”.</source>
        <translation>Importerte «%1».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export roadmap</source>
        <translation>Eksporter veikart</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write %1: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to %1.</source>
        <translation>Eksportert til %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved “%1”.</source>
        <translation>Lagret «%1».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My roadmap</source>
        <translation>Mitt veikart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First stage</source>
        <translation>Første etappe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First task</source>
        <translation>Første oppgave</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Describe what to do, why, and how you know it is done.</source>
        <translation>Beskriv hva som skal gjøres, hvorfor, og hvordan du vet at det er gjort.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (mine)</source>
        <translation>%1 (mitt)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Stop roadmap</source>
        <translation>Stopp veikart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop following “%1”? Its progress is removed; your logged numbers stay.</source>
        <translation>Slutte å følge «%1»? Fremdriften fjernes; tallene du har ført, blir værende.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::RunSheetTree</name>
    <message>
        <location filename="../../ui/setlists/RunSheetTree.cpp" line="+23"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Toneart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Lengde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run-sheet</source>
        <translation>Kjøreplan</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Length unknown: counted as %1</source>
        <translation>Ukjent lengde: regnet som %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>transpose %1%2</source>
        <translation>transponer %1%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>1 song</source>
        <translation>1 sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 songs</source>
        <translation>%1 sanger</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ScanJob</name>
    <message>
        <location filename="../../ui/library/ScanJob.cpp" line="+59"/>
        <source>Scan cancelled; what was read so far is kept.</source>
        <translation>Skanningen ble avbrutt; det som er lest så langt, beholdes.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SetlistsPage</name>
    <message>
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+21"/>
        <source>Setlists</source>
        <translation>Settlister</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New show…</source>
        <translation>Ny konsert …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a new show (Ctrl+N)</source>
        <translation>Planlegg en ny konsert (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importer …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A plain-text setlist: one title per line, a blank line before an encore</source>
        <translation>En settliste i ren tekst: én tittel per linje, en tom linje før et ekstranummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Setlist…</source>
        <translation>Importer settliste …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shows</source>
        <translation>Konserter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete show…</source>
        <translation>Slett konsert …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New Show…</source>
        <translation>Ny konsert …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Gjør om</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Band Sheet…</source>
        <translation>Skriv ut bandark …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Up</source>
        <translation>Flytt opp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Down</source>
        <translation>Flytt ned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a Song…</source>
        <translation>Legg til en sang …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No show selected</source>
        <translation>Ingen konsert valgt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan a show with &lt;b&gt;New show…&lt;/b&gt;, or import a plain-text setlist with &lt;b&gt;Import…&lt;/b&gt;.&lt;br&gt;Add songs from your library, drag them into order, and Bandmate tells you when each one starts, whether the set fits the slot, and where the tempo or key jumps.</source>
        <translation>Planlegg en konsert med &lt;b&gt;Ny konsert …&lt;/b&gt;, eller importer en settliste i ren tekst med &lt;b&gt;Importer …&lt;/b&gt;.&lt;br&gt;Legg til sanger fra biblioteket, dra dem i rekkefølge, så forteller Bandmate når hver av dem starter, om settet passer i tidsrommet, og hvor tempoet eller tonearten hopper.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Details…</source>
        <translation>Detaljer …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark performed…</source>
        <translation>Merk som spilt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count every song as played on the show&apos;s date, and the show on your roadmap</source>
        <translation>Tell hver sang som spilt på konsertdatoen, og konserten i veikartet ditt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Skriv ut …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the band sheet (Ctrl+P)</source>
        <translation>Skriv ut bandarket (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+109"/>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Band sheet as PDF…</source>
        <translation>Bandark som PDF …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage sheet as PDF (large type)…</source>
        <translation>Scenark som PDF (stor skrift) …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV…</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON…</source>
        <translation>JSON …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text (setlist.fm)…</source>
        <translation>Ren tekst (setlist.fm) …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Practise…</source>
        <translation>Øv …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step through the songs with each one&apos;s groove at its tempo</source>
        <translation>Gå gjennom sangene med hver sangs groove i riktig tempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fan vote…</source>
        <translation>Fanavstemning …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audience votes on this show&apos;s songs from their phones (on your Bandmate server)</source>
        <translation>Publikum stemmer på låtene i denne konserten fra mobilen (på Bandmate-serveren din)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show Details…</source>
        <translation>Konsertdetaljer …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add a song: type a title and press Enter (Ctrl+L)</source>
        <translation>Legg til en sang: skriv en tittel og trykk Enter (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+112"/>
        <source>Add break</source>
        <translation>Legg til pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A pause between songs (10 minutes; double-click to change)</source>
        <translation>En pause mellom sangene (10 minutter; dobbeltklikk for å endre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+19"/>
        <source>Add set</source>
        <translation>Legg til sett</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Another set after the last one</source>
        <translation>Et sett til etter det siste</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+0"/>
        <source>Add encore</source>
        <translation>Legg til ekstranummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An encore after the last set</source>
        <translation>Et ekstranummer etter det siste settet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+22"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected song, break or set (Delete)</source>
        <translation>Fjern valgt sang, pause eller sett (Delete)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move set</source>
        <translation>Flytt sett</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Performed</source>
        <translation>Spilt</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>starts %1</source>
        <translation>starter %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1-minute slot</source>
        <translation>tidsrom på %1 minutter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>performed</source>
        <translation>spilt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 song</source>
        <translation>1 sang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 songs</source>
        <translation>%1 sanger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · total %1</source>
        <translation> · totalt %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+29"/>
        <source> of a %1-minute slot</source>
        <translation> av et tidsrom på %1 minutter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> of %1 min — %2 to spare</source>
        <translation> av %1 min — %2 til overs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · ends about %1</source>
        <translation> · slutter rundt %1</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="-94"/>
        <source>“%1” was not in your library: added it as a new song.</source>
        <translation>«%1» fantes ikke i biblioteket: lagt til som ny sang.</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+44"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+5"/>
        <source>Set 1</source>
        <translation>Sett 1</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+14"/>
        <source>Add song</source>
        <translation>Legg til sang</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="+187"/>
        <source>Encore</source>
        <translation>Ekstranummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encore %1</source>
        <translation>Ekstranummer %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="-125"/>
        <source>Set %1</source>
        <translation>Sett %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Remove set</source>
        <translation>Fjern sett</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move</source>
        <translation>Flytt</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+2"/>
        <source>Rename set</source>
        <translation>Gi settet nytt navn</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit</source>
        <translation>Rediger</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="-12"/>
        <source>New show</source>
        <translation>Ny konsert</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit show</source>
        <translation>Rediger konsert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete show</source>
        <translation>Slett konsert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “%1” with its sets? Songs stay in your library, and plays already counted stay counted.</source>
        <translation>Slette «%1» med settene? Sangene blir i biblioteket, og avspillinger som alt er telt, forblir telt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="-104"/>
        <source>Imported %n song(s).</source>
        <translation>
            <numerusform>Importerte %n sang.</numerusform>
            <numerusform>Importerte %n sanger.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New in your library: %1.</source>
        <translation>Nytt i biblioteket: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a setlist</source>
        <translation>Importer en settliste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plain-text setlists (*.txt);;All files (*)</source>
        <translation>Settlister i ren tekst (*.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Saved %1</source>
        <translation>Lagret %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>setlist</source>
        <translation>settliste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> - band sheet</source>
        <translation> - bandark</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source> - stage sheet</source>
        <translation> - scenark</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain text (*.txt)</source>
        <translation>Ren tekst (*.txt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+26"/>
        <source>Marked performed: %n play(s) recorded, and the show counts on your roadmap.</source>
        <translation>
            <numerusform>Merket som spilt: %n avspilling registrert, og konserten teller i veikartet ditt.</numerusform>
            <numerusform>Merket som spilt: %n avspillinger registrert, og konserten teller i veikartet ditt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark performed</source>
        <translation>Merk som spilt</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Count the %n song(s) of “%1” as played on %2, and the show on your roadmap? This is done once per show.</source>
        <translation>
            <numerusform>Telle den %n sangen i «%1» som spilt %2, og konserten i veikartet ditt? Dette gjøres én gang per konsert.</numerusform>
            <numerusform>Telle de %n sangene i «%1» som spilt %2, og konserten i veikartet ditt? Dette gjøres én gang per konsert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="-23"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The fan vote for “%1” is on your server now: fans open %2 (code %3).</source>
        <translation>Fanavstemningen for «%1» er på serveren din nå: fansen åpner %2 (kode %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fan vote for “%1” was published from another computer before; the changes made here were not applied.</source>
        <translation>Fanavstemningen for «%1» var allerede publisert fra en annen datamaskin; endringene her ble ikke tatt med.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your server refused the fan vote for “%1”: %2. Open Fan vote… on the show to change or discard it.</source>
        <translation>Serveren din avviste fanavstemningen for «%1»: %2. Åpne Fanavstemning … på konserten for å endre eller forkaste den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fan votes you prepared still wait for your server: %1</source>
        <translation>Fanavstemninger du forberedte venter fortsatt på serveren din: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>That set is not in the show any more: choose another place for the fans&apos; songs.</source>
        <translation>Det settet er ikke lenger i konserten: velg et annet sted for fansenes låter.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Use the fans&apos; vote</source>
        <translation>Bruk fansenes avstemning</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+25"/>
        <source>Start</source>
        <comment>sheet column: planned start time</comment>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Toneart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Lengde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transpose %1</source>
        <comment>%1: +2, -3 semitones</comment>
        <translation>transponer %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n song(s) · total %1</source>
        <translation>
            <numerusform>%n sang · totalt %1</numerusform>
            <numerusform>%n sanger · totalt %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="-103"/>
        <source>the encore</source>
        <translation>ekstranummeret</translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>The fans&apos; %n song(s) are in %1 (Ctrl+Z takes them out).</source>
        <translation>
            <numerusform>Fansenes %n låt er i %1 (Ctrl+Z tar den ut).</numerusform>
            <numerusform>Fansenes %n låter er i %1 (Ctrl+Z tar dem ut).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ShareDialog</name>
    <message>
        <location filename="../../ui/beats/ShareDialog.cpp" line="+37"/>
        <source>Unlisted: only people with the link</source>
        <translation>Ulistet: bare de som har lenken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public: listed, anyone may find it</source>
        <translation>Offentlig: listet, alle kan finne den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private: the link opens for nobody</source>
        <translation>Privat: lenken åpnes ikke for noen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CC BY 4.0 (others may use it, naming you)</source>
        <translation>CC BY 4.0 (andre kan bruke den og navngir deg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC BY-SA 4.0 (others may use it, naming you, under the same licence)</source>
        <translation>CC BY-SA 4.0 (andre kan bruke den, navngir deg, med samme lisens)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC0 (no rights reserved)</source>
        <translation>CC0 (ingen rettigheter forbeholdt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All rights reserved</source>
        <translation>Alle rettigheter forbeholdt</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Share “%1”</source>
        <translation>Del «%1»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This machine</source>
        <translation>Denne maskinen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name shown as the author</source>
        <translation>Navnet som vises som den som laget den</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it is, how to play along (optional)</source>
        <translation>Hva den er, hvordan spille med (valgfritt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>salsa, son montuno</source>
        <translation>salsa, son montuno</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allow copies (XML and MIDI downloads, Open in Bandmate)</source>
        <translation>Tillat kopier (XML- og MIDI-nedlasting, Åpne i Bandmate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tittel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Author:</source>
        <translation>&amp;Laget av:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Stikkord:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Licence:</source>
        <translation>&amp;Lisens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who can open it:</source>
        <translation>&amp;Hvem kan åpne den:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The page plays the machine as saved, in any browser, without an account. Later changes are shared with Update shared copy.</source>
        <translation>Siden spiller maskinen slik den er lagret, i alle nettlesere, uten konto. Senere endringer deles med Oppdater delt kopi.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Copy link</source>
        <translation>&amp;Kopier lenke</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link is on the clipboard.</source>
        <translation>Lenken er på utklippstavlen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open page</source>
        <translation>Åpne &amp;siden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who can open it:</source>
        <translation>Hvem kan åpne den:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Now: %1.</source>
        <translation>Nå: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Update shared copy</source>
        <translation>&amp;Oppdater delt kopi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share the machine as saved now as a new version under the same link (every version keeps its own link)</source>
        <translation>Del maskinen slik den er lagret nå som en ny versjon under samme lenke (hver versjon beholder sin egen lenke)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>U&amp;nshare…</source>
        <translation>Slutt å &amp;dele…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>Unshare</source>
        <translation>Slutt å dele</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Take “%1” off line? Its link will say it was removed. You can share it again.</source>
        <translation>Ta «%1» ned? Lenken vil si at den er fjernet. Du kan dele den igjen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who can open it</source>
        <translation>Hvem kan åpne den</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plays</source>
        <translation>Avspillinger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copies</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy link</source>
        <translation>Kopier lenke</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who can open the chosen one</source>
        <translation>Hvem kan åpne den valgte</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete…</source>
        <translation>Slett…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete this shared groove and every version of it for good? Its link will say it was removed.</source>
        <translation>Slette denne delte grooven og alle versjonene for godt? Lenken vil si at den er fjernet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Everything I shared</source>
        <translation>Alt jeg har delt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Share</source>
        <translation>&amp;Del</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your Bandmate server could not be reached. Check the connection and try again.</source>
        <translation>Fikk ikke kontakt med Bandmate-serveren din. Sjekk tilkoblingen og prøv igjen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused: %1</source>
        <translation>Serveren avviste: %1</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Shared privately: the link opens for nobody until you choose who can open it.</source>
        <translation>Delt privat: lenken åpnes ikke for noen før du velger hvem som kan åpne den.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared. Anyone with the link can listen.</source>
        <translation>Delt. Alle med lenken kan lytte.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Asking the server…</source>
        <translation>Spør serveren …</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is shared: version %2, %3 plays, %4 copies.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; er delt: versjon %2, %3 avspillinger, %4 kopier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt; was unshared: its link says it was removed. Choose who can open it to share it again.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; deles ikke lenger: lenken sier at den er fjernet. Velg hvem som kan åpne den for å dele den igjen.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Version %1 is shared under the same link.</source>
        <translation>Versjon %1 er delt under samme lenke.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing changed since the shared version: no new version.</source>
        <translation>Ingenting er endret siden den delte versjonen: ingen ny versjon.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unshared.</source>
        <translation>Deles ikke lenger.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unshared</source>
        <translation>Ikke delt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a shared groove in the list first.</source>
        <translation>Velg en delt groove i listen først.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ShowDialog</name>
    <message>
        <location filename="../../ui/setlists/ShowDialog.cpp" line="+17"/>
        <source>New show</source>
        <translation>Ny konsert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show details</source>
        <translation>Konsertdetaljer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Friday at Café Oslo</source>
        <translation>Fredag på Café Oslo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Starts at:</source>
        <translation>&amp;Starter:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Venue:</source>
        <translation>S&amp;pillested:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;City:</source>
        <translation>&amp;By:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>ingen grense</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;lot length:</source>
        <translation>&amp;Tidsrom:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unpaid</source>
        <translation>ubetalt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A fee makes the show count as a paid show on your roadmap.</source>
        <translation>Med honorar teller konserten som en betalt konsert i veikartet ditt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fee:</source>
        <translation>&amp;Honorar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;otes:</source>
        <translation>N&amp;otater:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SongEditor</name>
    <message>
        <location filename="../../ui/library/SongEditor.cpp" line="+52"/>
        <source>The cover embedded in the audio file</source>
        <translation>Omslagsbildet i lydfilen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tittel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Artist:</source>
        <translation>&amp;Artist:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Al&amp;bum:</source>
        <translation>Al&amp;bum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Genre:</source>
        <translation>&amp;Sjanger:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+8"/>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tra&amp;ck:</source>
        <translation>Spo&amp;r:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key:</source>
        <translation>T&amp;oneart:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am, C#, Bb…</source>
        <translation>Am, C#, Bb …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;BPM:</source>
        <translation>&amp;BPM:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ime:</source>
        <translation>Tak&amp;tart:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gger:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>salsa, opener</source>
        <translation>salsa, åpning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>Tagger, skilt med komma</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Readiness:</source>
        <translation>&amp;Beredskap:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ★</source>
        <translation> ★</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rating</source>
        <translation>ingen vurdering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Loved</source>
        <translation>&amp;Favoritt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>R&amp;ating:</source>
        <translation>&amp;Vurdering:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A groove of the Beat Machine to practise this song with</source>
        <translation>En groove fra Rytmemaskinen å øve på denne sangen med</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gr&amp;oove:</source>
        <translation>Gr&amp;oove:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transpose down a semitone (on screen)</source>
        <translation>Transponer en halvtone ned (på skjermen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transpose up a semitone (on screen)</source>
        <translation>Transponer en halvtone opp (på skjermen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit chart</source>
        <translation>Rediger akkordark</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{title: Chan Chan}
{key: Dm}
[Dm]De Alto [F]Cedro voy para [Gm]Marcané…</source>
        <translation>{title: Chan Chan}
{key: Dm}
[Dm]De Alto [F]Cedro voy para [Gm]Marcané…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chart</source>
        <translation>Akkordark</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Locate missing file…</source>
        <translation>Finn manglende fil …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revert</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the song (Ctrl+S)</source>
        <translation>Lagre sangen (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreadable: %1</source>
        <translation>uleselig: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No audio file: this song lives in the library only.</source>
        <translation>Ingen lydfil: denne sangen finnes bare i biblioteket.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (yours)</source>
        <translation>%1 (din)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>as written</source>
        <translation>som skrevet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%2 semitones</source>
        <translation>%1%2 halvtoner</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p style=&quot;color: #777;&quot;&gt;No chart yet. Press &lt;b&gt;Edit chart&lt;/b&gt; and write the lyrics with chords in brackets: &lt;code&gt;[Am]Dime que [E7]sí&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;color: #777;&quot;&gt;Ikke noe akkordark ennå. Trykk &lt;b&gt;Rediger akkordark&lt;/b&gt; og skriv teksten med akkorder i klammer: &lt;code&gt;[Am]Dime que [E7]sí&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SongTableModel</name>
    <message>
        <location filename="../../ui/library/SongTableModel.cpp" line="+15"/>
        <source>Rehearsed</source>
        <translation>Øvd inn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gig-ready</source>
        <translation>Klar for scenen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning</source>
        <translation>Under innlæring</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The audio file is missing: right-click to locate it</source>
        <translation>Lydfilen mangler: høyreklikk for å finne den</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Artist</source>
        <translation>Artist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Toneart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>Lengde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Readiness</source>
        <translation>Beredskap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rating</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plays</source>
        <translation>Spilt</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::StageProgressModel</name>
    <message>
        <location filename="../../ui/dashboard/DashboardModels.cpp" line="-24"/>
        <source>Stage</source>
        <translation>Etappe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done %</source>
        <translation>% ferdig</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::StepGrid</name>
    <message>
        <location filename="../../ui/beats/StepGrid.cpp" line="+17"/>
        <source>Step editor</source>
        <translation>Stegredigerer</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Count %1</source>
        <translation>Slag %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sound %1</source>
        <translation>Lyd %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No program</source>
        <translation>Intet program</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SyncPage</name>
    <message>
        <location filename="../../ui/sync/SyncPage.cpp" line="+41"/>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: keep your roadmaps, machines, songs and setlists in step on several computers through a Bandmate server. Bandmate works fully offline without it; edits made offline are sent the next time.</source>
        <translation>Valgfritt: hold veikart, maskiner, sanger og settlister i takt på flere datamaskiner gjennom en Bandmate-server. Bandmate virker helt uten nett uten den; endringer gjort uten nett sendes neste gang.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create account</source>
        <translation>Opprett konto</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send and receive changes now (Ctrl+R)</source>
        <translation>Send og motta endringer nå (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync Now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>Logg ut</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Syncing… %p%</source>
        <translation>Synkroniserer … %p %</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete them</source>
        <translation>Slett dem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep them</source>
        <translation>Behold dem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep them here and bring them back on your other computers</source>
        <translation>Behold dem her og hent dem tilbake på de andre datamaskinene dine</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Enter the server&apos;s address, such as https://sync.example.com.</source>
        <translation>Skriv inn adressen til serveren, for eksempel https://sync.example.com.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Signed in. There is no keychain on this system, so the session lasts until Bandmate quits.</source>
        <translation>Logget inn. Systemet har ingen nøkkelring, så økten varer til Bandmate avsluttes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as %1.</source>
        <translation>Logget inn som %1.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Signed out. Your data stays on this computer.</source>
        <translation>Logget ut. Dataene dine blir på denne datamaskinen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in on the Sync page first: fan votes and shared grooves live on your Bandmate server.</source>
        <translation>Logg inn på Synkronisering-siden først: fanavstemninger og delte grooves ligger på Bandmate-serveren din.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your Bandmate server could not be reached: %1</source>
        <translation>Fikk ikke kontakt med Bandmate-serveren din: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync is not possible right now.</source>
        <translation>Synkronisering er ikke mulig akkurat nå.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Waiting for another Bandmate program that is signing in to this server…</source>
        <translation>Venter på et annet Bandmate-program som logger inn på denne serveren …</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The new session could not be saved in the keychain (%1). Bandmate keeps it until it quits and tries again at the next sync.</source>
        <translation>Den nye økten kunne ikke lagres i nøkkelringen (%1). Bandmate beholder den til programmet avsluttes og prøver igjen ved neste synkronisering.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Last sync %1: %2 sent, %3 received%4.</source>
        <translation>Siste synkronisering %1: %2 sendt, %3 mottatt%4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, 1 edit made on two computers at once (the newer one kept)</source>
        <translation>, 1 endring gjort på to datamaskiner samtidig (den nyeste beholdt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 edits made on two computers at once (the newer ones kept)</source>
        <translation>, %1 endringer gjort på to datamaskiner samtidig (de nyeste beholdt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A newer Bandmate on another computer wrote data this version cannot show yet; update Bandmate to see it.</source>
        <translation>En nyere Bandmate på en annen datamaskin har lagret data som denne versjonen ikke kan vise ennå; oppdater Bandmate for å se dem.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Next try at %1.</source>
        <translation>Neste forsøk klokka %1.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>&lt;b&gt;This sync would delete %1.&lt;/b&gt; They were deleted on another computer; nothing is deleted here until you say so. Keep them to bring them back on every computer.</source>
        <translation>&lt;b&gt;Denne synkroniseringen ville slettet %1.&lt;/b&gt; De ble slettet på en annen datamaskin; ingenting slettes her før du sier det. Behold dem for å hente dem tilbake på alle datamaskinene.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleted 1 item, as on your other computer.</source>
        <translation>Slettet 1 element, som på den andre datamaskinen din.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted %1 items, as on your other computer.</source>
        <translation>Slettet %1 elementer, som på den andre datamaskinen din.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept 1 item; it comes back on your other computers at their next sync.</source>
        <translation>Beholdt 1 element; det kommer tilbake på de andre datamaskinene dine ved neste synkronisering.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept %1 items; they come back on your other computers at their next sync.</source>
        <translation>Beholdt %1 elementer; de kommer tilbake på de andre datamaskinene dine ved neste synkronisering.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Syncing with %1…</source>
        <translation>Synkroniserer med %1 …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Logget inn på %1 som %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not signed in.</source>
        <translation>Ikke logget inn.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TakeDialog</name>
    <message>
        <location filename="../../ui/beats/TakeDialog.cpp" line="+72"/>
        <source>Offset by step of the loop</source>
        <translation>Avvik per steg i sløyfen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: missed</source>
        <translation>%1: bommet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 ms</source>
        <translation>%1: %2 ms</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Score a take</source>
        <translation>Gi poeng til et opptak</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1, channel %2, calibrated: %3 ms (Preferences › Audio)</source>
        <translation>%1, kanal %2, kalibrert: %3 ms (Innstillinger › Lyd)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, channel %2, not calibrated: every hit will look late by your setup&apos;s delay. Calibrate latency in Preferences › Audio first.</source>
        <translation>%1, kanal %2, ikke kalibrert: hvert slag vil se sent ut med oppsettets forsinkelse. Kalibrer forsinkelsen under Innstillinger › Lyd først.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A WAV, FLAC, AIFF or Ogg recording, or a MIDI file</source>
        <translation>Et WAV-, FLAC-, AIFF- eller Ogg-opptak, eller en MIDI-fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Velg…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recording:</source>
        <translation>&amp;Opptak:</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 (%n hit(s) a loop)</source>
        <translation>
            <numerusform>%1 (%n slag per sløyfe)</numerusform>
            <numerusform>%1 (%n slag per sløyfe)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Part you played:</source>
        <translation>&amp;Stemme du spilte:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every note (a keyboard, or pads for this part only)</source>
        <translation>hver note (et keyboard, eller pads bare for denne stemmen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notes your pads or keys send for this part, e.g. 75 or 62-64, 60. Remembered for each part.</source>
        <translation>Notene padene eller tangentene dine sender for denne stemmen, f.eks. 75 eller 62-64, 60. Huskes for hver stemme.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General MIDI</source>
        <translation>General MIDI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part&apos;s notes in General MIDI (as Export MIDI writes them)</source>
        <translation>Stemmens noter i General MIDI (slik Eksporter MIDI skriver dem)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This part is played on keys: every note counts.</source>
        <translation>Denne stemmen spilles på tangenter: hver note teller.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;MIDI notes:</source>
        <translation>MI&amp;DI-noter:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+59"/>
        <location line="+5"/>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>&amp;Tempo:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording &amp;latency:</source>
        <translation>Opptaks&amp;forsinkelse:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>±%1 ms</source>
        <translation>±%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;In time within:</source>
        <translation>&amp;I takt innenfor:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitivity</source>
        <translation>Følsomhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Higher finds softer hits (and more of the room&apos;s noise). Remembered for each part.</source>
        <translation>Høyere finner svakere slag (og mer av støyen i rommet). Huskes for hver stemme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise gate</source>
        <translation>Støysperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hits quieter than this are not hits: raise it in a noisy room. Remembered for each part.</source>
        <translation>Slag svakere enn dette er ikke slag: hev den i et støyende rom. Huskes for hver stemme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>noise gate</source>
        <translation>støysperre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sensiti&amp;vity:</source>
        <translation>Følsom&amp;het:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take o&amp;ff the machine&apos;s other parts heard from the speakers</source>
        <translation>Trekk fra maskinens &amp;andre stemmer som høres fra høyttalerne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you played, from the first beat on, to listen to or score again later. Only kept when you tick this.</source>
        <translation>Det du spilte, fra første slag, for å lytte til eller vurdere igjen senere. Tas bare vare på når du krysser av her.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tempo trainer</source>
        <translation>Tempotrener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tempo trainer, listening: after a take that holds the mark the next one starts by itself, faster; under the mark it plays again at the same tempo. Takes that hold the mark are kept, with their recording when Keep take also keeps the recording is ticked.</source>
        <translation>Tempotreneren, som lytter: etter et opptak som holder målet, starter det neste av seg selv, raskere; under målet spilles det igjen i samme tempo. Opptak som holder målet, blir beholdt, med lydklippet når «Behold opptaket tar også vare på lydklippet» er krysset av.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Share of hits in time a take needs</source>
        <translation>Andel slag i takt et opptak trenger</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>by</source>
        <translation>med</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+391"/>
        <location line="+183"/>
        <source>Scoring</source>
        <translation>Gir poeng</translation>
    </message>
    <message>
        <location line="-570"/>
        <source>What the input hears: it should move with your playing, and stay short of the end</source>
        <translation>Det inngangen hører: den skal bevege seg med spillet ditt, og holde seg unna enden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each hit beside its step: left is early, right is late; the band is the tolerance. A ring is a hit off the part&apos;s steps, a cross a missed one.</source>
        <translation>Hvert slag ved siden av steget sitt: til venstre er tidlig, til høyre er sent; feltet er toleransen. En ring er et slag utenfor stemmens steg, et kryss et bommet slag.</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>The trainer stopped. That take was at %1 BPM; the tempo is set to %2 BPM for the next.</source>
        <translation>Treneren stanset. Det opptaket var på %1 BPM; tempoet er satt til %2 BPM for det neste.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 % in time at %2 BPM: the mark held.</source>
        <translation>%1 % i takt på %2 BPM: målet holdt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 % in time at %2 BPM, under the %3 % mark.</source>
        <translation>%1 % i takt på %2 BPM, under målet på %3 %.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Next take at %1 BPM in %n s…</source>
        <translation>
            <numerusform>Neste opptak på %1 BPM om %n s …</numerusform>
            <numerusform>Neste opptak på %1 BPM om %n s …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Once more at %1 BPM in %n s…</source>
        <translation>
            <numerusform>Én gang til på %1 BPM om %n s …</numerusform>
            <numerusform>Én gang til på %1 BPM om %n s …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+28"/>
        <source>Pla&amp;y and record</source>
        <translation>Spill o&amp;g ta opp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Stop</source>
        <translation>Sta&amp;ns</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Listening to the take again with the new settings…</source>
        <translation>Lytter til opptaket på nytt med de nye innstillingene …</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Not calibrated: times are as recorded, late by your setup&apos;s delay.</source>
        <translation>Ikke kalibrert: tidene er som tatt opp, sene med oppsettets forsinkelse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The devices opened differently from when they were calibrated (%1, was %2): calibrate again in Preferences › Audio.</source>
        <translation>Enhetene åpnet seg annerledes enn da de ble kalibrert (%1, før %2): kalibrer på nytt under Innstillinger › Lyd.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Recording</source>
        <translation>Tar opp</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+16"/>
        <source>Count-in at %1 BPM: listen to the clicks, then play from the one.</source>
        <translation>Inntelling på %1 BPM: lytt til klikkene, og spill fra ener.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Stopped before a whole bar was played: nothing was scored.</source>
        <translation>Stanset før en hel takt var spilt: ingenting ble vurdert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The built-in sample kit is not installed here, so the machine&apos;s other parts cannot be taken off: untick that box and score again.</source>
        <translation>Det innebygde lydsettet er ikke installert her, så maskinens andre stemmer kan ikke trekkes fra: fjern haken og gi poeng på nytt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not there any more.</source>
        <translation>%1 finnes ikke lenger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not score %1: %2</source>
        <translation>Kunne ikke gi poeng til %1: %2</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Keep the take?</source>
        <translation>Beholde opptaket?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This live take is not kept, and it cannot be played again. Keep it before closing?</source>
        <translation>Dette liveopptaket er ikke beholdt, og det kan ikke spilles igjen. Beholde det før du lukker?</translation>
    </message>
    <message>
        <location line="-755"/>
        <source>Each step of the part&apos;s loop, on average: up is late, down is early; the lines are the tolerance.</source>
        <translation>Hvert steg i stemmens sløyfe, i snitt: opp er sent, ned er tidlig; linjene er toleransen.</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Play one part along with this machine, live or in a recording made from the first beat of the part&apos;s first bar, and see each hit: how early or late.</source>
        <translation>Spill én stemme sammen med denne maskinen, direkte eller i et opptak gjort fra første slag i stemmens første takt, og se hvert slag: hvor tidlig eller sent.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play &amp;along now</source>
        <translation>Spill &amp;med nå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rec&amp;ording</source>
        <translation>&amp;Et opptak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take:</source>
        <translation>Opptak:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None chosen: choose the input you play into in Preferences › Audio, and calibrate it there.</source>
        <translation>Ingen valgt: velg inngangen du spiller inn i under Innstillinger › Lyd, og kalibrer den der.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listening on:</source>
        <translation>Lytter på:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> bars</source>
        <translation> takter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the take is, after a bar of count-in clicks</source>
        <translation>Hvor langt opptaket er, etter en takt med inntellingsklikk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Len&amp;gth:</source>
        <translation>&amp;Lengde:</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>How late your setup records what you play (its round trip; Calibrate latency in Preferences › Audio measures it). Leave 0 if you do not know: every hit then looks late by the same amount.</source>
        <translation>Hvor sent oppsettet ditt tar opp det du spiller (rundturen; Kalibrer forsinkelsen under Innstillinger › Lyd måler den). La stå 0 om du ikke vet: da ser hvert slag like mye for sent ut.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Keep take also keeps the recor&amp;ding (FLAC, in Music › Bandmate takes)</source>
        <translation>Behold opptaket tar også vare på lyd&amp;klippet (FLAC, i Musikk › Bandmate takes)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Faster after each take with</source>
        <translation>Raskere etter hvert opptak med</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> % in time</source>
        <translation> % i takt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faster by</source>
        <translation>Raskere med</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Up to</source>
        <translation>Opp til</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to</source>
        <translation>opp til</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trai&amp;ner:</source>
        <translation>Tempot&amp;rener:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Bar.beat</source>
        <translation>Takt.slag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due at</source>
        <translation>Ventet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offset</source>
        <translation>Avvik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hits of the take</source>
        <translation>Slagene i opptaket</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+262"/>
        <location line="+28"/>
        <source>&amp;Score</source>
        <translation>Gi &amp;poeng</translation>
    </message>
    <message>
        <location line="-289"/>
        <location line="+738"/>
        <source>&amp;Keep take</source>
        <translation>&amp;Behold opptaket</translation>
    </message>
    <message>
        <location line="-736"/>
        <source>Keep the score: a take with 90 % of its hits within ±30 ms counts for your roadmap</source>
        <translation>Behold poengene: et opptak med 90 % av slagene innenfor ±30 ms teller i veikartet ditt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This machine has no part to play along with.</source>
        <translation>Denne maskinen har ingen stemme å spille sammen med.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+138"/>
        <location line="+16"/>
        <location line="+41"/>
        <location line="+360"/>
        <source>The trainer stopped.</source>
        <translation>Treneren stanset.</translation>
    </message>
    <message>
        <location line="-380"/>
        <source>%1 % in time at %2 BPM: you hold the trainer&apos;s target tempo. Well played.</source>
        <translation>%1 % i takt på %2 BPM: du holder måltempoet til treneren. Godt spilt.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 % in time at %2 BPM: %n take(s) in a row under the mark. Take a break, or start slower.</source>
        <translation>
            <numerusform>%1 % i takt på %2 BPM: %n opptak på rad under målet. Ta en pause, eller start saktere.</numerusform>
            <numerusform>%1 % i takt på %2 BPM: %n opptak på rad under målet. Ta en pause, eller start saktere.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Choose a recording</source>
        <translation>Velg et opptak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recordings (*.wav *.flac *.aif *.aiff *.ogg *.mid *.midi);;All files (*)</source>
        <translation>Opptak (*.wav *.flac *.aif *.aiff *.ogg *.mid *.midi);;Alle filer (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The settings changed: score the take again.</source>
        <translation>Innstillingene er endret: gi poeng til opptaket på nytt.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Choose the recording first.</source>
        <translation>Velg opptaket først.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MIDI notes: “%1” is not a list of notes from 0 to 127 (such as 75, or 62-64, 60).</source>
        <translation>MIDI-noter: «%1» er ikke en liste med noter fra 0 til 127 (som 75, eller 62-64, 60).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listening to the recording…</source>
        <translation>Lytter til opptaket…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the input you play into in Preferences › Audio first (and calibrate it there).</source>
        <translation>Velg først inngangen du spiller inn i under Innstillinger › Lyd (og kalibrer den der).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not open the audio devices: %1</source>
        <translation>Kunne ikke åpne lydenhetene: %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+29"/>
        <source>Could not start the take: %1</source>
        <translation>Kunne ikke starte opptaket: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Bar %1 of %2</source>
        <translation>Takt %1 av %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Listening to the take…</source>
        <translation>Lytter til opptaket …</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The take could not be scored: %1</source>
        <translation>Opptaket kunne ikke vurderes: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no hit found on the part&apos;s grid</source>
        <translation>ingen slag funnet i stemmens rutenett</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you rush by %1 ms</source>
        <translation>du haster med %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you drag by %1 ms</source>
        <translation>du drar med %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>right on the beat on average</source>
        <translation>midt på slaget i snitt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 % of %2 hits within ±%3 ms — %4. %5 missed, %6 extra.</source>
        <translation>%1 % av %2 slag innenfor ±%3 ms — %4. %5 bommet, %6 ekstra.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 % of %2 hits within ±%3 ms — %4 (spread %5 ms). %6 missed, %7 extra.</source>
        <translation>%1 % av %2 slag innenfor ±%3 ms — %4 (spredning %5 ms). %6 bommet, %7 ekstra.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on time</source>
        <translation>i tide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms early</source>
        <translation>%1 ms tidlig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms late</source>
        <translation>%1 ms sent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missed</source>
        <translation>bommet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The machine from the speakers was heard %1 ms late and taken off.</source>
        <translation>Maskinen fra høyttalerne ble hørt %1 ms sent og trukket fra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No recording latency given: times are as recorded.</source>
        <translation>Ingen opptaksforsinkelse oppgitt: tidene er som tatt opp.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The take was kept with its first score.</source>
        <translation>Opptaket ble tatt vare på med sin første poengsum.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The audio dropped out %n time(s) during the take: a dropout can read as a hit.</source>
        <translation>
            <numerusform>Lyden falt ut %n gang under opptaket: et utfall kan se ut som et slag.</numerusform>
            <numerusform>Lyden falt ut %n ganger under opptaket: et utfall kan se ut som et slag.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The recording is in %1.</source>
        <translation>Opptaket ligger i %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording could not be kept: %1</source>
        <translation>Opptaket kunne ikke tas vare på: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not keep the take: %1</source>
        <translation>Kunne ikke beholde opptaket: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept. A clean take at %1 BPM: it counts for your roadmap.</source>
        <translation>Beholdt. Et rent opptak på %1 BPM: det teller i veikartet ditt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept. Takes with 90 % of their hits within ±30 ms also count for your roadmap.</source>
        <translation>Beholdt. Opptak med 90 % av slagene innenfor ±30 ms teller også i veikartet ditt.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TodayModel</name>
    <message>
        <location filename="../../ui/dashboard/DashboardModels.cpp" line="+39"/>
        <source>overdue since %1</source>
        <translation>forfalt siden %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due today</source>
        <translation>forfaller i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>☐ %1 — %2</source>
        <translation>☐ %1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TodoDialog</name>
    <message>
        <location filename="../../ui/roadmap/TodoPanel.cpp" line="+33"/>
        <source>To-do</source>
        <translation>Gjøremål</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tittel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>Forfaller</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due:</source>
        <translation>Forfaller:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One item per line; start a line with [x] when it is done</source>
        <translation>Ett punkt per linje; start en linje med [x] når det er gjort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Checklist:</source>
        <translation>&amp;Sjekkliste:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ags:</source>
        <translation>T&amp;agger:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing</source>
        <translation>Ingenting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine: %1</source>
        <translation>Maskin: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Linked to:</source>
        <translation>&amp;Koblet til:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TodoPanel</name>
    <message>
        <location line="+47"/>
        <source>Add a to-do and press Enter…</source>
        <translation>Legg til et gjøremål og trykk Enter …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>Forfaller</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>tags</source>
        <translation>tagger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>Tagger, skilt med komma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To-dos</source>
        <translation>Gjøremål</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>  — overdue, was due %1</source>
        <translation>  — forfalt, forfalt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  — due %1</source>
        <translation>  — forfaller %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>  [%1/%2]</source>
        <translation>  [%1/%2]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click to edit; Delete removes it</source>
        <translation>Dobbeltklikk for å redigere; Delete fjerner det</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::WelcomeWizard</name>
    <message>
        <location filename="../../ui/shell/WelcomeWizard.cpp" line="+39"/>
        <source>Welcome to Bandmate</source>
        <translation>Velkommen til Bandmate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip</source>
        <translation>Hopp over</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start using Bandmate</source>
        <translation>Begynn å bruke Bandmate</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Welcome</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate keeps your career plan, your grooves, your songs and your shows in one place, on this computer. Four quick questions, each one optional.</source>
        <translation>Bandmate samler karriereplanen, groovene, sangene og konsertene dine på ett sted, på denne datamaskinen. Fire raske spørsmål, alle valgfrie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What name do you perform under?</source>
        <translation>Hvilket navn opptrer du under?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your artist or band name</source>
        <translation>Artist- eller bandnavnet ditt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your path</source>
        <translation>Veien din</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A roadmap breaks a music career into stages and tasks, and tracks your progress. You can start or change one any time on the Roadmap page.</source>
        <translation>Et veikart deler en musikkarriere inn i etapper og oppgaver, og følger fremdriften din. Du kan starte eller bytte veikart når som helst på siden Veikart.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None for now</source>
        <translation>Ingen foreløpig</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Your music</source>
        <translation>Musikken din</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate can watch a folder of audio files and read their tags into your library. Your files stay where they are and are never changed.</source>
        <translation>Bandmate kan overvåke en mappe med lydfiler og lese taggene deres inn i biblioteket. Filene blir der de er, og endres aldri.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No folder (you can add one later in the Library)</source>
        <translation>Ingen mappe (du kan legge til en senere i Biblioteket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use %1</source>
        <translation>Bruk %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Music folder</source>
        <translation>Musikkmappe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sound</source>
        <translation>Lyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Beat Machine plays through this output. Play the test sound to hear it and to see the delay it adds.</source>
        <translation>Rytmemaskinen spiller gjennom denne utgangen. Spill av testlyden for å høre den og se forsinkelsen den gir.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Your name was not saved: %1</source>
        <translation>Navnet ditt ble ikke lagret: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The roadmap did not start: %1</source>
        <translation>Veikartet startet ikke: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The folder %1 does not exist.</source>
        <translation>Mappen %1 finnes ikke.</translation>
    </message>
</context>
</TS>
