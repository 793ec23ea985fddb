import { navigate } from '../routing/use-route';
import { RAG_WORDS, RagValue } from '../shared/rag-badge';
import { SelectField } from '../shared/select-field';
import { ActionListAnswer, FILTER_KEYS, FilterKey } from './action-list.query';

const RAG_OPTIONS = (Object.keys(RAG_WORDS) as RagValue[]).map((rag) => ({ value: rag, label: RAG_WORDS[rag] }));

/** Every filter writes to the address, so the list, the back button and a shared link agree. */
export function ActionFilters({ params, plan }: { params: URLSearchParams; plan: ActionListAnswer['plan'] }) {
  const current = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<FilterKey, string | undefined>;
  const set = (key: FilterKey, value: string | undefined) => navigate('/actions', { ...current, [key]: value || undefined });
  const numbered = (g: { number: number; name: string }) => ({ value: String(g.number), label: `${g.number}. ${g.name}` });
  const areas = plan.areas.map(numbered);
  const priorities = plan.priorities.map(numbered);
  const owners = [...new Map(plan.owners.map((o) => [o.owner.id, o.owner])).values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((o) => ({ value: o.id, label: `${o.name} (${o.organisation})` }));

  return (
    <form className="filters" aria-label="Filter the actions" onSubmit={(e) => e.preventDefault()}>
      <SelectField id="filter-area" label="Improvement area" anyLabel="Any area" options={areas} value={current.area ?? ''} onChange={(v) => set('area', v)} />
      <SelectField id="filter-priority" label="Recovery priority" anyLabel="Any priority" options={priorities} value={current.priority ?? ''} onChange={(v) => set('priority', v)} />
      <SelectField id="filter-rag" label="RAG" anyLabel="Any RAG" options={RAG_OPTIONS} value={current.rag ?? ''} onChange={(v) => set('rag', v)} />
      <SelectField id="filter-owner" label="Owner" anyLabel="Any owner" options={owners} value={current.owner ?? ''} onChange={(v) => set('owner', v)} />
      <div className="field checkbox">
        <input id="filter-overdue" type="checkbox" checked={current.overdue === 'yes'} onChange={(e) => set('overdue', e.target.checked ? 'yes' : undefined)} />
        <label htmlFor="filter-overdue">Overdue only</label>
      </div>
      <div className="field checkbox">
        <input id="filter-stale" type="checkbox" checked={current.stale === 'yes'} onChange={(e) => set('stale', e.target.checked ? 'yes' : undefined)} />
        <label htmlFor="filter-stale">Stale only</label>
      </div>
      <div className="field checkbox">
        <input id="filter-needle" type="checkbox" checked={current.needle === 'yes'} onChange={(e) => set('needle', e.target.checked ? 'yes' : undefined)} />
        <label htmlFor="filter-needle">Green but not moving the needle</label>
      </div>
      <div className="field checkbox">
        <input id="filter-closed" type="checkbox" checked={current.closed === 'yes'} onChange={(e) => set('closed', e.target.checked ? 'yes' : undefined)} />
        <label htmlFor="filter-closed">Include withdrawn and superseded</label>
      </div>
      <button type="button" onClick={() => navigate('/actions')}>
        Clear filters
      </button>
    </form>
  );
}
