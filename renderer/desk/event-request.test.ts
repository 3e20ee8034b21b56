import type { DeskAction } from './desk-application';
import { buildEventRequest, needsDialog } from './event-request';

function action(type: string, payload: DeskAction['payload']): DeskAction {
  return { type, label: { 'zh-CN': type, en: type }, target: null, payload, validateForm: false };
}

const requestCorrection = action('REQUEST_CORRECTION', {
  comment: 'required',
  corrections: 'required',
});
const approve = action('APPROVE', { comment: 'optional' });
const startReview = action('START_REVIEW', {});

describe('needsDialog', () => {
  it.each([
    [requestCorrection, true],
    [approve, true],
    [startReview, false],
  ])('opens a dialog for %p only when it asks for something', (given, expected) => {
    expect(needsDialog(given)).toBe(expected);
  });
});

describe('buildEventRequest', () => {
  it('sends a correction request with the comment and each field with its reason', () => {
    const result = buildEventRequest(requestCorrection, 4, {
      comment: '  请补充材料 ',
      corrections: [
        { pointer: '/shopName', reason: ' 名称不符合规范 ' },
        { pointer: '/premisesProof', reason: '租赁合同已过期' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      request: {
        type: 'REQUEST_CORRECTION',
        version: 4,
        comment: '请补充材料',
        corrections: [
          { pointer: '/shopName', reason: '名称不符合规范' },
          { pointer: '/premisesProof', reason: '租赁合同已过期' },
        ],
      },
    });
  });

  it('names every missing piece at once: comment, fields, a reason', () => {
    expect(buildEventRequest(requestCorrection, 1, { comment: ' ', corrections: [] })).toEqual({
      ok: false,
      problems: [
        { place: 'comment', code: 'comment_required' },
        { place: 'corrections', code: 'corrections_required' },
      ],
    });
    const noReason = buildEventRequest(requestCorrection, 1, {
      comment: 'x',
      corrections: [
        { pointer: '/a', reason: 'ok' },
        { pointer: '/b', reason: '  ' },
      ],
    });
    expect(noReason).toEqual({
      ok: false,
      problems: [{ place: 'reason:/b', code: 'reason_required' }],
    });
  });

  it('leaves an optional comment out when blank and sends it when given', () => {
    expect(buildEventRequest(approve, 2, { comment: '', corrections: [] })).toEqual({
      ok: true,
      request: { type: 'APPROVE', version: 2 },
    });
    expect(buildEventRequest(approve, 2, { comment: '同意', corrections: [] })).toEqual({
      ok: true,
      request: { type: 'APPROVE', version: 2, comment: '同意' },
    });
  });

  it('sends nothing the transition does not ask for', () => {
    const result = buildEventRequest(startReview, 3, {
      comment: 'stray',
      corrections: [{ pointer: '/a', reason: 'stray' }],
    });
    expect(result).toEqual({ ok: true, request: { type: 'START_REVIEW', version: 3 } });
  });
});
