import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Passage {
  articleId: string;
  start: number;
  end: number;
  /** What asked for it, to say so in the panel. */
  label: string;
}

/** What a story page keeps in its history entry. */
interface EntryState {
  passage?: Passage;
  /** The reader's scroll position when the passage was opened, restored when it is closed. */
  scrollY?: number;
}

function entry(): EntryState {
  const s: unknown = history.state;
  return s && typeof s === 'object' ? (s as EntryState) : {};
}

/** The element that asked for the passage: focused, or last clicked (some browsers do not focus buttons on click). */
let lastClicked: HTMLElement | null = null;
document.addEventListener(
  'click',
  (e) => {
    lastClicked = (e.target as Element | null)?.closest?.<HTMLElement>('button, a') ?? null;
  },
  true,
);

function trigger(): HTMLElement | null {
  const a = document.activeElement;
  if (a instanceof HTMLElement && a !== document.body && !a.closest('.panel')) return a;
  return lastClicked?.isConnected ? lastClicked : null;
}

/**
 * The open source passage, kept in the history entry: opening pushes an entry, so Back closes the panel and
 * puts the reader back where they were, and Forward reopens it. Closing goes back through history too, so
 * the entries stay balanced.
 */
export function usePassage(): { passage?: Passage; open: (p: Passage) => void; close: () => void } {
  const [passage, setPassage] = useState<Passage | undefined>(() => entry().passage);
  const opener = useRef<HTMLElement | null>(null);

  const restore = useCallback((scrollY: number | undefined) => {
    // After the panel is gone: the page keeps its place and focus returns to what opened the panel.
    requestAnimationFrame(() => {
      if (typeof scrollY === 'number') window.scrollTo(0, scrollY);
      const to = opener.current;
      const lost = !document.activeElement || document.activeElement === document.body;
      if (to?.isConnected && lost) to.focus({ preventScroll: true });
    });
  }, []);

  useEffect(() => {
    const onPop = (): void => {
      const s = entry();
      setPassage(s.passage);
      if (!s.passage) restore(s.scrollY);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [restore]);

  const open = useCallback((p: Passage) => {
    opener.current = trigger();
    const s = entry();
    if (s.passage) {
      // Another passage while one is open replaces it: Back still closes the panel in one step.
      history.replaceState({ ...s, passage: p }, '');
    } else {
      const scrollY = window.scrollY;
      history.replaceState({ ...s, scrollY }, '');
      history.pushState({ passage: p, scrollY }, '');
    }
    setPassage(p);
  }, []);

  const close = useCallback(() => {
    if (entry().passage) {
      history.back();
      return;
    }
    setPassage(undefined);
    restore(undefined);
  }, [restore]);

  return { passage, open, close };
}
