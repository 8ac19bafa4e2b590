import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { ChecklistEdit } from '../../core/checklist/edits';
import type { MunicipalityFile } from '../../core/schema/municipality';
import type { Pack, Reference } from '../../core/schema/pack';
import { localizePack } from '../../core/pack/english';
import { FidelityPanel } from '../components/FidelityPanel';
import { useI18n } from '../i18n';
import '../components/principles.css';

interface Props {
  client: ApiClient;
  file: MunicipalityFile;
  edit: (edit: ChecklistEdit) => void;
}

/**
 * "Metoden": what the method is and for whom, its references (cornerstones, steps), drivers, phases
 * with focus areas, the year-1 flow, principles and sources – a page a new member of the project
 * group reads in five minutes. Texts come from the pack; when the pack is not installed, from what
 * the municipality file carries.
 */
export function MethodView({ client, file, edit }: Props) {
  const { t, language } = useI18n();
  const [pack, setPack] = useState<Pack | null | 'missing'>(null);
  useEffect(() => {
    let live = true;
    client.call('packs.get', { id: file.pack.id }).then(
      (p) => live && setPack(p),
      () => live && setPack('missing'),
    );
    return () => {
      live = false;
    };
  }, [client, file.pack.id]);

  if (pack === null) return <p role="status">{t('method.loading')}</p>;
  const known = pack === 'missing' ? null : localizePack(pack, language);
  const references: Reference[] = known?.references ?? file.framework.references ?? [];
  const flowSteps = file.items.filter((i) => i.kind === 'flow_step');
  const withPrinciples = known ? known.milestones.filter((m) => m.principles.length > 0) : [];
  const fidelityReference = references.find((r) => r.fidelity === true);
  const anyOurs = file.framework.phases.some((p) => p.ours || p.focusAreas.some((a) => a.ours)) || withPrinciples.some((m) => m.principles.some((p) => p.ours || p.signs.some((s) => s.ours)));
  const ours = (flag: boolean | undefined) => (flag ? <span className="tag">{t('method.ours')}</span> : null);

  return (
    <div className="method-view">
      {pack === 'missing' && <p className="muted">{t('method.packMissing', { pack: file.pack.title })}</p>}
      <section className="card" aria-labelledby="method-what">
        <h2 id="method-what">{t('method.what')}</h2>
        <p className="lead">{known?.description ?? file.pack.title}</p>
        {known?.audience && (
          <>
            <h3>{t('method.forWhom')}</h3>
            <p>{known.audience}</p>
          </>
        )}
      </section>

      {references.map((ref) => (
        <section key={ref.id} className="card" aria-labelledby={`method-ref-${ref.id}`}>
          <h2 id={`method-ref-${ref.id}`}>{ref.title}</h2>
          {ref.description && <p className="muted">{ref.description}</p>}
          <ol className="method-list">
            {ref.items.map((item) => (
              <li key={item.id ?? item.title}>
                <strong>{item.title}</strong>
                {item.text && <p>{item.text}</p>}
              </li>
            ))}
          </ol>
          {ref === fidelityReference && <FidelityPanel file={file} checklist={ref} edit={edit} />}
        </section>
      ))}

      {withPrinciples.length > 0 && (
        <section className="card" aria-labelledby="method-principles">
          <h2 id="method-principles">{t('method.principles')}</h2>
          <p className="muted">{t('method.principlesHelp')}</p>
          <ul className="method-list">
            {withPrinciples.map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong>
                {m.principles.some((p) => p.title !== m.title) && (
                  <ul>
                    {m.principles.map((p) => (
                      <li key={p.id}>{t('method.principleSigns', { title: p.title, count: p.signs.length })}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="method-drivers">
        <h2 id="method-drivers">{t('method.drivers')}</h2>
        <dl className="method-defs">
          {file.framework.drivers.map((d) => (
            <div key={d.id}>
              <dt>{d.title}</dt>
              <dd>{d.description}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="method-wheel">
        <h2 id="method-wheel">{t('method.wheel')}</h2>
        <p className="muted">{t('method.wheelHelp')}</p>
        <ol className="method-phases">
          {file.framework.phases.map((phase) => (
            <li key={phase.id}>
              <strong>{phase.title}</strong>
              {ours(phase.ours)}
              {phase.description && <p>{phase.description}</p>}
              {phase.focusAreas.length > 0 && (
                <ul>
                  {phase.focusAreas.map((area) => (
                    <li key={area.id}>
                      <em>{area.title}</em>
                      {ours(area.ours)}
                      {area.description ? ` – ${area.description}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>

      {flowSteps.length > 0 && (
        <section className="card" aria-labelledby="method-flow">
          <h2 id="method-flow">{file.framework.flows[0]?.title ?? t('method.flow')}</h2>
          <p className="muted">{t('method.flowHelp')}</p>
          <ol className="method-flow">
            {flowSteps.map((step) => (
              <li key={step.id}>
                <span className="tag">{step.stepKind === 'decision' ? t('flow.decision') : t('flow.task')}</span> {step.title}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="card" aria-labelledby="method-sources">
        <h2 id="method-sources">{t('method.sources')}</h2>
        <ul className="method-list">
          {(known?.sources ?? file.framework.sources).map((s) => (
            <li key={s.id}>
              <cite>{s.title}</cite>. {s.publisher}
              {s.year ? ` (${s.year})` : ''}.{s.note ? ` ${s.note}` : ''}
            </li>
          ))}
        </ul>
        {anyOurs && <p className="muted small">{t('method.oursHelp')}</p>}
      </section>
    </div>
  );
}
