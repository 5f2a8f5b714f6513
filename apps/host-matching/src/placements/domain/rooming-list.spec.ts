import { roomingList, roomingListCsv, roomingListHtml } from './rooming-list';

describe('rooming list', () => {
  const d = { id: 'd1', title: 'Fuzhou youth exchange <2027>', hostCity: 'Tacoma', startDate: '2027-07-01', endDate: '2027-07-10' };
  const entry = (familyName: string, guestName: string, status = 'confirmed') => ({ familyName, address: '1 Main St, Tacoma', guestName, gender: 'female', ageOnArrival: 15, role: 'student', arrival: d.startDate, departure: d.endDate, status });
  const list = roomingList(d, [entry('Ruiz', 'Mei Lin'), entry('Anders', 'Wei Chen', 'accepted'), entry('Ruiz', 'Ana Li')], [{ guestName: 'Zhang Hua', role: 'student' }]);

  it('groups guests by family, sorted by family then guest', () => {
    expect(list.families.map((f) => [f.familyName, f.guests.map((g) => g.guestName)])).toEqual([['Anders', ['Wei Chen']], ['Ruiz', ['Ana Li', 'Mei Lin']]]);
  });

  it('CSV has a header and one row per guest, the unplaced last, addresses quoted', () => {
    const lines = roomingListCsv(list).trim().split('\n');
    expect(lines[0]).toBe('family,address,guest,gender,age_on_arrival,role,arrival,departure,status');
    expect(lines.slice(1)).toEqual([
      'Anders,"1 Main St, Tacoma",Wei Chen,female,15,student,2027-07-01,2027-07-10,accepted',
      'Ruiz,"1 Main St, Tacoma",Ana Li,female,15,student,2027-07-01,2027-07-10,confirmed',
      'Ruiz,"1 Main St, Tacoma",Mei Lin,female,15,student,2027-07-01,2027-07-10,confirmed',
      ',,Zhang Hua,,,student,2027-07-01,2027-07-10,unplaced',
    ]);
  });

  it('HTML escapes what it prints', () => {
    const html = roomingListHtml(list);
    expect(html).toContain('Fuzhou youth exchange &lt;2027&gt;');
    expect(html).not.toContain('<2027>');
    expect(html).toContain('<h2>Not placed yet</h2>');
  });

  it('CSV makes a family name, address or guest name that a spreadsheet would run as a formula inert', () => {
    const hostile = roomingList(d, [{ ...entry('=HYPERLINK("https://evil.example","Open")', '+Mei Lin'), address: '@SUM(A1)' }], [{ guestName: '-1+1', role: 'student' }]);
    const lines = roomingListCsv(hostile).trim().split('\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""https://evil.example"",""Open"")",'@SUM(A1),'+Mei Lin,female,15,student,2027-07-01,2027-07-10,confirmed`);
    expect(lines[2]).toBe(",,'-1+1,,,student,2027-07-01,2027-07-10,unplaced");
  });
});
