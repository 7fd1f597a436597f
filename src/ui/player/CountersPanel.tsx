import { useId } from 'react';
import type { Counters } from '../../engine/index.ts';
import { ChangedNote, cellClass } from './ChangeMark.tsx';
import { formatHitRatio } from './format.ts';
import './data.css';

interface CountersPanelProps {
  counters: Counters;
  previous: Counters | null;
}

/** Running totals for the run so far; the ones this step moved are highlighted. */
export function CountersPanel({ counters, previous }: CountersPanelProps) {
  const headingId = useId();
  const moved = (name: keyof Counters) => previous !== null && previous[name] !== counters[name];
  const ratioMoved = moved('hits') || moved('misses');
  const items: { label: string; value: string; changed: boolean }[] = [
    { label: 'Hits', value: String(counters.hits), changed: moved('hits') },
    { label: 'Misses', value: String(counters.misses), changed: moved('misses') },
    { label: 'Hit ratio', value: formatHitRatio(counters.hits, counters.misses), changed: ratioMoved },
    { label: 'DB reads', value: String(counters.dbReads), changed: moved('dbReads') },
    { label: 'DB writes', value: String(counters.dbWrites), changed: moved('dbWrites') },
  ];
  return (
    <section className="data-panel counters-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="data-panel-title">
        Counters
      </h3>
      <dl className="counters">
        {items.map((item) => (
          <div key={item.label} className={['counter', cellClass(item.changed)].filter(Boolean).join(' ')}>
            <dt>{item.label}</dt>
            <dd>
              {item.value}
              <ChangedNote changed={item.changed} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
