import * as electron from 'electron';
import { startDesktopApp } from './app';

startDesktopApp(electron).catch((error: unknown) => {
  electron.dialog.showErrorBox('Milepæl kunne ikke starte', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
