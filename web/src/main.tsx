import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { hasNavigated, linkClick, useRoute } from './router.js';
import { StoryList } from './StoryList.js';
import { StoryView } from './StoryView.js';
import { ArticleView } from './ArticleView.js';
import './styles.css';

/** Moves focus (not just the view) to the main content, so the next Tab starts there. */
function skip(e: MouseEvent): void {
  const main = document.getElementById('content');
  if (!main) return;
  e.preventDefault();
  main.focus({ preventScroll: true });
  main.scrollIntoView({ block: 'start' });
}

function App() {
  const route = useRoute();
  useEffect(() => {
    // After moving within the app, focus the new page's heading so keyboard and screen-reader users land on
    // it. A freshly loaded page is left alone: its first Tab stop is the skip link.
    if (!hasNavigated()) return;
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.page, route.page === 'story' || route.page === 'article' ? route.id : '']);
  return (
    <>
      <a class="skip" href="#content" onClick={skip}>
        Skip to content
      </a>
      <header class="top">
        <a href="/" class="brand">
          Storyline
        </a>
        <span class="live" aria-hidden="true" title="Live updates">
          ● live
        </span>
      </header>
      <main id="content" tabIndex={-1}>
        {route.page === 'list' && <StoryList params={route.params} />}
        {route.page === 'story' && <StoryView key={route.id} id={route.id} />}
        {route.page === 'article' && <ArticleView key={route.id} id={route.id} params={route.params} />}
        {route.page === 'missing' && (
          <>
            <h1 tabIndex={-1}>Page not found</h1>
            <p>
              <a href="/">Back to the stories</a>
            </p>
          </>
        )}
      </main>
    </>
  );
}

document.addEventListener('click', linkClick);
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
