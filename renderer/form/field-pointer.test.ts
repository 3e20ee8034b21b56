import {
  fieldIdOf,
  focusCandidates,
  isWithin,
  pointerOf,
  pointerSegments,
  topFieldOf,
} from './field-pointer';

describe('pointers and field ids', () => {
  it.each([
    ['', 'answer'],
    ['/companyName', 'answer.companyName'],
    ['/address/postalCode', 'answer.address.postalCode'],
    ['/shareholders/0/idNumber', 'answer.shareholders.0.idNumber'],
    ['/a~1b/c~0d', 'answer.a/b.c~d'],
  ])('the field of %j has the id rjsf gives it, %j', (pointer, id) => {
    expect(fieldIdOf(pointer)).toBe(id);
  });

  it('splits and joins pointers with JSON Pointer escapes', () => {
    expect(pointerSegments('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(pointerOf(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(pointerSegments('')).toEqual([]);
  });

  it('knows the top field and what lies within a field', () => {
    expect(topFieldOf('/shareholders/3/name')).toBe('shareholders');
    expect(topFieldOf('')).toBeUndefined();
    expect(isWithin('/shareholders/3/name', '/shareholders')).toBe(true);
    expect(isWithin('/shareholdersNote', '/shareholders')).toBe(false);
  });

  it('tries the field, its first option, then the objects around it', () => {
    expect(focusCandidates('/operatingTerm/kind')).toEqual([
      'answer.operatingTerm.kind',
      'answer.operatingTerm.kind-0',
      'answer.operatingTerm',
      'answer.operatingTerm-0',
      'answer',
      'answer-0',
    ]);
  });
});
