import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client';
import type { ChecklistEdit } from '../../core/checklist/edits';
import type { MunicipalityFile } from '../../core/schema/municipality';
import type { PackRole } from '../../core/schema/pack';
import { missingPackRoles, withPackRoles } from '../../core/pack/roles';
import { EMPTY_STEERING, RESOURCE_KINDS, steeringSchema, type Steering } from '../../core/schema/steering';
import type { MessageKey } from '../i18n/da';
import { DateInput } from '../components/DateInput';
import { useI18n } from '../i18n';
import '../steering.css';

/** One editable column of a log: text, date, a choice or a yes/no. */
interface Column {
  key: string;
  label: MessageKey;
  kind: 'text' | 'long' | 'date' | 'select' | 'check';
  required?: boolean;
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  max?: number;
}

type Row = Record<string, unknown> & { id: string };

const LEVELS = [
  { value: 'low', label: 'steering.level.low' },
  { value: 'medium', label: 'steering.level.medium' },
  { value: 'high', label: 'steering.level.high' },
] as const;

const LISTS: ReadonlyArray<{ key: 'roles' | 'risks' | 'decisions' | 'resources'; title: MessageKey; columns: Column[]; blank: () => Record<string, unknown> }> = [
  {
    key: 'roles',
    title: 'steering.roles',
    columns: [
      { key: 'role', label: 'steering.role', kind: 'text', required: true, max: 200 },
      { key: 'holder', label: 'steering.holder', kind: 'text', max: 200 },
      { key: 'task', label: 'steering.task', kind: 'long', max: 500 },
    ],
    blank: () => ({ role: '', holder: '', task: '' }),
  },
  {
    key: 'risks',
    title: 'steering.risks',
    columns: [
      { key: 'kind', label: 'steering.kind', kind: 'select', options: [{ value: 'risk', label: 'steering.kind.risk' }, { value: 'barrier', label: 'steering.kind.barrier' }] },
      { key: 'text', label: 'steering.text', kind: 'long', required: true, max: 500 },
      { key: 'likelihood', label: 'steering.likelihood', kind: 'select', options: LEVELS },
      { key: 'impact', label: 'steering.impact', kind: 'select', options: LEVELS },
      { key: 'response', label: 'steering.response', kind: 'long', max: 1000 },
      { key: 'owner', label: 'steering.owner', kind: 'text', max: 200 },
      { key: 'open', label: 'steering.open', kind: 'check' },
    ],
    blank: () => ({ kind: 'risk', text: '', likelihood: 'medium', impact: 'medium', response: '', owner: '', open: true }),
  },
  {
    key: 'decisions',
    title: 'steering.decisions',
    columns: [
      { key: 'date', label: 'steering.date', kind: 'date' },
      { key: 'text', label: 'steering.decision', kind: 'long', required: true, max: 1000 },
      { key: 'forum', label: 'steering.forum', kind: 'text', max: 200 },
    ],
    blank: () => ({ date: '', text: '', forum: '' }),
  },
  {
    key: 'resources',
    title: 'steering.resources',
    columns: [
      { key: 'kind', label: 'steering.resource', kind: 'select', options: RESOURCE_KINDS.map((k) => ({ value: k, label: `steering.res.${k}` as MessageKey })) },
      { key: 'text', label: 'steering.text', kind: 'long', required: true, max: 500 },
      { key: 'amount', label: 'steering.amount', kind: 'text', max: 100 },
      { key: 'owner', label: 'steering.owner', kind: 'text', max: 200 },
      { key: 'dueDate', label: 'steering.due', kind: 'date' },
      { key: 'secured', label: 'steering.secured', kind: 'check' },
    ],
    blank: () => ({ kind: 'training', text: '', amount: '', owner: '', secured: false }),
  },
];

const newId = () => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Drops empty optional dates, so a cleared date field leaves the entry valid. */
function clean(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
}

/**
 * "Styring": what the project leader keeps for the steering group and the plan — roles, risks and
 * barriers, the decision log, resources, the next status meeting and the approval.
 */
export function SteeringView({ client, file, edit }: { client: ApiClient; file: MunicipalityFile; edit: (e: ChecklistEdit) => void }) {
  const { t, language } = useI18n();
  const base = useId();
  const steering: Steering = file.steering ?? EMPTY_STEERING;
  const [problem, setProblem] = useState<string | null>(null);
  // The method's roles come from the pack (src/core/pack/roles.ts says why); without the pack there is simply no button.
  const [packRoles, setPackRoles] = useState<readonly PackRole[]>([]);
  useEffect(() => {
    let live = true;
    client.call('packs.get', { id: file.pack.id }).then(
      (pack) => live && setPackRoles(pack.roles),
      () => live && setPackRoles([]),
    );
    return () => {
      live = false;
    };
  }, [client, file.pack.id]);
  const missingRoles = missingPackRoles(steering, packRoles);

  /** Every change goes through the schema, so only a valid block reaches the file. */
  const save = (next: unknown): boolean => {
    const parsed = steeringSchema.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(t('steering.invalid', { detail: `${issue?.path.join(' › ') ?? ''}: ${issue?.message ?? ''}` }));
      return false;
    }
    setProblem(null);
    edit({ type: 'setSteering', steering: parsed.data });
    return true;
  };
  const approval = { preparedBy: '', approvedBy: '', ...steering.approval };

  return (
    <div className="steering">
      <h2>{t('steering.title')}</h2>
      <p className="muted">{t('steering.intro')}</p>
      {problem && (
        <p role="alert" className="overdue-flag">
          {problem}
        </p>
      )}
      <section className="card" aria-labelledby={`${base}-doc`}>
        <h3 id={`${base}-doc`}>{t('plan.section.documentControl')}</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${base}-meeting`}>{t('steering.meeting')}</label>
            <DateInput
              id={`${base}-meeting`}
              value={steering.nextStatusMeeting ?? ''}
              onChange={(iso) => {
                const { nextStatusMeeting: _old, ...rest } = steering;
                save(iso ? { ...rest, nextStatusMeeting: iso } : rest);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${base}-prepared`}>{t('steering.preparedBy')}</label>
            <input id={`${base}-prepared`} value={approval.preparedBy} maxLength={200} onChange={(e) => save({ ...steering, approval: { ...approval, preparedBy: e.target.value } })} />
          </div>
          <div className="field">
            <label htmlFor={`${base}-approved`}>{t('steering.approvedBy')}</label>
            <input id={`${base}-approved`} value={approval.approvedBy} maxLength={200} onChange={(e) => save({ ...steering, approval: { ...approval, approvedBy: e.target.value } })} />
          </div>
          <div className="field">
            <label htmlFor={`${base}-approvedOn`}>{t('steering.approvedOn')}</label>
            <DateInput
              id={`${base}-approvedOn`}
              value={approval.approvedOn ?? ''}
              onChange={(iso) => {
                const { approvedOn: _old, ...rest } = approval;
                save({ ...steering, approval: iso ? { ...rest, approvedOn: iso } : rest });
              }}
            />
          </div>
        </div>
      </section>
      {LISTS.map((list) => (
        <LogEditor
          key={list.key}
          list={list.key}
          title={t(list.title)}
          columns={list.columns}
          rows={steering[list.key] as unknown as Row[]}
          onChange={(rows) => save({ ...steering, [list.key]: rows.map(clean) })}
          blank={list.blank}
          onAdd={(row) => save({ ...steering, [list.key]: [...(steering[list.key] as unknown as Row[]), { ...clean(row), id: newId() }] })}
          actions={
            list.key === 'roles' && packRoles.length > 0 ? (
              <p className="steering-actions">
                {/* The same edit as adding a row by hand, so one undo takes the added roles away again. */}
                <button type="button" disabled={missingRoles.length === 0} onClick={() => save(withPackRoles(steering, packRoles, newId))}>
                  {t('steering.addMethodRoles')}
                </button>{' '}
                <span className="muted">{missingRoles.length === 0 ? t('steering.methodRolesAll') : t('steering.methodRolesMissing', { roles: missingRoles.map((r) => (language === 'en' ? (r.en?.name ?? r.name) : r.name)).join(', ') })}</span>
              </p>
            ) : null
          }
        />
      ))}
    </div>
  );
}

function LogEditor({
  list,
  title,
  columns,
  rows,
  blank,
  onChange,
  onAdd,
  actions,
}: {
  list: string;
  title: string;
  columns: Column[];
  rows: Row[];
  blank: () => Record<string, unknown>;
  onChange: (rows: Row[]) => void;
  onAdd: (row: Record<string, unknown>) => boolean;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const base = useId();
  const [draft, setDraft] = useState<Record<string, unknown>>(blank);
  const update = (index: number, key: string, value: unknown) => onChange(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)));

  const input = (column: Column, value: unknown, set: (v: unknown) => void, id: string, label: string) => {
    if (column.kind === 'check') return <input id={id} type="checkbox" aria-label={label} checked={value === true} onChange={(e) => set(e.target.checked)} />;
    if (column.kind === 'select')
      return (
        <select id={id} aria-label={label} value={String(value ?? column.options?.[0]?.value ?? '')} onChange={(e) => set(e.target.value)}>
          {column.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label)}
            </option>
          ))}
        </select>
      );
    if (column.kind === 'long') return <textarea id={id} aria-label={label} rows={2} maxLength={column.max} value={String(value ?? '')} onChange={(e) => set(e.target.value)} />;
    // The app's own date field (dd.mm.yyyy whatever the browser's language); its calendar floats above the table's scroll box.
    if (column.kind === 'date') return <DateInput id={id} ariaLabel={label} value={String(value ?? '')} onChange={set} floating />;
    return <input id={id} aria-label={label} type="text" maxLength={column.max} value={String(value ?? '')} onChange={(e) => set(e.target.value)} />;
  };

  return (
    <section className={`card steering-log steering-log-${list}`} aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{title}</h3>
      {actions}
      <div className="table-scroll">
        <table>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} className={`is-${c.kind}`} />
            ))}
            <col className="is-remove" />
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {t(c.label)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('steering.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 1} className="muted">
                  {t('steering.empty')}
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              <tr key={row.id}>
                {columns.map((c) => (
                  <td key={c.key}>
                    {input(
                      c,
                      row[c.key],
                      (v) => {
                        // A required field is never saved empty; the old text stays until something is typed.
                        if (c.required && typeof v === 'string' && v.trim() === '') return;
                        update(index, c.key, v);
                      },
                      `${base}-${row.id}-${c.key}`,
                      `${t(c.label)} ${index + 1}`,
                    )}
                  </td>
                ))}
                <td>
                  <button type="button" className="button-quiet" onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    {t('steering.remove')}
                  </button>
                </td>
              </tr>
            ))}
            <tr className="steering-new">
              {columns.map((c) => (
                <td key={c.key}>{input(c, draft[c.key], (v) => setDraft({ ...draft, [c.key]: v }), `${base}-new-${c.key}`, `${t(c.label)} (${t('steering.add').toLowerCase()})`)}</td>
              ))}
              <td>
                <button type="button" onClick={() => onAdd(draft) && setDraft(blank())}>
                  {t('steering.add')}
                </button>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
