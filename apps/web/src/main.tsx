import { render } from 'preact';
import { App } from './app';
import { hasSession } from './auth';
import './styles.css';

// Back to a page after logout: the browser may restore it from its back/forward cache, data and
// all. Without a session, load it anew (the login page) instead.
window.addEventListener('pageshow', (event) => {
  if (event.persisted && !hasSession()) location.reload();
});

render(<App />, document.getElementById('app')!);
