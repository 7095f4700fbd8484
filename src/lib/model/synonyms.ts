/**
 * The header vocabulary: every spelling of a column header that Wirkung maps to a canonical column,
 * grown from the exports analysts bring — the ESF+ regulation's terms (Vorhaben, Begünstigter,
 * Interventionskategorie, gemeinsame Indikatoren), ESF monitoring and Förderdatenbank exports,
 * Excel sheets kept by projects, and survey tools (LimeSurvey, SoSci Survey, Microsoft and Google
 * Forms). Spellings are compared after headerKey (case, umlauts, punctuation and a trailing
 * bracket such as "(1-5)" or "[Anzahl]" do not matter). Within a list, earlier spellings win: a
 * file with both "Indikator-Nr." and "ESF-Code" takes the first for the indicator.
 */

export const PERIOD_START = [
	'zeitraum von',
	'von',
	'beginn',
	'periode von',
	'berichtszeitraum von',
	'meldezeitraum von',
	'period start',
	// One column naming the whole period ("Q3/2021", "2021", "03/2021"): it gives both ends.
	'zeitraum',
	'periode',
	'berichtszeitraum',
	'berichtsperiode',
	'meldezeitraum',
	'erhebungszeitraum',
	'quartal',
	'berichtsquartal',
	'jahr quartal',
	'monat',
	'berichtsmonat',
	'jahr',
	'berichtsjahr',
	'period'
];

export const PERIOD_END = [
	'zeitraum bis',
	'bis',
	'ende',
	'periode bis',
	'berichtszeitraum bis',
	'meldezeitraum bis',
	'stichtag',
	'period end'
];

/** The indicator's own number (in indicator tables and wherever it is referenced). */
export const INDICATOR_ID = [
	'indikator-id',
	'indikator-nr.',
	'indikatornummer',
	'indikator-nummer',
	'nr. indikator',
	'ind.-nr.',
	'kennziffer',
	'kennzahl-nr.',
	'indikatorcode',
	'indikatorkennung',
	'indicator id',
	'indikator',
	'indicator'
];

/** ESF codes of the common indicators (CO01, EECO01, …). */
export const ESF_CODE = [
	'esf-code',
	'esf+-code',
	'esf-indikator',
	'code esf',
	'gemeinsamer indikator',
	'common indicator',
	'eu-code',
	'code'
];

/**
 * Where actuals and targets name their indicator: its own number first, else its ESF code (the
 * views resolve a code through indicators.esf_code, see ingest/store.ts).
 */
export const INDICATOR_REF = [...INDICATOR_ID, ...ESF_CODE];

export const PROJECT_ID = [
	'projekt-nr.',
	'projekt-id',
	'projektnummer',
	'projektkennung',
	'teilprojekt-nr.',
	'teilprojekt-id',
	'teilprojektnummer',
	'vorhaben-nr.',
	'vorhabennummer',
	'vorhaben-id',
	'vorhabenskennung',
	'förderkennzeichen',
	'fkz',
	'aktenzeichen',
	'project id',
	'projekt',
	'teilprojekt',
	'vorhaben'
];

export const PROJECT_NAME = [
	'projektname',
	'projekttitel',
	'projektbezeichnung',
	'teilprojektname',
	'teilprojekttitel',
	'vorhabenbezeichnung',
	'bezeichnung des vorhabens',
	'name des vorhabens',
	'vorhabentitel',
	'titel des vorhabens',
	'titel',
	'bezeichnung',
	'project name',
	'name'
];

export const MUNICIPALITY = [
	'kommune',
	'gemeinde',
	'stadt',
	'stadt gemeinde',
	'gebietskörperschaft',
	'standort',
	'durchführungsort',
	'kreis',
	'landkreis',
	'ort',
	'municipality'
];

export const STATE = ['bundesland', 'land', 'state'];

export const NEIGHBOURHOOD = [
	'quartier',
	'quartiere',
	'programmgebiet',
	'fördergebiet',
	'stadtteil',
	'gebiet'
];

export const FUNDING_ROUND = ['förderrunde', 'runde', 'förderaufruf', 'aufruf', 'welle'];

export const START_DATE = [
	'projektbeginn',
	'vorhabenbeginn',
	'laufzeit von',
	'durchführungszeitraum von',
	'bewilligungszeitraum von',
	'startdatum',
	'beginn',
	'start'
];

export const END_DATE = [
	'projektende',
	'vorhabenende',
	'laufzeit bis',
	'durchführungszeitraum bis',
	'bewilligungszeitraum bis',
	'enddatum',
	'ende'
];

export const INDICATOR_NAME = [
	'indikatorname',
	'indikatorbezeichnung',
	'bezeichnung des indikators',
	'name des indikators',
	'bezeichnung',
	'kennzahl',
	'indicator name',
	'name',
	// A file with an own number column calls the name column just "Indikator".
	'indikator'
];

export const UNIT = ['einheit', 'maßeinheit', 'messeinheit', 'unit'];
export const INDICATOR_KIND = ['indikatorart', 'indikatortyp', 'art', 'typ'];
export const DIRECTION = ['zielrichtung', 'richtung'];
export const AGGREGATION = ['aggregation', 'verdichtung', 'aggregationsart'];

export const SCOPE = ['ebene', 'bezugsebene', 'zielebene'];
export const SCOPE_ID = ['bezug', 'bezugs-id', 'projekt-nr.', 'vorhaben-nr.', 'projekt-id', 'kommune'];
export const TARGET_VALUE = [
	'zielwert',
	'soll',
	'sollwert',
	'soll-wert',
	'zielgröße',
	'plan',
	'planwert',
	'planzahl',
	'ziel',
	'target value',
	'target'
];
export const TARGET_TYPE = ['zielart', 'art des zielwerts', 'wertart'];
export const CUMULATIVE = ['kumuliert', 'kumulativ', 'kumulierter wert'];

export const ACTUAL_VALUE = [
	'istwert',
	'ist-wert',
	'ist',
	'erreichter wert',
	'erreicht',
	'wert',
	'anzahl',
	'anzahl personen',
	'fallzahl',
	'value'
];
export const VALUE_STATUS = ['wertstatus', 'status'];
export const GENDER = ['geschlecht', 'gender', 'sex'];
export const AGE_GROUP = ['altersgruppe', 'altersklasse', 'alter', 'age group'];

export const SESSION_ID = [
	'veranstaltungs-id',
	'veranstaltungs-nr.',
	'veranstaltungsnummer',
	'session-id',
	'termin-id',
	'termin-nr.',
	'veranstaltung-id',
	'sitzung'
];
export const SESSION_TITLE = [
	'titel',
	'veranstaltungstitel',
	'titel der veranstaltung',
	'programmpunkt',
	'bezeichnung'
];
export const SESSION_KIND = ['art', 'format', 'typ', 'veranstaltungsart', 'veranstaltungsformat'];
export const SESSION_DATE = ['datum', 'termin', 'veranstaltungsdatum', 'date'];
export const SESSION_EVENT = ['veranstaltung', 'veranstaltungsreihe', 'werkstatt'];

export const GROUP_ID = ['gruppen-id', 'gruppe', 'kanal-id', 'chatgruppen-id'];
export const GROUP_TOPIC = ['thema', 'chatgruppe', 'chatkanal', 'themengruppe'];

/** Participation exports name the event itself where a session id would be. */
export const PARTICIPATION_SESSION = [...SESSION_ID, 'veranstaltung', 'termin', 'event'];
export const PARTICIPATION_GROUP = ['gruppen-id', 'chatgruppe', 'chat-gruppe', 'kanal-id', 'kanal', 'gruppe'];
export const ROLE = [
	'rolle',
	'funktion',
	'institution',
	'vertreter*innen von',
	'teilnehmendengruppe',
	'zielgruppe'
];
export const REGISTERED = ['angemeldet', 'anmeldungen', 'registrierungen', 'anzahl angemeldet'];
export const PARTICIPANTS = [
	'teilnehmende',
	'anzahl teilnehmende',
	'anzahl tn',
	'anzahl teilnehmer',
	'anzahl teilnehmer*innen',
	'teilnehmendenzahl',
	'teilnehmerzahl',
	'teilnehmer',
	'teilnehmer*innen',
	'tn',
	'anwesende',
	'anwesend'
];
export const POSTS = [
	'beiträge',
	'anzahl beiträge',
	'nachrichten',
	'anzahl nachrichten',
	'wortmeldungen',
	'posts'
];

export const QUESTION_ID = ['frage-nr.', 'frage-id', 'fragennummer', 'item', 'item-nr.', 'code der frage'];
export const QUESTION_TEXT = ['frage', 'fragetext', 'aussage', 'fragestellung'];
export const ANSWER = ['antwort', 'bewertung', 'wert', 'note', 'schulnote', 'zustimmung', 'skalenwert'];
export const SCALE_MIN = ['skala min', 'skala von', 'minimum'];
export const SCALE_MAX = ['skala max', 'skala bis', 'maximum'];
export const HIGHER_IS_BETTER = ['höher ist besser'];
export const RESPONDENT = [
	'bogen-nr.',
	'fragebogen-nr.',
	'antwort-nr.',
	'antwort-id',
	'lfd. nr.',
	'response id',
	'teilnehmer-id'
];
export const COMMENT = ['kommentar', 'anmerkung', 'anmerkungen', 'freitext', 'sonstiges', 'bemerkung'];

/**
 * Headers that are known and deliberately not mapped (kept per row in `_extra`): they count as
 * recognised when guessing the table, so a file full of them is not taken for a poor fit.
 */
export const KNOWN_EXTRA = [
	'begünstigter',
	'zuwendungsempfänger',
	'träger',
	'projektträger',
	'interventionskategorie',
	'interventionsbereich',
	'interventionsfeld',
	'spezifisches ziel',
	'prioritätsachse',
	'priorität',
	'förderprogramm',
	'programm',
	'cci',
	'fonds',
	'bemerkung',
	'bemerkungen',
	'hinweis',
	'quelle',
	'erfasst am',
	'geändert am',
	'zeitstempel',
	'timestamp',
	'datum abgeschickt',
	'letzte seite',
	'startsprache',
	'seed'
];
