import { compileDefinition } from '../../definitions/compiled-definition';
import { isTimerEvent } from '../../definitions/workflow/workflow-effects';
import { readDefinition } from '../../examples/matters/example-files';
import { eventLabels } from './matter-presenter';

const compiled = compileDefinition(readDefinition('commercial-entity-establishment'));

describe('the labels of a history', () => {
  const labels = eventLabels(compiled);

  it('names the engine’s START row, not by its code', () => {
    expect(labels.get('START')).toEqual({ 'zh-CN': '创建申请', en: 'Application started' });
  });

  it('names each delay by its transition’s label, under the event type XState records', () => {
    const delays = [...labels].filter(([type]) => isTimerEvent(type));
    expect(delays.length).toBeGreaterThanOrEqual(2);
    const submitted = delays.find(
      ([type]) => type.includes('.P5D.') && type.endsWith('.submitted'),
    );
    expect(submitted?.[1]).toEqual({ 'zh-CN': '逾期视为受理', en: 'Deemed accepted after 5 days' });
  });

  it('keeps the workflow’s own labels for its events', () => {
    expect(labels.get('ACCEPT')?.['zh-CN']).toBe('受理');
  });
});
