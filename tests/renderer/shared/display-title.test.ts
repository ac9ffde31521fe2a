import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../../renderer/src/shared/display-title';

describe('displayTitle', () => {
  it('drops bidi overrides so a title shows its real character order', () => {
    expect(displayTitle('report\u202Etxt.exe')).toBe('reporttxt.exe');
    expect(displayTitle('a\u202Db\u202Cc')).toBe('abc');
  });

  it('keeps Arabic text, isolates and marks', () => {
    expect(displayTitle('الدعاية \u2067الرقمية\u2069 \u200F')).toBe('الدعاية \u2067الرقمية\u2069 \u200F');
  });
});
