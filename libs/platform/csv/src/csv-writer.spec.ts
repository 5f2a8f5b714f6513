import { writeCsv } from './csv-writer';

describe('writeCsv', () => {
  it('writes a header and rows, quoting what needs it', () => {
    expect(writeCsv(['name', 'note', 'count'], [['Ana Ruiz', 'says "hi", twice', 3], ['Lin', null, 0]]))
      .toBe('name,note,count\nAna Ruiz,"says ""hi"", twice",3\nLin,,0\n');
  });

  it.each([
    ['=HYPERLINK("https://evil.example","Open")'], ['+1+cmd|"/c calc"!A0'], ['-2+3'], ['@SUM(A1:A9)'], ['\t=1+1'], ['\r=1+1'], ['＝1+1'],
  ])('makes a cell inert that a spreadsheet would run as a formula: %j', (value) => {
    const [, row] = writeCsv(['v'], [[value]]).split('\n');
    const cell = row.startsWith('"') ? row.slice(1) : row;
    expect(cell.startsWith("'")).toBe(true);
    expect(cell.slice(1).startsWith(value.replace(/"/g, '""').slice(0, 5))).toBe(true);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(writeCsv(['a', 'b', 'c'], [['Portland 2027', 'a=b', 42]])).toBe('a,b,c\nPortland 2027,a=b,42\n');
  });
});
