import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFile: () => void;
  exportCurrent: () => void;
  showPlan: () => void;
  printToPdf: () => void;
  openDataFolder: () => void;
  chooseDataFolder: () => void;
  /** Shows how to share with the team (alone, shared folder, team server). */
  shareWithTeam: () => void;
  about: () => void;
}

/** The application menu in Danish: Filer, Rediger, Vis, Hjælp. */
export function menuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Filer',
      submenu: [
        { label: 'Importér kommunefil …', accelerator: 'CmdOrCtrl+O', click: actions.importFile },
        { label: 'Eksportér kommunefil …', accelerator: 'CmdOrCtrl+E', click: actions.exportCurrent },
        { label: 'Implementeringsplan …', accelerator: 'CmdOrCtrl+Shift+P', click: actions.showPlan },
        { label: 'Udskriv til PDF …', accelerator: 'CmdOrCtrl+P', click: actions.printToPdf },
        { type: 'separator' },
        { label: 'Åbn datamappe', click: actions.openDataFolder },
        { label: 'Vælg datamappe …', click: actions.chooseDataFolder },
        { label: 'Del med teamet …', click: actions.shareWithTeam },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Luk vindue' } : { role: 'quit', label: 'Afslut' },
      ],
    },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Fortryd' },
        { role: 'redo', label: 'Gentag' },
        { type: 'separator' },
        { role: 'cut', label: 'Klip' },
        { role: 'copy', label: 'Kopiér' },
        { role: 'paste', label: 'Sæt ind' },
        { role: 'selectAll', label: 'Markér alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        { role: 'reload', label: 'Genindlæs' },
        { type: 'separator' },
        { role: 'zoomIn', label: 'Zoom ind' },
        { role: 'zoomOut', label: 'Zoom ud' },
        { role: 'resetZoom', label: 'Faktisk størrelse' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fuld skærm' },
      ],
    },
    {
      label: 'Hjælp',
      submenu: [{ label: 'Om Milepæl', click: actions.about }],
    },
  ];
}
