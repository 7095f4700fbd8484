#!/usr/bin/env python3
"""Writes the quirk fixtures of issue 18 under tests/fixtures/ingest/ byte for byte, the way the
tools that make such files write them (encodings, line ends, quoting). The files are committed;
this script documents how they were made and can rewrite them."""
from pathlib import Path

DIR = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'ingest'


def write(name, lines, encoding='utf-8', newline='\r\n', bom=False, final=True):
    text = newline.join(lines) + (newline if final else '')
    data = text.encode(encoding)
    if bom:
        data = b'\xef\xbb\xbf' + data
    (DIR / name).write_bytes(data)


# A monitoring export with a title block and "Stand:" above the table (Windows-1252, Excel-de).
write('preamble-title-stand.csv', [
    'Monitoring BIWAQ – Istwerte je Projekt',
    'Stand: 30.09.2026',
    'Erstellt von:;Programmbehörde;;;;',
    '',
    'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Geschlecht',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;14;weiblich',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;9;männlich',
    'CO02;BQ-19-002;01.04.2026;30.06.2026;3;',
], encoding='cp1252')

# A project list saved from Excel: label/value rows padded to the table's width, a sep=; line.
write('preamble-padded-sep.csv', [
    'sep=;',
    'Förderprogramm:;BIWAQ V;;;',
    'Stand:;01.12.2026;;;',
    ';;;;',
    'Projekt-Nr.;Projekttitel;Kommune;Bundesland;Projektbeginn',
    'BQ-19-001;Arbeit im Quartier;Musterstadt;Niedersachsen;01.01.2023',
    'BQ-19-002;Wege in Arbeit;Beispielhausen;Hessen;01.03.2023',
], encoding='utf-8', bom=True)

# Statistical-office footer: separator, footnote, copyright (UTF-8, CRLF).
write('footer-destatis.csv', [
    'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;14',
    'CO01;BQ-19-002;01.01.2026;31.03.2026;9',
    '__________',
    '1) vorläufige Werte',
    '© Statistisches Bundesamt (Destatis), 2026 | Stand: 04.12.2026 / 10:21:33',
])

# A totals block below the table after a row of empty cells (Excel, LF).
write('footer-totals.csv', [
    'Veranstaltungs-ID;Angemeldet;Teilnehmende;Beiträge',
    'V-01;25;21;14',
    'V-02;30;26;9',
    ';;;',
    'Summe;55;47;23',
], newline='\n')

# GENESIS-Online "Werteabruf" CSV: title lines, two header rows, trailing delimiter, footer (ISO-8859-1).
write('genesis-two-row-header.csv', [
    'GENESIS-Tabelle: 13211-0002',
    'Arbeitslose, Arbeitslosenquoten: Deutschland,;;;;',
    'Monate, Geschlecht;;;;',
    'Arbeitsmarktstatistik der Bundesagentur für Arbeit;;;;',
    'Deutschland;;;;',
    ';;Arbeitslose;Arbeitslosenquote aller zivilen Erwerbspersonen;',
    ';;Anzahl;Prozent;',
    '2026;Januar;3084221;6,6;',
    '2026;Februar;3076456;6,5;',
    '2026;März;2990135;6,4;',
    '__________',
    'Quelle: Statistik der Bundesagentur für Arbeit',
    '(C)opyright Statistisches Bundesamt (Destatis), 2026 | Stand: 04.12.2026 / 10:23:51',
], encoding='latin-1')

# DATEV Buchungsstapel (format 700): the EXTF metadata line above the header (Windows-1252).
write('datev-extf.csv', [
    '"EXTF";700;21;"Buchungsstapel";13;20261204101530123;;"RE";"";"";29098;55003;20260101;4;20261101;20261130;"Buchungen 11/2026";"WD";1;0;0;"EUR";;"";;;"03";;;"";""',
    'Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Kurs;Basis-Umsatz;WKZ Basis-Umsatz;Konto;Gegenkonto (ohne BU-Schlüssel);BU-Schlüssel;Belegdatum;Belegfeld 1;Belegfeld 2;Skonto;Buchungstext',
    '1190,00;"S";"EUR";;;;1200;8400;;"0411";"RE-2026-117";;;"Beratung Quartiersbüro"',
    '250,00;"H";"EUR";;;;1200;4930;;"1511";"BV-88";;;"Büromaterial"',
], encoding='cp1252')

# Online-banking export (DKB style): account preamble, everything quoted, UTF-8 with BOM.
write('bank-statement-preamble.csv', [
    '"Girokonto";"DE02120300000000202051"',
    '""',
    '"Kontostand vom 30.11.2026:";"12.345,67 €"',
    '""',
    '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";"Kundenreferenz"',
    '"28.11.26";"28.11.26";"Gebucht";"Stadt Musterstadt";"Quartier e.V.";"Zuwendung BIWAQ 3. Rate";"Eingang";"DE89370400440532013000";"25.000,00";"";"";""',
    '"27.11.26";"27.11.26";"Gebucht";"Quartier e.V.";"Druckerei Beispiel";"Flyer Nachbarschaftsfest";"Ausgang";"DE44500105175407324931";"-412,30";"";"";""',
], newline='\n', bom=True)

# LimeSurvey response export: the response id column has no header (comma, quoted, UTF-8).
write('limesurvey-empty-header.csv', [
    '"","Veranstaltungs-ID","Frage-Nr.","Antwort"',
    '"1","V-01","F1","4"',
    '"2","V-01","F2","5"',
    '"3","V-02","F1","3"',
], newline='\n')

# Headers written in Excel cells with Alt+Enter, a non-breaking space and padding (Excel "CSV UTF-8").
write('header-linebreak-nbsp.csv', [
    'Indikator-ID\u00a0; Projekt-Nr. ;"Zeitraum\nvon";"Zeitraum\nbis";Istwert',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;14',
    'CO01;BQ-19-002;01.01.2026;31.03.2026;9',
], bom=True)

# A repeated column name (two value columns exported under one label).
write('duplicate-header-betrag.csv', [
    'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Betrag;Betrag',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;14;1.200,00;300,00',
    'CO01;BQ-19-002;01.01.2026;31.03.2026;9;800,00;0,00',
])

# The header row ends with a delimiter, the data rows do not.
write('trailing-delimiter-header-only.csv', [
    'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;14',
    'CO01;BQ-19-002;01.01.2026;31.03.2026;9',
])

# Some data rows end with an extra delimiter (hand-edited in a text editor).
write('trailing-delimiter-some-rows.csv', [
    'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert',
    'CO01;BQ-19-001;01.01.2026;31.03.2026;14;',
    'CO01;BQ-19-002;01.01.2026;31.03.2026;9',
    'CO02;BQ-19-002;01.04.2026;30.06.2026;2;',
])

# Two genuinely ragged rows among twelve: rejected line by line, the rest loads.
rows = ['Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert']
for i in range(1, 13):
    rows.append(f'CO01;BQ-19-{i:03d};01.01.2026;31.03.2026;{i}')
rows[4] = 'CO01;BQ-19-004;01.01.2026;31.03.2026'
rows[9] = 'CO01;BQ-19-009;01.01.2026;31.03.2026;9;nachgemeldet'
write('ragged-minority.csv', rows)
