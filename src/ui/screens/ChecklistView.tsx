import { ArrowDown, ArrowUp, ClockAlert, Search, TriangleAlert } from 'lucide-react';
import { lazy, memo, Suspense, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { EvaluationNote } from '../components/EvaluationNote';
import type { ChecklistEdit } from '../../core/checklist/edits';
import { isFiltering, matchesFilter, NO_FILTER, ownersOf, searchHits, type ChecklistFilter, type SearchHit } from '../../core/checklist/filter';
import { isOverdue } from '../../core/checklist/summary';
import { isStale, lastReviewed } from '../../core/history/stale';
import type { ChecklistItem, MunicipalityFile } from '../../core/schema/municipality';
import { scoreItems, type ScoreReport } from '../../core/scoring/score';
// markdown-it is a sizeable part of the bundle and only needed once an item's details are open.
const Markdown = lazy(() => import('../components/Markdown'));
import { DateInput } from '../components/DateInput';
import { ScoreBar } from '../components/ScoreBar';
import { PrincipleSigns, SignsBadge } from '../components/PrincipleSigns';
import { StatusPicker } from '../components/StatusPicker';
import { ChecklistFilterBar } from '../components/ChecklistFilterBar';
import { DraftInput, DraftTextarea } from '../components/DraftField';
import { useI18n } from '../i18n';
import '../workflow.css';
import { SteeringFlagEditor } from '../components/SteeringFlagEditor';
import { Editing, useReadOnly } from '../state/read-only';

type GroupBy = 'driver' | 'phase';

interface Group {
  id: string;
  title: string;
  description: string;
  items: ChecklistItem[];
  /** The driver a new milestone in this group gets. */
  driverId: string | undefined;
  phaseId: string | undefined;
}

function groupsOf(file: MunicipalityFile, by: GroupBy, noPhase: string): Group[] {
  const milestones = file.items.filter((i) => i.kind === 'milestone');
  if (by === 'driver') {
    return file.framework.drivers.map((d) => ({ id: d.id, title: d.title, description: d.description, items: milestones.filter((i) => i.driverId === d.id), driverId: d.id, phaseId: undefined }));
  }
  const groups: Group[] = file.framework.phases.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    items: milestones.filter((i) => i.phaseId === p.id),
    driverId: file.framework.drivers[0]?.id,
    phaseId: p.id,
  }));
  const loose = milestones.filter((i) => i.phaseId === undefined);
  if (loose.length > 0) groups.push({ id: 'no-phase', title: noPhase, description: '', items: loose, driverId: file.framework.drivers[0]?.id, phaseId: undefined });
  return groups;
}

interface Props {
  file: MunicipalityFile;
  /** The screen's scores, so the checklist does not score 300 items a second time on every click. */
  report: ScoreReport;
  today: string;
  edit: (edit: ChecklistEdit) => void;
}

export function ChecklistView({ file, report, today, edit }: Props) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('driver');
  const [editing, setEditing] = useState(false);
  const [dragged, setDragged] = useState<string | null>(null);
  const groupName = useId();
  const editId = useId();
  const [filter, setFilter] = useState<ChecklistFilter>(NO_FILTER);
  const [notice, setNotice] = useState<string | null>(null);
  const filtering = isFiltering(filter);
  const allGroups = groupsOf(file, groupBy, t('checklist.noPhase'));
  const milestones = useMemo(() => file.items.filter((i) => i.kind === 'milestone'), [file.items]);
  // A phase group shows the phase's own score (as in the header), which also counts the year-1 flow's steps in the phase.
  const phaseScores = report.phases;
  const owners = useMemo(() => ownersOf(milestones), [milestones]);
  // One element for every evaluation milestone, new only when the evaluation data change, so those cards stay memoised.
  const evaluationNote = useMemo(() => <EvaluationNote evaluation={file.evaluation} today={today} />, [file.evaluation, today]);
  const groups = filtering ? allGroups.map((g) => ({ ...g, items: g.items.filter((i) => matchesFilter(i, filter, today)) })).filter((g) => g.items.length > 0) : allGroups;
  const shown = groups.reduce((n, g) => n + g.items.length, 0);
  // Moving items while some are hidden would drop them between invisible neighbours.
  const reordering = editing && !filtering;
  // One stable callback for the move buttons, reading the current order when clicked, so the
  // memoised cards below re-render only when their own item changes.
  const current = useRef({ file, groups, dragged });
  useLayoutEffect(() => {
    current.current = { file, groups, dragged };
  });
  const moveBy = useCallback(
    (itemId: string, step: -1 | 1) => {
      const siblings = current.current.groups.find((g) => g.items.some((i) => i.id === itemId))?.items ?? [];
      const neighbour = siblings[siblings.findIndex((i) => i.id === itemId) + step];
      if (neighbour) edit({ type: 'moveItem', itemId, toIndex: current.current.file.items.findIndex((i) => i.id === neighbour.id) });
    },
    [edit],
  );
  const titleRefused = useCallback(() => setNotice(t('draft.titleRequired')), [t]);

  // Stable, like moveBy: the rows are memoised, and a handler made anew each render redrew all 300.
  const dropOn = useCallback(
    (targetId: string) => {
      const from = current.current.dragged;
      if (from && from !== targetId) edit({ type: 'moveItem', itemId: from, toIndex: current.current.file.items.findIndex((i) => i.id === targetId) });
      setDragged(null);
    },
    [edit],
  );
  const endDrag = useCallback(() => setDragged(null), []);

  return (
    <div className="checklist">
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{t('checklist.groupBy')}</legend>
          {(['driver', 'phase'] as const).map((by) => (
            <label key={by} className={groupBy === by ? 'is-selected' : ''}>
              <input type="radio" name={groupName} checked={groupBy === by} onChange={() => setGroupBy(by)} /> {t(`checklist.groupBy.${by}`)}
            </label>
          ))}
        </fieldset>
        <Editing>
          <label className="checkbox" htmlFor={editId}>
            <input id={editId} type="checkbox" checked={editing} onChange={(e) => setEditing(e.target.checked)} /> {t('checklist.editMode')}
          </label>
        </Editing>
        {editing && <p className="muted">{t(filtering ? 'filter.reorderOff' : 'checklist.dragHint')}</p>}
      </div>
      <ChecklistFilterBar filter={filter} owners={owners} shown={shown} total={milestones.length} onChange={setFilter} />
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      {filtering && shown === 0 && <p className="muted">{t('filter.noMatch')}</p>}

      {groups.map((group) => {
        const allItems = allGroups.find((g) => g.id === group.id)?.items ?? group.items;
        const phaseScore = group.phaseId === undefined ? undefined : phaseScores.find((p) => p.id === group.phaseId);
        const score = phaseScore ?? scoreItems(group.id, group.title, allItems);
        const flowSteps = group.phaseId === undefined ? 0 : file.items.filter((i) => i.kind === 'flow_step' && i.phaseId === group.phaseId).length;
        const countsEvidence = group.phaseId !== undefined && group.phaseId === file.framework.evaluation?.evaluationPhase;
        return (
          <section key={group.id} className="group" aria-labelledby={`group-${group.id}`}>
            <header className="group-head">
              <h2 id={`group-${group.id}`}>{group.title}</h2>
              <ScoreBar label={group.title} percent={score.percent} />
              <p className="muted">
                {t('checklist.itemsInGroup', { count: allItems.length })}
                {flowSteps > 0 && ` · ${t('checklist.phaseAlsoFlow', { count: flowSteps })}`}
                {countsEvidence && ` · ${t('checklist.phaseAlsoEvidence')}`}
              </p>
            </header>
            <ol className="items">
              {group.items.map((item, position) => (
                <MemoItemRow
                  key={item.id}
                  item={item}
                  today={today}
                  note={file.framework.evaluation?.milestones.includes(item.id) ? evaluationNote : undefined}
                  staleSince={isStale(item, file, today) ? lastReviewed(item, file) : null}
                  foundIn={filter.search.trim() === '' ? '' : searchHits(item, filter.search).join(' ')}
                  editing={editing}
                  edit={edit}
                  onTitleRefused={titleRefused}
                  canMoveUp={reordering && position > 0}
                  canMoveDown={reordering && position < group.items.length - 1}
                  moveBy={moveBy}
                  reordering={reordering}
                  isDragging={dragged === item.id}
                  onDragStart={setDragged}
                  onDropOn={dropOn}
                  onDragEnd={endDrag}
                />
              ))}
            </ol>
            {editing && !filtering && group.driverId && <AddItemForm group={group} edit={edit} />}
          </section>
        );
      })}
    </div>
  );
}

type MemoItemProps = Omit<ItemProps, 'onMoveUp' | 'onMoveDown'> & {
  canMoveUp: boolean;
  canMoveDown: boolean;
  moveBy: (itemId: string, step: -1 | 1) => void;
  reordering: boolean;
  isDragging: boolean;
  onDragStart: (itemId: string) => void;
  onDropOn: (targetId: string) => void;
  onDragEnd: () => void;
};

/** A row that re-renders only when its own props change: a status click elsewhere leaves it alone. */
const MemoItemRow = memo(function MemoItemRow({ canMoveUp, canMoveDown, moveBy, reordering, isDragging, onDragStart, onDropOn, onDragEnd, ...props }: MemoItemProps) {
  const id = props.item.id;
  return (
    <li
      className={`item-row${isDragging ? ' is-dragging' : ''}`}
      draggable={reordering}
      onDragStart={() => onDragStart(id)}
      onDragOver={(e: DragEvent) => reordering && e.preventDefault()}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        onDropOn(id);
      }}
      onDragEnd={onDragEnd}
    >
      <ItemCard {...props} onMoveUp={canMoveUp ? () => moveBy(id, -1) : undefined} onMoveDown={canMoveDown ? () => moveBy(id, 1) : undefined} />
    </li>
  );
});

function AddItemForm({ group, edit }: { group: Group; edit: (e: ChecklistEdit) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  /** Set when "Tilføj milepæl" was pressed with no title, until one is typed. */
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return setMissing(true);
        if (!group.driverId) return;
        edit({ type: 'addItem', title: title.trim(), driverId: group.driverId, ...(group.phaseId ? { phaseId: group.phaseId } : {}), ...(group.items.at(-1) ? { afterItemId: group.items.at(-1)!.id } : {}) });
        setTitle('');
      }}
    >
      <label htmlFor={id}>{t('checklist.newItem', { group: group.title })}</label>
      <input
        id={id}
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
        maxLength={500}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
      />
      <button type="submit">{t('checklist.addItem')}</button>
      {missing && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {t('checklist.titleMissing')}
        </span>
      )}
    </form>
  );
}

interface ItemProps {
  item: ChecklistItem;
  today: string;
  /** The day the status was last reviewed, when that is longer ago than the cadence. */
  staleSince: string | null;
  editing: boolean;
  edit: (e: ChecklistEdit) => void;
  /** A title may not be emptied: told when the old one was put back. */
  onTitleRefused?: () => void;
  onMoveUp: (() => void) | undefined;
  onMoveDown: (() => void) | undefined;
  /** Data behind the item, e.g. the evaluation figures behind milestones 16–17. */
  note?: ReactNode;
  /** Where a search found its words besides the title, space-separated (a string, so the card's memo holds). */
  foundIn?: string;
}

export function ItemCard({ item, today, staleSince, editing, edit, onTitleRefused, onMoveUp, onMoveDown, note, foundIn = '' }: ItemProps) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const base = useId();
  const overdue = isOverdue(item, today);
  const detailsId = `${base}-details`;
  return (
    <article className={`item status-${item.status}${overdue ? ' is-overdue' : ''}`} aria-label={item.title}>
      <div className="item-head">
        {editing ? (
          <div className="field item-title-field">
            <label htmlFor={`${base}-title`} className="visually-hidden">
              {t('checklist.title')}
            </label>
            <DraftInput id={`${base}-title`} value={item.title} maxLength={500} required onEmptyRefused={onTitleRefused} onCommit={(title) => edit({ type: 'setTitle', itemId: item.id, title })} />
          </div>
        ) : (
          <h3 className="item-title">
            {item.title}
            {item.origin === 'custom' && <span className="tag">{t('checklist.custom')}</span>}
          </h3>
        )}
        <div className="item-meta">
          {overdue && <span className="overdue-flag">
              <TriangleAlert className="icon" size={16} aria-hidden="true" /> {t('checklist.overdue')}
            </span>}
          {staleSince && (
            <span className="stale-flag">
              <ClockAlert className="icon" size={16} aria-hidden="true" /> {t('checklist.stale', { date: formatDate(staleSince) })}
            </span>
          )}
          {item.dueDate && (
            <span>
              {t('checklist.due')}: {formatDate(item.dueDate)}
            </span>
          )}
          {item.owner && <span>{item.owner}</span>}
          <SignsBadge item={item} />
        </div>
      </div>
      {foundIn !== '' && (
        <p className="item-found muted" data-testid="item-found">
          <Search className="icon" size={14} aria-hidden="true" /> {t('checklist.foundIn', { places: foundIn.split(' ').map((place) => t(`checklist.found.${place as SearchHit}`)).join(', ') })}
        </p>
      )}
      <div className="item-controls">
        <StatusPicker name={`${base}-status`} value={item.status} label={`${t('status.label')}: ${item.title}`} onChange={(status) => edit({ type: 'setStatus', itemId: item.id, status })} />
        {staleSince && (
          <Editing>
            <button type="button" onClick={() => edit({ type: 'confirmStatus', itemId: item.id })}>
              {t('checklist.confirm')}
            </button>
          </Editing>
        )}
        <button type="button" className="button-quiet" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          {open ? t('checklist.hideDetails') : t('checklist.showDetails')}
        </button>
        {editing && (
          <span className="edit-buttons">
            <button type="button" onClick={onMoveUp} disabled={!onMoveUp} aria-label={`${t('checklist.moveUp')}: ${item.title}`}>
              <ArrowUp className="icon" size={16} aria-hidden="true" />
            </button>
            <button type="button" onClick={onMoveDown} disabled={!onMoveDown} aria-label={`${t('checklist.moveDown')}: ${item.title}`}>
              <ArrowDown className="icon" size={16} aria-hidden="true" />
            </button>
            <button type="button" className="button-danger" onClick={() => edit({ type: 'removeItem', itemId: item.id })}>
              {t('checklist.remove')}
            </button>
          </span>
        )}
      </div>
      {note}
      {open && (
        <div id={detailsId} className="item-details" role="region" aria-label={t('checklist.details', { title: item.title })}>
          {item.intro && (
            <Suspense fallback={<p className="muted">{item.intro.slice(0, 300)}</p>}>
              <Markdown text={item.intro} />
            </Suspense>
          )}
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${base}-owner`}>{t('checklist.owner')}</label>
              <DraftInput id={`${base}-owner`} value={item.owner} maxLength={200} onCommit={(owner) => edit({ type: 'setOwner', itemId: item.id, owner })} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-due`}>{t('checklist.due')}</label>
              <DateInput id={`${base}-due`} value={item.dueDate ?? ''} onChange={(iso) => edit({ type: 'setDueDate', itemId: item.id, dueDate: iso === '' ? null : iso })} />
            </div>
          </div>
          {(item.questions.length > 0 || editing) && (
            <fieldset className="questions">
              <legend>{t('checklist.questions')}</legend>
              {item.questions.map((q) => (
                <div key={q.id} className="question">
                  {editing ? (
                    <div className="question-edit">
                      <label htmlFor={`${base}-${q.id}-text`} className="visually-hidden">
                        {t('checklist.newQuestion')}
                      </label>
                      <DraftInput id={`${base}-${q.id}-text`} value={q.text} maxLength={1000} required onCommit={(text) => edit({ type: 'editQuestion', itemId: item.id, questionId: q.id, text })} />
                      <button type="button" className="button-danger" onClick={() => edit({ type: 'removeQuestion', itemId: item.id, questionId: q.id })}>
                        {t('checklist.removeQuestion')}
                      </button>
                    </div>
                  ) : (
                    <label htmlFor={`${base}-${q.id}`}>{q.text}</label>
                  )}
                  <DraftTextarea
                    id={`${base}-${q.id}`}
                    aria-label={editing ? `${t('checklist.answer')}: ${q.text}` : undefined}
                    placeholder={t('checklist.answer')}
                    value={q.answer}
                    rows={2}
                    onCommit={(answer) => edit({ type: 'answerQuestion', itemId: item.id, questionId: q.id, answer })}
                  />
                </div>
              ))}
              {editing && <AddQuestion onAdd={(text) => edit({ type: 'addQuestion', itemId: item.id, text })} />}
            </fieldset>
          )}
          <PrincipleSigns item={item} edit={edit} />
          <div className="field">
            <label htmlFor={`${base}-notes`}>{t('checklist.notes')}</label>
            <DraftTextarea id={`${base}-notes`} value={item.notes} rows={3} onCommit={(notes) => edit({ type: 'setNotes', itemId: item.id, notes })} />
          </div>
          <Evidence item={item} edit={edit} />
          <SteeringFlagEditor item={item} edit={edit} />
        </div>
      )}
    </article>
  );
}

function AddQuestion({ onAdd }: { onAdd: (text: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  return (
    <div className="inline-form">
      <label htmlFor={id}>{t('checklist.newQuestion')}</label>
      <input id={id} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} />
      <button
        type="button"
        onClick={() => {
          if (text.trim()) onAdd(text.trim());
          setText('');
        }}
      >
        {t('checklist.addQuestion')}
      </button>
    </div>
  );
}

function Evidence({ item, edit }: { item: ChecklistItem; edit: (e: ChecklistEdit) => void }) {
  const { t } = useI18n();
  const base = useId();
  const readOnly = useReadOnly();
  const [label, setLabel] = useState('');
  const [target, setTarget] = useState('');
  const isWeb = (s: string) => /^https?:\/\//i.test(s);
  return (
    <fieldset className="evidence">
      <legend>{t('checklist.evidence')}</legend>
      {item.evidence.length === 0 ? (
        <p className="muted">{t('checklist.noEvidence')}</p>
      ) : (
        <ul>
          {item.evidence.map((e) => (
            <li key={e.id}>
              {isWeb(e.target) ? (
                <a href={e.target} target="_blank" rel="noopener noreferrer">
                  {e.label}
                </a>
              ) : (
                <span>
                  {e.label}: <code>{e.target}</code>
                </span>
              )}{' '}
              <Editing>
                <button type="button" className="button-quiet" onClick={() => edit({ type: 'removeEvidence', itemId: item.id, evidenceId: e.id })}>
                  {t('checklist.removeEvidence', { label: e.label })}
                </button>
              </Editing>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${base}-label`}>{t('checklist.evidenceLabel')}</label>
          <input id={`${base}-label`} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-target`}>{t('checklist.evidenceTarget')}</label>
          <input id={`${base}-target`} value={target} onChange={(e) => setTarget(e.target.value)} maxLength={2000} />
        </div>
        <button
          type="button"
          onClick={() => {
            if (!label.trim() || !target.trim()) return;
            edit({ type: 'addEvidence', itemId: item.id, label: label.trim(), target: target.trim() });
            setLabel('');
            setTarget('');
          }}
        >
          {t('checklist.addEvidence')}
        </button>
      </div>
      )}
    </fieldset>
  );
}
