import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, type ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import { applyEdit, type ChecklistEdit } from '../../core/checklist/edits';
import type { MunicipalityFile } from '../../core/schema/municipality';

export type SaveState = 'saved' | 'saving' | 'failed' | 'conflict';
type Recovery = Output<'municipality.open'>['recovery'];

export interface MunicipalityState {
  file: MunicipalityFile | null;
  loadError: ApiCallError | null;
  recovery: Recovery;
  saveState: SaveState;
  saveError: unknown;
  canUndo: boolean;
  canRedo: boolean;
  edit: (edit: ChecklistEdit) => void;
  undo: () => void;
  redo: () => void;
  reload: () => void;
  /** Takes a file the backend saved on its own (e.g. an evaluation import) without reloading the screen. */
  adopt: (saved: MunicipalityFile) => void;
}

const SAVE_DELAY_MS = 400;
/** Typing in one field is one undo step, not one per key. */
const COALESCE_MS = 1500;
const UNDO_LIMIT = 100;

const env = { now: () => new Date(), newId: () => crypto.randomUUID() };

function editKey(edit: ChecklistEdit): string {
  const parts: string[] = [edit.type];
  if ('itemId' in edit) parts.push(edit.itemId);
  if ('questionId' in edit) parts.push(edit.questionId);
  return parts.join('|');
}

/** One open municipality: edits apply locally at once (scores update), then save in the background. */
export function useMunicipality(client: ApiClient, id: string): MunicipalityState {
  const [file, setFile] = useState<MunicipalityFile | null>(null);
  const [loadError, setLoadError] = useState<ApiCallError | null>(null);
  const [recovery, setRecovery] = useState<Recovery>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [history, setHistory] = useState({ undo: 0, redo: 0 });
  const [loadCount, setLoadCount] = useState(0);

  const current = useRef<MunicipalityFile | null>(null);
  const savedRevision = useRef(0);
  const undoStack = useRef<MunicipalityFile[]>([]);
  const redoStack = useRef<MunicipalityFile[]>([]);
  const lastEdit = useRef<{ key: string; at: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const blocked = useRef(false);

  const show = useCallback((next: MunicipalityFile) => {
    current.current = next;
    setFile(next);
    setHistory({ undo: undoStack.current.length, redo: redoStack.current.length });
  }, []);

  useEffect(() => {
    let cancelled = false;
    setFile(null);
    setLoadError(null);
    client
      .call('municipality.open', { id })
      .then((opened) => {
        if (cancelled) return;
        savedRevision.current = opened.file.revision;
        undoStack.current = [];
        redoStack.current = [];
        blocked.current = false;
        setRecovery(opened.recovery);
        setSaveState('saved');
        setSaveError(null);
        show(opened.file);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error instanceof ApiCallError ? error : new ApiCallError({ code: 'internal', message: String(error) }));
      });
    return () => {
      cancelled = true;
    };
  }, [client, id, loadCount, show]);

  const flush = useCallback(async () => {
    if (inFlight.current || blocked.current || !current.current) return;
    inFlight.current = true;
    dirty.current = false;
    const sending = current.current;
    setSaveState('saving');
    try {
      const saved = await client.call('municipality.save', { file: sending, baseRevision: savedRevision.current });
      savedRevision.current = saved.revision;
      const latest = current.current;
      // Keep edits made while the save was in flight; only take the server's revision and timestamp.
      if (latest) show(latest === sending ? saved : { ...latest, revision: saved.revision, updatedAt: saved.updatedAt });
      setSaveError(null);
      setSaveState(dirty.current ? 'saving' : 'saved');
    } catch (error) {
      const apiError = error instanceof ApiCallError ? error : null;
      if (apiError?.code === 'conflict') {
        blocked.current = true;
        setSaveState('conflict');
      } else setSaveState('failed');
      setSaveError(error);
    } finally {
      inFlight.current = false;
    }
    if (dirty.current && !blocked.current) void flush();
  }, [client, show]);

  const scheduleSave = useCallback(() => {
    dirty.current = true;
    setSaveState('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current) void flush();
    };
  }, [flush]);

  const edit = useCallback(
    (change: ChecklistEdit) => {
      const before = current.current;
      if (!before) return;
      let next: MunicipalityFile;
      try {
        next = applyEdit(before, change, env);
      } catch (error) {
        setSaveError(error);
        return;
      }
      const key = editKey(change);
      const now = Date.now();
      const sameField = lastEdit.current !== null && lastEdit.current.key === key && now - lastEdit.current.at < COALESCE_MS;
      if (!sameField) {
        undoStack.current = [...undoStack.current.slice(-(UNDO_LIMIT - 1)), before];
      }
      lastEdit.current = { key, at: now };
      redoStack.current = [];
      show(next);
      scheduleSave();
    },
    [scheduleSave, show],
  );

  const move = useCallback(
    (from: React.RefObject<MunicipalityFile[]>, to: React.RefObject<MunicipalityFile[]>) => {
      const target = from.current.at(-1);
      const present = current.current;
      if (!target || !present) return;
      from.current = from.current.slice(0, -1);
      to.current = [...to.current, present];
      lastEdit.current = null;
      show({ ...target, revision: present.revision, updatedAt: present.updatedAt });
      scheduleSave();
    },
    [scheduleSave, show],
  );

  return {
    file,
    loadError,
    recovery,
    saveState,
    saveError,
    canUndo: history.undo > 0,
    canRedo: history.redo > 0,
    edit,
    undo: useCallback(() => move(undoStack, redoStack), [move]),
    redo: useCallback(() => move(redoStack, undoStack), [move]),
    reload: useCallback(() => setLoadCount((n) => n + 1), []),
    adopt: useCallback(
      (saved: MunicipalityFile) => {
        savedRevision.current = saved.revision;
        // The import is a saved step of its own: earlier undo states would be older revisions.
        undoStack.current = [];
        redoStack.current = [];
        show(saved);
      },
      [show],
    ),
  };
}
