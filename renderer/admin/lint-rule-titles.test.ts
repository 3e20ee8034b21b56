import { lintRules } from '../../definitions/lint/rules';
import { lintRuleTitles } from './lint-rule-titles';

describe('the console’s names of the lint rules', () => {
  it('name every rule of the linter in both languages, and no rule it does not have', () => {
    const ids = lintRules.map((rule) => rule.id).sort();
    expect(Object.keys(lintRuleTitles).sort()).toEqual(ids);
    for (const title of Object.values(lintRuleTitles)) {
      expect(title['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(title.en.length).toBeGreaterThan(0);
    }
  });
});
