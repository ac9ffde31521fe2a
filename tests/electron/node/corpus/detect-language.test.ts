import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLanguageTag } from '../../../../electron/node/corpus/detect-language';
import { countWords } from '../../../../electron/node/corpus/word-count';
import { keptHref } from '../../../../electron/node/corpus/text-blocks';

describe('detectLanguage', () => {
  it('tells Arabic from English by the share of Arabic-script letters', () => {
    expect(detectLanguage('أعلن تنظيم الدولة الإسلامية قيام الخلافة')).toBe('ar');
    expect(detectLanguage('The group declared a caliphate in 2014.')).toBe('en');
    // An Arabic article quoting a few English names stays Arabic; an English one quoting Arabic stays English.
    expect(detectLanguage('نشر التنظيم مجلة Dabiq ثم مجلة Rumiyah بعد خسارة الأراضي في الموصل')).toBe('ar');
    expect(detectLanguage('The term الخلافة (caliphate) appears throughout the English magazine articles we read.')).toBe('en');
    expect(detectLanguage('12345 — 67')).toBe('');
    expect(detectLanguage('12345 - 67 (#)')).toBe('');
    // Only the first 4,000 characters count.
    expect(detectLanguage('x'.padStart(5000, ' '))).toBe('');
  });

  it('cleans language tags from metadata', () => {
    expect(normaliseLanguageTag(' en_gb ')).toBe('en-GB');
    expect(normaliseLanguageTag('AR')).toBe('ar');
    expect(normaliseLanguageTag('"><script>')).toBe('');
  });
});

describe('countWords', () => {
  it('counts words of space-separated scripts, with inner apostrophes and hyphens', () => {
    expect(countWords("The group's well-known magazine, Dabiq (2014).")).toBe(6);
    expect(countWords('نشر التنظيم مجلة دابق باللغة الإنجليزية،')).toBe(6);
    expect(countWords('')).toBe(0);
  });

  it('segments scripts written without spaces', () => {
    expect(countWords('東京都に住んでいます')).toBeGreaterThan(2);
  });
});

describe('keptHref', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
    ['../relative.html', '../relative.html'],
    ['#note', '#note'],
    ['javascript:alert(1)', ''],
    ['  JaVaScRiPt:alert(1)', ''],
    ['java\tscript:alert(1)', ''],
    ['data:text/html,hi', ''],
    ['vbscript:x', ''],
  ])('%s -> %s', (href, kept) => {
    expect(keptHref(href)).toBe(kept);
  });
});
