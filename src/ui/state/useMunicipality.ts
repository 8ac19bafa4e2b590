import { useCallback, useEffect, useRef, useState } from 'react';
import { takePrefetched } from '../prefetch';
import { ApiCallError, type ApiClient } from '../../api/client';
import type { Output } from '../../api/contract';
import type { FieldConflictView } from '../../api/live-contract';
import { applyEdit, type ChecklistEdit } from '../../core/checklist/edits';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { shareUnchanged } from '../../core/share-unchanged';
import { subscribeWorkspaceEvents, type SubscribeWorkspace } from '../api';
import { currentAuthor } from './author';
import { revertStep } from './revert';

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
  /** Fields someone else changed at the same moment: the kept value and the other ones. */
  conflicts: FieldConflictView[];
  edit: (edit: ChecklistEdit) => void;
  undo: () => void;
  redo: () => void;
  reload: () => void;
  /** Takes one of a conflict's values (the kept one or another) and settles the conflict. */
  resolve: (conflict: FieldConflictView, value: unknown) => void;
  /** Takes a file the backend saved on its own (e.g. an evaluation import) without reloading the screen. */
  adopt: (saved: MunicipalityFile) => void;
}

const SAVE_DELAY_MS = 400;
/** Typing in one field is one undo step, not one per key. */
const COALESCE_MS = 1500;
const UNDO_LIMIT = 100;
/** Used until the person has entered their name. */
export const UNKNOWN_AUTHOR = 'Ukendt';

const env = { now: () => new Date(), newId: () => crypto.randomUUID() };

function editKey(edit: ChecklistEdit): string {
  const parts: string[] = [edit.type];
  if ('itemId' in edit) parts.push(edit.itemId);
  if ('questionId' in edit) parts.push(edit.questionId);
  return parts.join('|');
}

/** A change waiting to be sent: edits as data, or one undo/redo step to set back. */
type Pending = ({ kind: 'edit'; edit: ChecklistEdit } | { kind: 'step'; from: MunicipalityFile; to: MunicipalityFile } | { kind: 'settle'; conflict: FieldConflictView; edit: ChecklistEdit | null }) & {
  /** The version the person saw when making the change: what others changed since then merges with it. */
  heads: string[];
  /** The backend's file at that version. */
  base: MunicipalityFile | null;
  /** Ids the change made (a new milestone, question, link): the same every time it is applied again. */
  ids?: string[];
};

/** Applying a change again must give it the same new ids, or later edits would lose track of them. */
function replayEnv(ids: string[]) {
  let next = 0;
  return {
    now: () => new Date(),
    newId: () => {
      if (next >= ids.length) ids.push(crypto.randomUUID());
      return ids[next++]!;
    },
  };
}

interface Step {
  before: MunicipalityFile;
  after: MunicipalityFile;
}

function applyPending(file: MunicipalityFile, pending: Pending): MunicipalityFile {
  if (pending.kind === 'edit') return applyEdit(file, pending.edit, replayEnv((pending.ids ??= [])));
  if (pending.kind === 'step') return revertStep(file, pending.from, pending.to);
  return pending.edit ? applyEdit(file, pending.edit, env) : file;
}

/** The edit that gives a field one of its conflicting values, for the fields people edit. */
function editForValue(conflict: FieldConflictView, value: unknown): ChecklistEdit | null {
  const { itemId, questionId, field } = conflict;
  const text = typeof value === 'string' ? value : '';
  if (itemId === undefined) return field === 'name' && text ? { type: 'renameMunicipality', name: text } : null;
  if (questionId !== undefined) return field === 'answer' ? { type: 'answerQuestion', itemId, questionId, answer: text } : field === 'text' && text ? { type: 'editQuestion', itemId, questionId, text } : null;
  switch (field) {
    case 'status':
      return value === 'not_started' || value === 'in_progress' || value === 'in_place' || value === 'not_relevant' ? { type: 'setStatus', itemId, status: value } : null;
    case 'owner':
      return { type: 'setOwner', itemId, owner: text };
    case 'notes':
      return { type: 'setNotes', itemId, notes: text };
    case 'dueDate':
      return { type: 'setDueDate', itemId, dueDate: text || null };
    case 'title':
      return text ? { type: 'setTitle', itemId, title: text } : null;
    case 'intro':
      return { type: 'setIntro', itemId, intro: text };
    default:
      return null;
  }
}

/**
 * One open municipality. Edits show at once (scores update) and go to the backend as data a
 * moment later, with the version they were made on; the backend merges them with what others did
 * meanwhile. Changes from other windows or apps arrive as events and are shown without a reload;
 * edits not yet sent stay on top. Undo and redo send the inverse of a step, never a whole file
 * that could overwrite someone else's work.
 */
export function useMunicipality(client: ApiClient, id: string, subscribe: SubscribeWorkspace = subscribeWorkspaceEvents): MunicipalityState {
  const [file, setFile] = useState<MunicipalityFile | null>(null);
  const [conflicts, setConflicts] = useState<FieldConflictView[]>([]);
  const [loadError, setLoadError] = useState<ApiCallError | null>(null);
  const [recovery, setRecovery] = useState<Recovery>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [history, setHistory] = useState({ undo: 0, redo: 0 });
  const [loadCount, setLoadCount] = useState(0);

  /** The backend's latest state and its version. */
  const server = useRef<{ file: MunicipalityFile; heads: string[] } | null>(null);
  const queue = useRef<Pending[]>([]);
  const sending = useRef<Pending[]>([]);
  const shown = useRef<MunicipalityFile | null>(null);
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const lastEdit = useRef<{ key: string; at: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const refreshWanted = useRef(false);
  const alive = useRef(true);

  /** Shows the backend's state with the changes not yet stored on top. */
  const render = useCallback(() => {
    const base = server.current?.file;
    if (!base) return;
    let next = base;
    for (const pending of [...sending.current, ...queue.current]) {
      try {
        next = applyPending(next, pending);
      } catch {
        // Someone else removed what this edit was about; the backend will say so when it is sent.
      }
    }
    // A save's answer is a whole new copy (shared in take); keep the objects that did not change,
    // so only the changed item's card redraws (all 300 cards of a long checklist redrew after every save).
    next = shareUnchanged(shown.current, next);
    shown.current = next;
    setFile(next);
    setHistory({ undo: undoStack.current.length, redo: redoStack.current.length });
  }, []);

  const take = useCallback(
    (live: { file: MunicipalityFile; heads: string[]; conflicts: FieldConflictView[] }): MunicipalityFile => {
      // Shared with what is shown here, so the edits applied on top of it (render) leave the
      // screen's objects in place and comparing them is a matter of identity.
      const file = shareUnchanged(shown.current ?? server.current?.file, live.file);
      server.current = { file, heads: live.heads };
      setConflicts(live.conflicts);
      render();
      return file;
    },
    [render],
  );

  useEffect(() => {
    alive.current = true;
    let cancelled = false;
    setFile(null);
    setLoadError(null);
    (takePrefetched(id) ?? client.call('municipality.live', { id }))
      .then((opened) => {
        if (cancelled) return;
        undoStack.current = [];
        redoStack.current = [];
        queue.current = [];
        sending.current = [];
        setRecovery(opened.recovery);
        setSaveState('saved');
        setSaveError(null);
        take(opened);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error instanceof ApiCallError ? error : new ApiCallError({ code: 'internal', message: String(error) }));
      });
    return () => {
      cancelled = true;
    };
  }, [client, id, loadCount, take]);

  const refresh = useCallback(async () => {
    if (inFlight.current) {
      refreshWanted.current = true;
      return;
    }
    try {
      const live = await client.call('municipality.live', { id });
      if (!inFlight.current) take(live);
      else refreshWanted.current = true;
    } catch {
      // The next event or save tries again.
    }
  }, [client, id, take]);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current || queue.current.length === 0 || !server.current) return;
    inFlight.current = true;
    const author = currentAuthor() || UNKNOWN_AUTHOR;
    // Edits go together; an undo step or a settled conflict goes on its own.
    const first = queue.current[0]!;
    const count = first.kind === 'edit' ? queue.current.findIndex((p) => p.kind !== 'edit' || p.base !== first.base) : 1;
    const batch = queue.current.splice(0, count < 0 ? Math.min(queue.current.length, 500) : Math.min(count, 500));
    sending.current = batch;
    setSaveState('saving');
    const base = server.current;
    try {
      let live;
      if (first.kind === 'edit') {
        // The edits are applied here, on the version they were made on, and sent as that file: new
        // milestones, questions and links keep the ids this window gave them (later edits use them);
        // the backend writes only the fields that differ from that version.
        let target = first.base ?? base.file;
        for (const pending of batch) {
          try {
            target = applyPending(target, pending);
          } catch {
            // Someone else removed what this edit was about.
          }
        }
        live = await client.call('municipality.change', { id, author, baseHeads: first.heads, file: target });
      } else if (first.kind === 'step') {
        live = await client.call('municipality.change', { id, author, baseHeads: base.heads, file: revertStep(base.file, first.from, first.to) });
      } else {
        const { conflict, edit } = first;
        const settle = [{ field: conflict.field, ...(conflict.itemId ? { itemId: conflict.itemId } : {}), ...(conflict.questionId ? { questionId: conflict.questionId } : {}) }];
        live = await client.call('municipality.change', { id, author, baseHeads: base.heads, settle, ...(edit ? { edits: [edit] } : {}) });
      }
      sending.current = [];
      let stored = live.file;
      if (alive.current) {
        stored = take(live);
        setSaveError(null);
      }
      // Changes made on the same version as the ones just stored now build on the stored result
      // (the very object new changes are made on, so they go in one batch with them).
      for (const pending of queue.current) {
        if (pending.base !== first.base) continue;
        pending.base = stored;
        pending.heads = live.heads;
      }
    } catch (error) {
      // An edit the backend refused is dropped (it would fail again); the reason is shown.
      sending.current = [];
      setSaveError(error);
      render();
    } finally {
      inFlight.current = false;
    }
    if (!alive.current) return;
    if (queue.current.length > 0) return flush();
    setSaveState((state) => (state === 'saving' ? 'saved' : state));
    if (refreshWanted.current) {
      refreshWanted.current = false;
      void refresh();
    }
  }, [client, id, refresh, render, take]);

  /**
   * The version a new change is made on: the backend's latest, or, while earlier changes are still
   * on their way, the same version as those (they are rebased together when the backend answers).
   */
  const baseForNew = useCallback((): { heads: string[]; base: MunicipalityFile | null } => {
    const earlier = queue.current.at(-1) ?? sending.current.at(-1);
    if (earlier) return { heads: earlier.heads, base: earlier.base };
    return { heads: server.current?.heads ?? [], base: server.current?.file ?? null };
  }, []);

  const scheduleSave = useCallback(() => {
    setSaveState('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.id === undefined || event.id === id) void refresh();
      }),
    [id, refresh, subscribe],
  );

  useEffect(() => {
    alive.current = true;
    const warn = (event: BeforeUnloadEvent) => {
      if (queue.current.length > 0 || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      // Leaving the screen: what is waiting is still sent.
      if (queue.current.length > 0) void flush();
      alive.current = false;
    };
  }, [flush]);

  const edit = useCallback(
    (change: ChecklistEdit) => {
      const before = shown.current;
      if (!before) return;
      let next: MunicipalityFile;
      const pending: Pending = { kind: 'edit', edit: change, ...baseForNew(), ids: [] };
      try {
        next = applyPending(before, pending);
      } catch (error) {
        setSaveError(error);
        return;
      }
      const key = editKey(change);
      const now = Date.now();
      const sameField = lastEdit.current !== null && lastEdit.current.key === key && now - lastEdit.current.at < COALESCE_MS;
      const top = undoStack.current.at(-1);
      if (sameField && top) undoStack.current = [...undoStack.current.slice(0, -1), { before: top.before, after: next }];
      else undoStack.current = [...undoStack.current.slice(-(UNDO_LIMIT - 1)), { before, after: next }];
      lastEdit.current = { key, at: now };
      redoStack.current = [];
      queue.current.push(pending);
      render();
      scheduleSave();
    },
    [baseForNew, render, scheduleSave],
  );

  const move = useCallback(
    (direction: 'undo' | 'redo') => {
      const from = direction === 'undo' ? undoStack : redoStack;
      const to = direction === 'undo' ? redoStack : undoStack;
      const step = from.current.at(-1);
      if (!step) return;
      from.current = from.current.slice(0, -1);
      to.current = [...to.current, step];
      lastEdit.current = null;
      const at = baseForNew();
      queue.current.push(direction === 'undo' ? { kind: 'step', from: step.after, to: step.before, ...at } : { kind: 'step', from: step.before, to: step.after, ...at });
      render();
      scheduleSave();
    },
    [baseForNew, render, scheduleSave],
  );

  const resolve = useCallback(
    (conflict: FieldConflictView, value: unknown) => {
      queue.current.push({ kind: 'settle', conflict, edit: value === conflict.value ? null : editForValue(conflict, value), heads: server.current?.heads ?? [], base: server.current?.file ?? null });
      setConflicts((all) => all.filter((c) => c !== conflict));
      render();
      scheduleSave();
    },
    [render, scheduleSave],
  );

  return {
    file,
    loadError,
    recovery,
    saveState,
    saveError,
    canUndo: history.undo > 0,
    canRedo: history.redo > 0,
    conflicts,
    edit,
    undo: useCallback(() => move('undo'), [move]),
    redo: useCallback(() => move('redo'), [move]),
    reload: useCallback(() => setLoadCount((n) => n + 1), []),
    resolve,
    // A file the backend saved on its own (an evaluation import): read the live state again.
    adopt: useCallback(() => void refresh(), [refresh]),
  };
}
