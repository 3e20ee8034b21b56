import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

const container = document.getElementById('app');
if (!container) throw new Error('index.html must hold <div id="app">');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
