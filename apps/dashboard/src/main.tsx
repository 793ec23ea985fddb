import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/dashboard.css';

createRoot(document.getElementById('root')!).render(<App />);
