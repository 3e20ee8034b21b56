/**
 * Small files that pass the upload content check: the right leading bytes for their type, then
 * some text. Tests upload these instead of bare strings.
 */
export function sampleFile(name: string): { mediaType: string; content: Buffer } {
  const pdf = name.toLowerCase().endsWith('.pdf');
  const head = pdf ? Buffer.from('%PDF-1.7\n') : Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  return {
    mediaType: pdf ? 'application/pdf' : 'image/jpeg',
    content: Buffer.concat([head, Buffer.from(`sample ${name}`)]),
  };
}
