import { describe, expect, it } from 'vitest';
import { bylineParts, bylineText, NO_BYLINE } from '../../../../electron/common/corpus/byline';

describe('byline', () => {
  it('names the author when only the author is stated (Charlie Winter’s article)', () => {
    expect(bylineText({ source: '', author: 'Charlie Winter' })).toBe('Charlie Winter');
  });

  it('gives source then author, and says when neither is stated', () => {
    expect(bylineParts({ source: 'Thought Front', author: 'A. Writer' })).toEqual(['Thought Front', 'A. Writer']);
    expect(bylineText({ source: 'DailyMail.co.uk', author: '' })).toBe('DailyMail.co.uk');
    expect(bylineText({ source: '  ', author: '\t' })).toBe(NO_BYLINE);
    expect(bylineText({})).toBe(NO_BYLINE);
  });

  it('shows a name given as both source and author once', () => {
    expect(bylineParts({ source: 'Reuters', author: 'reuters' })).toEqual(['Reuters']);
  });
});
