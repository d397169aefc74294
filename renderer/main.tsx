import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { actionContext } from './app/actionContext';
import { App } from './app/App';
import { api } from './platform/api';
import { closeSafely } from './platform/closeSafely';
import { guardStorage } from './platform/guardStorage';
import { connectMenu } from './platform/menuCommands';
import { scheduleBackups } from './platform/scheduleBackups';
import { appStore, teamSync } from './store/appStore';

connectMenu(actionContext);
guardStorage(appStore);
scheduleBackups(appStore);
closeSafely(api, appStore);
void teamSync.getState().resume();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
