import { describe, expect, it } from 'vitest';
import { render, timexesOf } from './helpers.js';

process.env.TZ = 'Asia/Tokyo';

const here = '[dates/behaviour] ';

/** [sentence, publication date, expected renderings]: real news phrasing, one behaviour per row. */
const cases: Array<[string, string, string[]]> = [
  // Tense decides the direction of a bare weekday or month-day.
  ['The ministry announced the deal Monday.', '2026-01-14', ['Monday | DATE 2026-01-12']],
  ['The two leaders will meet Monday in Geneva.', '2026-01-14', ['Monday | DATE 2026-01-19']],
  ['Talks are scheduled to resume Friday.', '2026-01-14', ['Friday | DATE 2026-01-16']],
  ['The court ruled on Wednesday.', '2026-01-14', ['Wednesday | DATE 2026-01-14']],
  ['The dividend will be paid Jan. 2 to holders of record.', '1989-11-02', ['Jan. 2 | DATE 1990-01-02']],
  ['Sales fell sharply in December, the company said.', '1990-02-10', ['December | DATE 1989-12']],
  ['The offer was extended to Nov. 16.', '1989-10-30', ['Nov. 16 | DATE 1989-11-16']],
  ['The measure, first introduced in March, would cut spending.', '2026-01-14', ['March | DATE 2025-03']],
  ['last Friday', '2026-01-16', ['last Friday | DATE 2026-01-09']],
  ['Markets will remain closed until Friday.', '2008-09-17', ['Friday | DATE 2008-09-19']],
  ['Russian markets to remain closed until Friday', '2008-09-17', ['Friday | DATE 2008-09-19']],
  ['Until Thursday, they had not called him a suspect.', '1999-05-07', ['Thursday | DATE 1999-05-06']],
  ['Sales fell 20% from the same month a year ago.', '2009-02-03', ['the same month a year ago | DATE 2008-02']],
  ['Profit rose in 2009 from the year previous.', '2010-01-13', ['2009 | DATE 2009', 'the year previous | DATE 2008']],
  ['Trading resumed at 12:00 UTC Monday.', '2009-06-02', ['12:00 UTC Monday | TIME 2009-06-01T12:00Z']],
  ['They met last April.', '1989-10-26', ['last April | DATE 1989-04']],
  // The first verb of a group carries its tense; a capitalized "verb" inside a sentence is a name.
  ['They may lose when the case is heard in May in the appeals court.', '2000-03-29', ['May | DATE 2000-05']],
  ['In January, a week after the anniversary of the Roe vs. Wade decision, a bombing killed a guard.', '1998-10-25', ['January | DATE 1998-01', 'a week | DURATION P1W']],
  // Wire copy: the universal time in parentheses is the same time, and the day after it applies.
  ['The blast occurred at about 10:35 a.m. (0735 GMT) Friday.', '1998-08-08', ['about 10:35 a.m. | TIME 1998-08-07T10:35 APPROX', 'Friday | DATE 1998-08-07']],
  ['Provigo had sales of C$7.38 billion in the latest fiscal year.', '1989-10-26', ['the latest fiscal year | DATE 1988']],
  ['Now, he says, the plan looks different. Prices are now higher.', '1991-02-25', ['now | DATE PRESENT_REF']],
  ['Prices fell Friday. Dealers placed heavy buy orders in the morning.', '1989-10-30', ['Friday | DATE 1989-10-27', 'the morning | TIME 1989-10-27TMO']],
  ['The peace process, set to resume Monday in Belfast, is in danger.', '1998-03-22', ['Monday | DATE 1998-03-23']],
  ['Protesters prayed as Easter week began.', '2000-04-17', ['Easter week | DATE 2000-W16']],
  ['the level we saw in the winter of nineteen ninety-four', '1998-02-23', ['the winter of nineteen ninety-four | DATE 1994-WI']],
  ['GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.', '2006-01-27', ['the fourth quarter of 2005 | DATE 2005-Q4', 'the entire year | DATE 2005']],
  ['The chief executive forecast an earnings increase for the full year.', '1989-10-30', ['the full year | DATE 1989']],
  ['The measure comes on top of turnaround plans announced in January.', '2006-08-19', ['January | DATE 2006-01']],
  ['The transaction should be completed in October.', '2009-06-05', ['October | DATE 2009-10']],
  ['The percentage change is since year-end.', '1989-10-30', ['year-end | DATE 1988-12-31']],
  ['The company expects to complete the transaction by year-end.', '1989-11-02', ['year-end | DATE 1989-12-31']],
  // A change announced "effective" a date takes effect after the report.
  ['U.S. Trust also created a four-member office of the chairman, effective Feb. 1.', '1989-10-26', ['Feb. 1 | DATE 1990-02-01']],
  // Deictic units and modifiers.
  ['Profit rose last year and will rise next year.', '1989-10-26', ['last year | DATE 1988', 'next year | DATE 1990']],
  ['Shares fell last week and rose this week.', '1989-11-01', ['last week | DATE 1989-W43', 'this week | DATE 1989-W44']],
  ['Prices rose last month.', '1998-03-05', ['last month | DATE 1998-02']],
  ['Earlier this year the plant closed.', '1989-10-26', ['Earlier this year | DATE 1989 START']],
  ['Output should recover early next year.', '1989-10-26', ['early next year | DATE 1990 START']],
  ['the end of 1990', '1989-10-26', ['the end of 1990 | DATE 1990 END']],
  ['mid-November', '1989-11-02', ['mid-November | DATE 1989-11 MID']],
  ['It happened yesterday and again today.', '1998-01-20', ['yesterday | DATE 1998-01-19', 'today | DATE 1998-01-20']],
  ['He arrived last night.', '1998-01-20', ['last night | TIME 1998-01-19TNI']],
  ['The vote is this morning.', '1998-02-06', ['this morning | TIME 1998-02-06TMO']],
  ['Troops left two years ago.', '1998-04-24', ['two years ago | DATE 1996']],
  ['five months ago', '1998-03-31', ['five months ago | DATE 1997-10']],
  ['this summer', '1989-10-26', ['this summer | DATE 1989-SU']],
  ['last fall', '1998-02-13', ['last fall | DATE 1997-FA']],
  ['the weekend', '1989-10-30', ['the weekend | DATE 1989-W43-WE']],
  ['The Dow rose 0.5%, ending the day at 8,017.', '2009-04-03', ['the day | DATE 2009-04-03']],
  // Anaphora: counts from the last mentioned date.
  ['The talks opened on March 3, 1998. The following day, they collapsed.', '1998-03-20', ['March 3, 1998 | DATE 1998-03-03', 'The following day | DATE 1998-03-04']],
  ['Net income rose in the third quarter from $5 million a year earlier.', '1989-11-02', ['the third quarter | DATE 1989-Q3', 'a year earlier | DATE 1988-Q3']],
  ['the year-ago quarter', '1989-11-02', ['the year-ago quarter | DATE 1988-Q3']],
  // Absolute dates, quarters, decades, centuries.
  ['Aug. 7, 1998', '1999-01-01', ['Aug. 7, 1998 | DATE 1998-08-07']],
  ['The plane flew on 11 December and again on the 3rd of January.', '2010-01-18', ['11 December | DATE 2009-12-11', 'the 3rd of January | DATE 2010-01-03']],
  ['Profit in the final quarter of 2009 rose.', '2010-01-18', ['the final quarter of 2009 | DATE 2009-Q4']],
  ['This weekend, crowds came.', '2010-01-18', ['This weekend | DATE 2010-W03-WE']],
  ['October of 1963', '1999-01-01', ['October of 1963 | DATE 1963-10']],
  ['third-quarter profit', '1989-11-02', ['third-quarter | DATE 1989-Q3']],
  ['the year-ago third quarter', '1989-11-02', ['the year-ago third quarter | DATE 1988-Q3']],
  ['Saturday, April 25', '1998-04-24', ['Saturday, April 25 | DATE 1998-04-25']],
  ['The vote comes around Nov. 1.', '1989-10-26', ['around Nov. 1 | DATE 1989-11-01 APPROX']],
  ['from 1994 or later', '1998-01-01', ['1994 or later | DATE 1994 ON_OR_AFTER']],
  ['in the fourth quarter', '1989-11-02', ['the fourth quarter | DATE 1989-Q4']],
  ['the first half of 1989', '1989-11-02', ['the first half of 1989 | DATE 1989-H1']],
  ['Sales in Q4 2025 beat 2H 2024.', '2026-01-14', ['Q4 2025 | DATE 2025-Q4', '2H 2024 | DATE 2024-H2']],
  ['the early 1980s', '1989-11-02', ['the early 1980s | DATE 198 START']],
  ['the 20th century', '1989-11-02', ['the 20th century | DATE 19']],
  ['fiscal 1989 sales', '1989-11-02', ['fiscal 1989 | DATE 1989']],
  ['Thanksgiving Day', '1999-11-20', ['Thanksgiving Day | DATE 1999-11-25']],
  ['nineteen ninety-six', '1998-02-27', ['nineteen ninety-six | DATE 1996']],
  // Times.
  ['The deadline is 5 p.m. EST Nov. 9.', '1989-11-02', ['5 p.m. EST Nov. 9 | TIME 1989-11-09T17:00']],
  ['It exploded at 10 p.m. Wednesday.', '1998-02-13', ['10 p.m. Wednesday | TIME 1998-02-11T22:00']],
  ['noon Thursday', '1998-02-13', ['noon Thursday | TIME 1998-02-12T12:00']],
  // Durations and sets.
  ['The strike lasted two weeks.', '1998-01-01', ['two weeks | DURATION P2W']],
  ['a five-year plan', '1998-01-01', ['five-year | DURATION P5Y']],
  ['over the past two years', '1998-01-01', ['the past two years | DURATION P2Y']],
  ['The meeting went on for more than four hours.', '1998-01-01', ['more than four hours | DURATION PT4H MORE_THAN']],
  ['at least 30 days', '1998-01-01', ['at least 30 days | DURATION P30D EQUAL_OR_MORE']],
  ['for several years', '1998-01-01', ['several years | DURATION PXY']],
  ['Over the years, prices rose.', '1998-01-01', ['the years | DURATION PXY']],
  ['5 1/2 hours', '1998-01-01', ['5 1/2 hours | DURATION PT5H30M']],
  ['the first nine months', '1989-11-02', ['the first nine months | DURATION P9M']],
  ['Three days later, they left.', '1998-01-01', ['Three days | DURATION P3D']],
  ['The paper is published daily.', '1998-01-01', ['daily | SET P1D']],
  ['He earns $15,000 a year.', '1998-01-01', ['a year | SET P1Y']],
  ['They meet every Thursday.', '1998-01-01', ['every Thursday | SET XXXX-WXX-4']],
  // A recurrence keeps the quarter as its unit (TimeML's P1Q); a length of quarters is written in months.
  ['Unisys must pay about $100 million in interest every quarter.', '1989-10-30', ['every quarter | SET P1Q']],
  ['The bank pays $2 million a quarter in dividends.', '1989-10-30', ['a quarter | SET P1Q']],
  // An hour with its part of day is a clock time; "then current" is current at a past time.
  ["The father will leave at 4 in the morning, Castro said.", '2000-04-05', ['4 in the morning | TIME 2000-04-05T04:00']],
  ['The talks ended at ten at night.', '2000-04-05', ['ten at night | TIME 2000-04-05T22:00']],
  ['Gunmen killed two in the morning raid.', '2000-04-05', ['the morning | TIME 2000-04-05TMO']],
  // "one day": a vague future after a modal, a length after a preposition or at the end of a clause.
  ['Islam will one day be the second largest religion in the country.', '1998-03-03', ['one day | DATE FUTURE_REF']],
  ['The action followed by one day an announcement that it will retain the unit.', '1989-11-02', ['one day | DURATION P1D']],
  ['His successor had only been in the job one day.', '1989-10-30', ['one day | DURATION P1D']],
  // "the week of March 6" is that day's ISO week; the last/first week of a month has its Thursday in it.
  ['The day before the hearing, in the week of March 6, Manuel went to see him.', '2000-02-24', ['the week of March 6 | DATE 2000-W10']],
  ['Car sales rebounded in the last week of March.', '2009-04-01', ['the last week of March | DATE 2009-W13']],
  ['Talks resume in the first week of June 2010.', '2009-04-01', ['the first week of June 2010 | DATE 2010-W22']],
  // "that day" needs a day the text named: after a year it is generic.
  ['The crash came in 1987. Market makers lost heavily on trades made that day.', '1989-10-30', ['1987 | DATE 1987']],
  ['He was shot on Oct. 23. Earlier that day, the family sent a fax.', '1998-11-20', ['Oct. 23 | DATE 1998-10-23', 'Earlier that day | DATE 1998-10-23']],
  // A conjunction of days is two timexes, the second in the first one's month; "the March accession" is a month.
  ['The summit would still be held on April 24 and 25. The March accession will go ahead.', '1999-02-10', ['April 24 | DATE 1999-04-24', '25 | DATE 1999-04-25', 'March | DATE 1999-03']],
  // A range of lengths is two timexes; the first number takes the unit of the second.
  ['It takes between two to six days for every patient.', '1998-03-31', ['two | DURATION P2D', 'six days | DURATION P6D']],
  ['Shipments will resume within two to three weeks.', '1989-10-30', ['two | DURATION P2W', 'three weeks | DURATION P3W']],
  // A present-tense count of days names the day of the report.
  ["It's the second day of an offensive by the security forces.", '1998-03-06', ['the second day | DATE 1998-03-06']],
  // A bare "80s" is a decade when coordinated with one ("in his 80s" stays an age).
  ['The revolution rid Detroit of the boxy cars of the 70s and 80s.', '2007-02-09', ['the 70s | DATE 197', '80s | DATE 198']],
  ['Holders may buy shares at 50% of the then current market price.', '1989-10-26', ['then current | DATE PAST_REF']],
  // An amount after "of" does not make "the year" a part of another period.
  ['The stock rose to a high for the year of $42.875 a share in June.', '1989-10-30', ['the year | DATE 1989', 'June | DATE 1989-06']],
  ['Every summer, thousands visit.', '1998-01-01', ['Every summer | SET XXXX-SU']],
  ['Tuesday nights', '1998-01-01', ['Tuesday nights | SET XXXX-WXX-2TNI']],
  // Vague references.
  ['Prices are now higher than they were recently.', '1998-01-01', ['now | DATE PRESENT_REF', 'recently | DATE PAST_REF']],
  ['the future', '1998-01-01', ['the future | DATE FUTURE_REF']],
  ['In the past, such deals were rare.', '1998-01-01', ['the past | DATE PAST_REF']],
];

describe(here + 'finds and normalizes (table)', () => {
  for (const [sentence, dct, expected] of cases) {
    it(`${sentence} @${dct}`, () => {
      expect(timexesOf(sentence, dct).map(render)).toEqual(expected);
    });
  }
});

describe(here + 'config', () => {
  it('direction "past" never looks ahead', () => {
    expect(timexesOf('The two leaders will meet Monday.', '2026-01-14', { direction: 'past' }).map(render)).toEqual(['Monday | DATE 2026-01-12']);
  });
  it('anaphoricAnchor false counts "the following day" from the DCT', () => {
    const t = timexesOf('The talks opened on March 3, 1998. The following day, they collapsed.', '1998-03-20', { anaphoricAnchor: false });
    expect(t[1]).toMatchObject({ value: '1998-03-21', anchor: 'dct' });
  });
  it('decadeStyle x-suffix writes 198X', () => {
    expect(timexesOf('the 1980s', '1998-01-01', { decadeStyle: 'x-suffix' }).map(render)).toEqual(['the 1980s | DATE 198X']);
  });
  it('vagueReferences false drops now/recently', () => {
    expect(timexesOf('Prices are now higher.', '1998-01-01', { vagueReferences: false })).toEqual([]);
  });
  it('anchors record where a value was counted from', () => {
    const t = timexesOf('The talks opened on March 3, 1998. The following day, they collapsed. Officials met yesterday.', '1998-03-20');
    expect(t.map((x) => x.anchor)).toEqual(['none', 'previous', 'dct']);
  });
});
