import { toCsv } from './http-results';

describe('toCsv', () => {
  it('writes a header and rows with CRLF; withheld cells are empty', () => {
    expect(
      toCsv({
        kolommen: ['wijk', 'aantal'],
        rijen: [
          ['Noord', 15],
          ['Zuid', null],
        ],
      }),
    ).toBe('wijk,aantal\r\nNoord,15\r\nZuid,\r\n');
  });

  it('quotes a cell with a line feed or a carriage return, so it stays one cell', () => {
    const rijen = [['Praktijk\nNoord'], ['De\rLinde'], ['A\r\nB'], ['zeg "ja"']];
    expect(toCsv({ kolommen: ['naam'], rijen })).toBe(
      'naam\r\n"Praktijk\nNoord"\r\n"De\rLinde"\r\n"A\r\nB"\r\n"zeg ""ja"""\r\n',
    );
  });

  it('neutralises a formula at the start of a cell and at the start of every line in it', () => {
    const csv = toCsv({
      kolommen: ['reden'],
      rijen: [
        ['=HYPERLINK("http://x")'],
        ['te laat\n=1+1'],
        ['a\r\n+b\r-c\n@d\n\te'],
        ['-3'],
        [-3],
        ['gewoon - geen formule'],
      ],
    });
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      `"te laat\n'=1+1"`,
      `"a`,
    ]);
    expect(csv).toContain(`"a\r\n'+b\r'-c\n'@d\n'\te"\r\n'-3\r\n-3\r\ngewoon - geen formule\r\n`);
  });
});
