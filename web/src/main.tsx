import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { linkClick, useRoute } from './router.js';
import { StoryList } from './StoryList.js';
import { StoryView } from './StoryView.js';
import { ArticleView } from './ArticleView.js';
import './styles.css';

function App() {
  const route = useRoute();
  useEffect(() => {
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.page, route.page === 'story' || route.page === 'article' ? route.id : '']);
  return (
    <>
      <a class="skip" href="#content">
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
      <main id="content">
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
