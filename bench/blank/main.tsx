// The yardstick: the smallest Vite + React page, built the same way as the app.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>Blank</h1>);
