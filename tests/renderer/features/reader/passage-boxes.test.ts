import { describe, expect, it } from 'vitest';
import { passageRuns, runBoxes } from '../../../../renderer/src/features/reader/passage-boxes';
import { builderLabels, physicalPageOf } from '../../../../renderer/src/features/reader/original-pages';

const runs = (...texts: string[]) => texts.map((str) => ({ str }));

describe('passageRuns: the runs of a page that hold a passage of the stored text', () => {
  it('finds a passage whose lines were joined and whose broken word was made whole', () => {
    const page = runs('Carrel Working Paper Series', 'The spread of propa-', 'ganda online was a well-', 'known concern of every government.', 'Platforms removed accounts in waves.');
    expect(passageRuns(page, 'The spread of propaganda online was a well-known concern of every government.')).toEqual({ first: 1, last: 3 });
    expect(passageRuns(page, 'Platforms removed accounts in waves.')).toEqual({ first: 4, last: 4 });
  });

  it('follows a passage that goes on past the page as far as the page has it', () => {
    const page = runs('Header', 'A sentence left unfinished runs', 'on into the');
    expect(passageRuns(page, 'A sentence left unfinished runs on into the next page where it ends.')).toEqual({ first: 1, last: 2 });
  });

  it('is null when the page does not hold it, or it has no letters', () => {
    expect(passageRuns(runs('Something else entirely.'), 'The spread of propaganda online.')).toBeNull();
    expect(passageRuns(runs('Anything'), ' — ')).toBeNull();
  });
});

describe('runBoxes: one box per line', () => {
  const identity = (a: readonly number[], b: readonly number[]) => [
    a[0]! * b[0]! + a[2]! * b[1]!,
    a[1]! * b[0]! + a[3]! * b[1]!,
    a[0]! * b[2]! + a[2]! * b[3]!,
    a[1]! * b[2]! + a[3]! * b[3]!,
    a[0]! * b[4]! + a[2]! * b[5]! + a[4]!,
    a[1]! * b[4]! + a[3]! * b[5]! + a[5]!,
  ];
  it('merges runs on one baseline and stacks lines', () => {
    const at = (x: number, y: number, width: number) => ({ str: 'w', transform: [10, 0, 0, 10, x, y], width, height: 10 });
    const boxes = runBoxes([at(10, 100, 20), at(40, 100, 30), at(10, 112, 50)], { first: 0, last: 2 }, [1, 0, 0, 1, 0, 0], 1, identity);
    expect(boxes).toEqual([
      { x: 10, y: 90, width: 60, height: 12.5 },
      { x: 10, y: 102, width: 50, height: 12.5 },
    ]);
  });
});

describe('the physical page of a paragraph', () => {
  it('labels pages as the builder does: the PDF’s own labels, else numbers', () => {
    expect(builderLabels(['i', ' 1 ', '', '3'], 4)).toEqual(['i', '1', '3', '3']);
    expect(builderLabels(null, 3)).toEqual(['1', '2', '3']);
  });

  it('walks repeated labels in order (a preface and a body both starting at 1)', () => {
    const labels = ['1', '2', '1', '2'];
    const paragraphs = [{ page: '1' }, { page: '2' }, { page: '1' }, { page: '2' }].map((p, i) => ({ start: i * 10, end: i * 10 + 5, ...p }));
    expect([0, 1, 2, 3].map((i) => physicalPageOf(paragraphs, i, labels))).toEqual([0, 1, 2, 3]);
  });
});
