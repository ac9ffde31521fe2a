import { useEffect, type RefObject } from 'react';

/**
 * Keeps --header-height (tokens.css; scroll padding, the side panel, the F7 hint) equal to the
 * header's real height as it wraps with the window's width, zoom and text size; 0 when the
 * header is not sticky (app.css: low windows), since it then covers nothing.
 */
export function useHeaderHeight(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const root = document.documentElement;
    const update = () => {
      const sticky = getComputedStyle(element).position === 'sticky';
      root.style.setProperty('--header-height', sticky ? `${element.offsetHeight}px` : '0px');
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    // The header's position changes with the window's height (a media query), not its own size.
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
      root.style.removeProperty('--header-height');
    };
  }, [header]);
}
