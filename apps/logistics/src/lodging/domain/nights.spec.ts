import { nightByNight, nightsOf } from './nights';

describe('night-by-night lodging', () => {
  it('counts the nights from the first day to the day before the last, across a month end', () => {
    expect(nightsOf('2027-04-29', '2027-05-02')).toEqual(['2027-04-29', '2027-04-30', '2027-05-01']);
    expect(nightsOf('2027-04-29', '2027-04-29')).toEqual([]);
  });

  it('places each member per night, shows gaps, doubles and members who need no lodging', () => {
    const view = nightByNight({ id: 'd', startDate: '2027-04-10', endDate: '2027-04-13' }, [
      { memberId: 'a', name: 'Ana', lodgingNeed: 'hotel' },
      { memberId: 'b', name: 'Bo', lodgingNeed: 'homestay' },
      { memberId: 'c', name: 'Cy', lodgingNeed: 'none' },
    ], [
      { memberId: 'a', kind: 'hotel', place: 'Hotel Murano', room: '301', address: null, from: '2027-04-10', to: '2027-04-12', ref: 's1' },
      { memberId: 'b', kind: 'homestay', place: 'Ruiz', room: null, address: '1 Main St', from: '2027-04-11', to: '2027-04-13', ref: 'o1' },
      { memberId: 'b', kind: 'hotel', place: 'Hotel Murano', room: '302', address: null, from: '2027-04-12', to: '2027-04-13', ref: 's2' },
    ]);
    expect(view.nights.map((n) => n.date)).toEqual(['2027-04-10', '2027-04-11', '2027-04-12']);
    expect(view.nights.map((n) => n.members.map((m) => `${m.name}:${m.status}:${m.places.map((p) => p.place).join('+')}`))).toEqual([
      ['Ana:ok:Hotel Murano', 'Bo:gap:', 'Cy:not-needed:'],
      ['Ana:ok:Hotel Murano', 'Bo:ok:Ruiz', 'Cy:not-needed:'],
      ['Ana:gap:', 'Bo:double:Ruiz+Hotel Murano', 'Cy:not-needed:'],
    ]);
    expect(view.gaps).toEqual([{ date: '2027-04-10', memberId: 'b', name: 'Bo' }, { date: '2027-04-12', memberId: 'a', name: 'Ana' }]);
    expect(view.doubles).toEqual([{ date: '2027-04-12', memberId: 'b', name: 'Bo' }]);
    expect(view.nights[0].gaps).toBe(1);
  });
});
