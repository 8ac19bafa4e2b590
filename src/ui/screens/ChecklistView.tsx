import { lazy, Suspense, useId, useState, type DragEvent } from 'react';
import type { ChecklistEdit } from '../../core/checklist/edits';
import { isOverdue } from '../../core/checklist/summary';
import { isStale, lastReviewed } from '../../core/history/stale';
import type { ChecklistItem, MunicipalityFile } from '../../core/schema/municipality';
import { scoreItems } from '../../core/scoring/score';
// markdown-it is a sizeable part of the bundle and only needed once an item's details are open.
const Markdown = lazy(() => import('../components/Markdown'));
import { ScoreBar } from '../components/ScoreBar';
import { StatusPicker } from '../components/StatusPicker';
import { useI18n } from '../i18n';
import { SteeringFlagEditor } from '../components/SteeringFlagEditor';

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
  today: string;
  edit: (edit: ChecklistEdit) => void;
}

export function ChecklistView({ file, today, edit }: Props) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('driver');
  const [editing, setEditing] = useState(false);
  const [dragged, setDragged] = useState<string | null>(null);
  const groupName = useId();
  const editId = useId();
  const groups = groupsOf(file, groupBy, t('checklist.noPhase'));
  const indexOf = (id: string) => file.items.findIndex((i) => i.id === id);

  const drop = (target: ChecklistItem) => (event: DragEvent) => {
    event.preventDefault();
    if (dragged && dragged !== target.id) edit({ type: 'moveItem', itemId: dragged, toIndex: indexOf(target.id) });
    setDragged(null);
  };

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
        <label className="checkbox" htmlFor={editId}>
          <input id={editId} type="checkbox" checked={editing} onChange={(e) => setEditing(e.target.checked)} /> {t('checklist.editMode')}
        </label>
        {editing && <p className="muted">{t('checklist.dragHint')}</p>}
      </div>

      {groups.map((group) => {
        const score = scoreItems(group.id, group.title, group.items);
        return (
          <section key={group.id} className="group" aria-labelledby={`group-${group.id}`}>
            <header className="group-head">
              <h2 id={`group-${group.id}`}>{group.title}</h2>
              <ScoreBar label={group.title} percent={score.percent} />
              <p className="muted">{t('checklist.itemsInGroup', { count: group.items.length })}</p>
            </header>
            <ol className="items">
              {group.items.map((item, position) => (
                <li
                  key={item.id}
                  className={`item-row${dragged === item.id ? ' is-dragging' : ''}`}
                  draggable={editing}
                  onDragStart={() => setDragged(item.id)}
                  onDragOver={(e) => editing && e.preventDefault()}
                  onDrop={drop(item)}
                  onDragEnd={() => setDragged(null)}
                >
                  <ItemCard
                    item={item}
                    today={today}
                    staleSince={isStale(item, file, today) ? lastReviewed(item, file) : null}
                    editing={editing}
                    edit={edit}
                    onMoveUp={position > 0 ? () => edit({ type: 'moveItem', itemId: item.id, toIndex: indexOf(group.items[position - 1]!.id) }) : undefined}
                    onMoveDown={position < group.items.length - 1 ? () => edit({ type: 'moveItem', itemId: item.id, toIndex: indexOf(group.items[position + 1]!.id) }) : undefined}
                  />
                </li>
              ))}
            </ol>
            {editing && group.driverId && <AddItemForm group={group} edit={edit} />}
          </section>
        );
      })}
    </div>
  );
}

function AddItemForm({ group, edit }: { group: Group; edit: (e: ChecklistEdit) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || !group.driverId) return;
        edit({ type: 'addItem', title: title.trim(), driverId: group.driverId, ...(group.phaseId ? { phaseId: group.phaseId } : {}), ...(group.items.at(-1) ? { afterItemId: group.items.at(-1)!.id } : {}) });
        setTitle('');
      }}
    >
      <label htmlFor={id}>{t('checklist.newItem', { group: group.title })}</label>
      <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
      <button type="submit">{t('checklist.addItem')}</button>
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
  onMoveUp: (() => void) | undefined;
  onMoveDown: (() => void) | undefined;
}

export function ItemCard({ item, today, staleSince, editing, edit, onMoveUp, onMoveDown }: ItemProps) {
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
            <input id={`${base}-title`} value={item.title} onChange={(e) => e.target.value.trim() && edit({ type: 'setTitle', itemId: item.id, title: e.target.value })} />
          </div>
        ) : (
          <h3 className="item-title">
            {item.title}
            {item.origin === 'custom' && <span className="tag">{t('checklist.custom')}</span>}
          </h3>
        )}
        <div className="item-meta">
          {overdue && <span className="overdue-flag">⚠ {t('checklist.overdue')}</span>}
          {staleSince && <span className="stale-flag">⏱ {t('checklist.stale', { date: formatDate(staleSince) })}</span>}
          {item.dueDate && (
            <span>
              {t('checklist.due')}: {formatDate(item.dueDate)}
            </span>
          )}
          {item.owner && <span>{item.owner}</span>}
        </div>
      </div>
      <div className="item-controls">
        <StatusPicker name={`${base}-status`} value={item.status} label={`${t('status.label')}: ${item.title}`} onChange={(status) => edit({ type: 'setStatus', itemId: item.id, status })} />
        {staleSince && (
          <button type="button" onClick={() => edit({ type: 'confirmStatus', itemId: item.id })}>
            {t('checklist.confirm')}
          </button>
        )}
        <button type="button" className="button-quiet" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          {open ? t('checklist.hideDetails') : t('checklist.showDetails')}
        </button>
        {editing && (
          <span className="edit-buttons">
            <button type="button" onClick={onMoveUp} disabled={!onMoveUp} aria-label={`${t('checklist.moveUp')}: ${item.title}`}>
              ↑
            </button>
            <button type="button" onClick={onMoveDown} disabled={!onMoveDown} aria-label={`${t('checklist.moveDown')}: ${item.title}`}>
              ↓
            </button>
            <button type="button" className="button-danger" onClick={() => edit({ type: 'removeItem', itemId: item.id })}>
              {t('checklist.remove')}
            </button>
          </span>
        )}
      </div>
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
              <input id={`${base}-owner`} value={item.owner} maxLength={200} onChange={(e) => edit({ type: 'setOwner', itemId: item.id, owner: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-due`}>{t('checklist.due')}</label>
              <input id={`${base}-due`} type="date" value={item.dueDate ?? ''} onChange={(e) => edit({ type: 'setDueDate', itemId: item.id, dueDate: e.target.value === '' ? null : e.target.value })} />
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
                      <input id={`${base}-${q.id}-text`} value={q.text} onChange={(e) => e.target.value.trim() && edit({ type: 'editQuestion', itemId: item.id, questionId: q.id, text: e.target.value })} />
                      <button type="button" className="button-danger" onClick={() => edit({ type: 'removeQuestion', itemId: item.id, questionId: q.id })}>
                        {t('checklist.removeQuestion')}
                      </button>
                    </div>
                  ) : (
                    <label htmlFor={`${base}-${q.id}`}>{q.text}</label>
                  )}
                  <textarea
                    id={`${base}-${q.id}`}
                    aria-label={editing ? `${t('checklist.answer')}: ${q.text}` : undefined}
                    placeholder={t('checklist.answer')}
                    value={q.answer}
                    rows={2}
                    onChange={(e) => edit({ type: 'answerQuestion', itemId: item.id, questionId: q.id, answer: e.target.value })}
                  />
                </div>
              ))}
              {editing && <AddQuestion onAdd={(text) => edit({ type: 'addQuestion', itemId: item.id, text })} />}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${base}-notes`}>{t('checklist.notes')}</label>
            <textarea id={`${base}-notes`} value={item.notes} rows={3} onChange={(e) => edit({ type: 'setNotes', itemId: item.id, notes: e.target.value })} />
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
              <button type="button" className="button-quiet" onClick={() => edit({ type: 'removeEvidence', itemId: item.id, evidenceId: e.id })}>
                {t('checklist.removeEvidence', { label: e.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
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
    </fieldset>
  );
}
