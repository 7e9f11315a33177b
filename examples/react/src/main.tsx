import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

// The page is served by the reference server's origin (serve.mjs), so the server is this origin.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App server={location.origin} site="react" />
  </StrictMode>,
);
