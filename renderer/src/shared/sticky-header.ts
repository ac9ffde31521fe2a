/** The sticky header's height, declared once in CSS as scroll-padding-top: scrolling keeps targets below it. */
export function stickyHeaderHeight(): number {
  return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
}
