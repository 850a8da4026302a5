/**
 * Closed word classes that no maintained package lists in the form we need. Everything open-ended
 * (names, places, organizations, demonyms, common words) comes from packages: see `lexicon.ts`.
 */

/** Lower-case words that may sit inside a name between capitalized words ("Bank of America"). */
export const NAME_CONNECTORS = new Set(['of', 'and', '&', 'de', 'da', 'do', 'dos', 'das', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'y', 'for', 'on', 'upon']);

/** Capitalized title words kept out of person spans and recorded as `title`. */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'premier', 'senator', 'sen', 'representative', 'rep',
  'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'secretary', 'ambassador', 'envoy', 'judge',
  'justice', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'bishop', 'archbishop',
  'rev', 'reverend', 'father', 'sister', 'brother', 'rabbi', 'imam', 'sheikh', 'ayatollah', 'general', 'gen',
  'admiral', 'adm', 'colonel', 'col', 'lieutenant', 'lt', 'major', 'maj', 'captain', 'capt', 'sergeant', 'sgt',
  'commander', 'cmdr', 'corporal', 'cpl', 'private', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor',
  'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'chief', 'executive', 'officer', 'ceo', 'cfo', 'coo',
  'chairman', 'chairwoman', 'chair', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'leader',
  'speaker', 'deputy', 'foreign', 'defense', 'defence', 'interior', 'finance', 'attorney', 'head', 'founder',
  'co-founder', 'analyst', 'coach', 'manager', 'inspector', 'detective', 'det', 'officer', 'agent', 'sheriff',
  'superintendent', 'commissioner', 'dean', 'chief-executive', 'senior', 'assistant', 'associate', 'acting',
  'former', 'late', 'then', 'new', 'incoming', 'outgoing', 'interim', 'state', 'national', 'security',
  'member', 'fellow', 'operating', 'financial', 'technology', 'technical', 'information', 'marketing', 'commercial', 'general',
]);
/** Title words that can be the head of a title on their own (not "Foreign" or "Senior"). */
export const TITLE_HEADS = new Set([
  'president', 'minister', 'chancellor', 'premier', 'senator', 'sen', 'representative', 'rep', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'secretary', 'ambassador', 'envoy', 'judge', 'justice', 'king',
  'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'bishop', 'archbishop', 'rev', 'reverend',
  'father', 'rabbi', 'imam', 'sheikh', 'ayatollah', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col',
  'lieutenant', 'lt', 'major', 'maj', 'captain', 'capt', 'sergeant', 'sgt', 'commander', 'cmdr', 'corporal',
  'cpl', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'ceo', 'cfo', 'coo', 'chairman', 'chairwoman', 'chair', 'director', 'spokesman', 'spokeswoman',
  'spokesperson', 'leader', 'speaker', 'founder', 'co-founder', 'analyst', 'coach', 'manager', 'inspector',
  'detective', 'det', 'agent', 'sheriff', 'superintendent', 'commissioner', 'dean', 'officer', 'executive',
]);
/** Lower-case words that extend a title to the left: "former President". */
export const TITLE_MODIFIERS = new Set(['former', 'then', 'acting', 'late', 'ex', 'incoming', 'outgoing', 'interim', 'deputy', 'vice']);

/** Final words of natural or regional places (LOC, not GPE). */
export const LOC_SUFFIXES = new Set([
  'river', 'ocean', 'sea', 'lake', 'mountains', 'mountain', 'mount', 'mt', 'hills', 'hill', 'valley', 'desert',
  'peninsula', 'island', 'islands', 'bay', 'gulf', 'strait', 'straits', 'coast', 'canyon', 'forest', 'glacier',
  'creek', 'falls', 'basin', 'plateau', 'plains', 'reef', 'cape', 'channel', 'delta', 'range', 'volcano', 'beach',
]);
/** Final words of political places (GPE). */
export const GPE_SUFFIXES = new Set([
  'city', 'county', 'state', 'province', 'district', 'town', 'township', 'village', 'borough', 'municipality',
  'prefecture', 'territory', 'republic', 'kingdom', 'emirate', 'oblast', 'region', 'parish', 'shire',
]);
/** Final words of buildings and other man-made places (FAC). */
export const FAC_SUFFIXES = new Set([
  'airport', 'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'square', 'bridge', 'tower',
  'building', 'palace', 'castle', 'stadium', 'arena', 'station', 'park', 'hall', 'house', 'highway', 'lane',
  'cathedral', 'temple', 'mosque', 'church', 'abbey', 'dam', 'canal', 'tunnel', 'terminal', 'port', 'harbor',
  'harbour', 'pier', 'fort', 'prison', 'plaza', 'mall', 'theatre', 'theater', 'monument', 'memorial', 'way',
  'field', 'gardens', 'railroad', 'railway', 'line',
]);
/** Final words of organizations beyond compromise's `orgWords` (armed forces, parties, legal forms). */
export const ORG_SUFFIXES = new Set([
  'party', 'forces', 'force', 'navy', 'guard', 'guards', 'brigade', 'brigades', 'regiment', 'battalion',
  'parliament', 'congress', 'senate', 'assembly', 'court', 'cabinet', 'administration', 'ministry', 'league',
  'alliance', 'movement', 'front', 'network', 'networks', 'records', 'studios', 'pictures', 'airline',
  'airlines', 'airways', 'motors', 'nv', 'ag', 'gmbh', 'sa', 'spa', 'plc', 'ltd', 'llc', 'llp', 'inc', 'corp',
  'co', 'bv', 'ab', 'as', 'asa', 'oyj', 'kk', 'pty', 'fc', 'afc', 'cf', 'united', 'rovers', 'athletic',
  'wanderers', 'band', 'orchestra', 'ensemble', 'trio', 'quartet', 'agency', 'commission', 'committee',
  'council', 'bureau', 'department', 'directorate', 'service', 'services', 'institute', 'institution',
  'university', 'college', 'school', 'academy', 'hospital', 'foundation', 'trust', 'fund', 'bank', 'exchange',
  'group', 'holdings', 'partners', 'associates', 'company', 'corporation', 'incorporated', 'limited',
  'industries', 'enterprises', 'technologies', 'systems', 'solutions', 'communications', 'electronics',
  'software', 'labs', 'laboratories', 'pharmaceuticals', 'energy', 'petroleum', 'oil', 'gas', 'railways',
  'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'telegraph', 'guardian', 'chronicle', 'daily',
  'news', 'press', 'magazine', 'radio', 'television', 'tv', 'broadcasting', 'media', 'publishing', 'publishers',
  'club', 'society', 'association', 'federation', 'confederation', 'union', 'organization', 'organisation',
  'authority', 'office', 'board', 'police', 'army', 'corps', 'mission', 'tribunal', 'secretariat', 'caucus',
  'fm', 'am', 'government', 'team',
]);
/** First words that make "X of Y" an organization ("University of Texas", "Bank of England"). */
export const ORG_HEADS = new Set([
  'university', 'bank', 'ministry', 'department', 'institute', 'college', 'academy', 'museum', 'school',
  'federation', 'association', 'council', 'board', 'office', 'court', 'house', 'church', 'order', 'society',
  'league', 'union', 'party', 'commission', 'committee', 'bureau', 'agency', 'government', 'parliament',
  'army', 'navy', 'secretariat', 'organization', 'organisation',
]);
/** First words that make "X of Y" a natural place ("Gulf of Mexico", "Bay of Bengal"). */
export const LOC_HEADS = new Set(['gulf', 'bay', 'sea', 'strait', 'straits', 'isle', 'lake', 'mount', 'cape', 'river']);
/** First words that make "X of Y" a political place ("Republic of Ireland", "City of London"). */
export const GPE_HEADS = new Set(['republic', 'kingdom', 'state', 'city', 'county', 'province', 'commonwealth', 'principality', 'emirate', 'duchy']);

/** Continents and regions: LOC. */
export const REGIONS = new Set([
  'africa', 'asia', 'europe', 'antarctica', 'oceania', 'australasia', 'americas', 'north america',
  'south america', 'latin america', 'central america', 'middle east', 'near east', 'far east', 'caribbean',
  'balkans', 'scandinavia', 'southeast asia', 'south asia', 'east asia', 'central asia', 'western europe',
  'eastern europe', 'central europe', 'sub-saharan africa', 'north africa', 'west africa', 'east africa',
  'southern africa', 'horn of africa', 'sahel', 'gulf', 'persian gulf', 'pacific', 'atlantic', 'mediterranean',
  'arctic', 'west bank', 'gaza strip', 'gaza', 'siberia', 'patagonia', 'amazon', 'himalayas', 'alps', 'andes',
  'midwest', 'new england', 'west coast', 'east coast', 'silicon valley', 'wall street', 'eurozone',
]);

/** Political and religious groups: NORP. */
export const GROUP_WORDS = new Set([
  'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'conservative', 'conservatives',
  'labour', 'liberal', 'liberals', 'socialist', 'socialists', 'communist', 'communists', 'marxist', 'maoist',
  'christian', 'christians', 'catholic', 'catholics', 'protestant', 'protestants', 'muslim', 'muslims',
  'islamic', 'islamist', 'islamists', 'jewish', 'jews', 'jew', 'hindu', 'hindus', 'buddhist', 'buddhists',
  'sikh', 'sikhs', 'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'kurd', 'kurds', 'kurdish', 'arab', 'arabs',
  'arabic', 'latino', 'latinos', 'hispanic', 'hispanics', 'orthodox', 'evangelical', 'evangelicals',
  'european', 'europeans', 'north american', 'north americans', 'south american', 'south americans', 'african', 'africans', 'asian', 'asians', 'western', 'westerners', 'latin american',
  'latin americans', 'pashtun', 'tamil', 'tamils', 'palestinian', 'palestinians', 'zionist', 'basque',
  'catalan', 'flemish', 'walloon', 'bolshevik', 'bolsheviks', 'nazi', 'nazis', 'soviet', 'soviets',
]);

/** Capitalized words that are never names on their own. */
export const NEVER_NAMES = new Set([
  'i', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
  'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'am', 'pm', 'a.m.', 'p.m.', 'ok', 'tv',
]);

/** Title heads that are also ordinary words inside names ("Major League Baseball", "General Motors"). */
export const AMBIGUOUS_TITLE_HEADS = new Set(['major', 'general', 'private', 'father', 'sister', 'brother', 'chief', 'justice', 'agent', 'officer', 'leader', 'speaker', 'director', 'king', 'queen', 'prince', 'lord', 'lady', 'chair', 'dean', 'executive', 'manager', 'coach', 'captain']);

/** Former and supranational polities no ISO list has: GPE. */
export const POLITIES = new Set(['eu', 'european union', 'soviet union', 'ussr', 'yugoslavia', 'czechoslovakia', 'east germany', 'west germany', 'ottoman empire', 'roman empire', 'british empire', 'persian empire', 'austria-hungary', 'austria hungary', 'prussia', 'byzantine empire']);
