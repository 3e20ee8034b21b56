import { withoutValues } from './draft-values';

describe('withoutValues', () => {
  it('removes the values the server refused and keeps the rest', () => {
    const data = {
      companyName: '青禾',
      legalRepresentative: { name: '林', idNumber: '123' },
      alternateNames: ['a', 'b', 'c', 'd'],
    };
    const kept = withoutValues(data, [
      '/legalRepresentative/idNumber',
      '/alternateNames/1',
      '/alternateNames/3',
      '/missing/deep',
    ]);
    expect(kept).toEqual({
      companyName: '青禾',
      legalRepresentative: { name: '林' },
      alternateNames: ['a', 'c'],
    });
    expect(data.legalRepresentative.idNumber).toBe('123');
  });

  it('removes a property of an array item before the item itself is moved', () => {
    const data = { list: [{ a: 1 }, { a: 2, b: 3 }] };
    expect(withoutValues(data, ['/list/0', '/list/1/b'])).toEqual({ list: [{ a: 2 }] });
  });
});
