import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** Rendered width of an element divided by `width` (an SVG's viewBox width): how much its text is scaled. */
export function useRenderedScale(ref: RefObject<Element | null>, width: number): number {
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setScale(w / width);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, width]);
  return scale;
}

/** Whether a scroll container is wider inside than out, and whether it is scrolled to either end. */
/** `key` changes when the container may have appeared or its content changed. */
export function useOverflow(
  ref: RefObject<HTMLElement | null>,
  key: unknown,
): { overflows: boolean; atStart: boolean; atEnd: boolean } {
  const [state, setState] = useState({ overflows: false, atStart: true, atEnd: true });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const overflows = el.scrollWidth > el.clientWidth + 1;
      const atStart = el.scrollLeft <= 1;
      const atEnd = el.scrollLeft + el.clientWidth >= el.scrollWidth - 1;
      setState((s) =>
        s.overflows === overflows && s.atStart === atStart && s.atEnd === atEnd ? s : { overflows, atStart, atEnd },
      );
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [ref, key]);
  return state;
}
