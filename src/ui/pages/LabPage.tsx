import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LinkProblems } from '../lesson/LinkProblems.tsx';
import { EvictionLab } from '../lab/EvictionLab.tsx';
import { LabTabs, panelId, tabId } from '../lab/LabTabs.tsx';
import { LoadLab } from '../lab/LoadLab.tsx';
import { ShardingLab } from '../lab/ShardingLab.tsx';
import { useLabLink } from '../lab/useLabLink.ts';
import type { LabName } from '../lab/useLabLink.ts';
import { Page } from './Page.tsx';
import '../playground/playground.css';
import '../lab/lab.css';

/**
 * `#/playground/lab?lab=eviction|sharding|load&…`: experiments too large to step through, run in a
 * Web Worker and drawn as charts and tables. The address holds the open lab's settings.
 */
export function LabPage() {
  const link = useLabLink();
  const notice = <LinkProblems problems={link.problems} onDismiss={link.dismissProblems} />;
  // Every lab stays mounted, so each keeps its last result while another is shown.
  const panel = (name: LabName, lab: (props: { active: boolean; linkNotice: ReactNode }) => ReactNode) => (
    <div role="tabpanel" id={panelId(name)} aria-labelledby={tabId(name)} hidden={link.lab !== name}>
      {lab({ active: link.lab === name, linkNotice: link.lab === name ? notice : null })}
    </div>
  );
  return (
    <Page
      title="Lab"
      eyebrow={<Link to="/playground">Playground</Link>}
      lede="Run experiments too large to step through: tens of thousands of keys, millions of requests, a minute of traffic against a failure mode, drawn as curves and tables. Runs happen in the background, and the address holds every setting, so a link shares a comparison."
      wide
    >
      <div className="lab-page">
        <LabTabs lab={link.lab} onSelect={link.selectLab} />
        {panel('eviction', (props) => (
          <EvictionLab
            settings={link.settings.eviction}
            onChange={(settings) => link.setSettings('eviction', settings)}
            {...props}
          />
        ))}
        {panel('sharding', (props) => (
          <ShardingLab
            settings={link.settings.sharding}
            onChange={(settings) => link.setSettings('sharding', settings)}
            {...props}
          />
        ))}
        {panel('load', (props) => (
          <LoadLab
            settings={link.settings.load}
            onChange={(settings) => link.setSettings('load', settings)}
            {...props}
          />
        ))}
      </div>
    </Page>
  );
}
