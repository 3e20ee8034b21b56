import {
  acceptedTypeNames,
  acceptsType,
  formatFileSize,
  materialFileProblem,
} from './material-rules';

const material = { accept: ['application/pdf', 'image/*'], maxSize: 1024, maxFiles: 2 };

describe('material limits in the browser', () => {
  it.each([
    [{ type: 'application/pdf', size: 100 }, 1, undefined],
    [{ type: 'image/png', size: 1024 }, 2, undefined],
    [{ type: 'text/plain', size: 100 }, 1, 'type'],
    [{ type: '', size: 100 }, 1, 'type'],
    [{ type: 'image/jpeg', size: 1025 }, 1, 'size'],
    [{ type: 'image/jpeg', size: 0 }, 1, 'empty'],
    [{ type: 'image/jpeg', size: 10 }, 3, 'count'],
  ])('%j as file %d: %s', (file, filesAfter, problem) => {
    expect(materialFileProblem(material, file, filesAfter)).toBe(problem);
  });

  it('accepts any type when the material names none, and parameters after the type', () => {
    expect(acceptsType(null, 'text/plain')).toBe(true);
    expect(acceptsType(['application/pdf'], 'application/PDF; charset=binary')).toBe(true);
  });

  it('words types and sizes as people know them', () => {
    expect(acceptedTypeNames(['application/pdf', 'image/jpeg', 'image/png'])).toBe('PDF, JPG, PNG');
    expect(formatFileSize(10485760)).toBe('10 MB');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(12)).toBe('12 B');
  });
});
