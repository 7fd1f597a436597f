import { Link } from 'react-router';
import { LinkProblems } from '../lesson/LinkProblems.tsx';
import { EvictionLab } from '../lab/EvictionLab.tsx';
import { LabTabs, panelId, tabId } from '../lab/LabTabs.tsx';
import { ShardingLab } from '../lab/ShardingLab.tsx';
import { useLabLink } from '../lab/useLabLink.ts';
import { Page } from './Page.tsx';
import '../playground/playground.css';
import '../lab/lab.css';

/**
 * `#/playground/lab?lab=eviction|sharding&…`: experiments too large to step through, run in a Web
 * Worker and drawn as charts and tables. The address holds the open lab's settings.
 */
export function LabPage() {
  const link = useLabLink();
  const notice = <LinkProblems problems={link.problems} onDismiss={link.dismissProblems} />;
  return (
    <Page
      title="Lab"
      eyebrow={<Link to="/playground">Playground</Link>}
      lede="Run experiments too large to step through: tens of thousands of keys and millions of requests, drawn as curves and tables. Runs happen in the background, and the address holds every setting, so a link shares a comparison."
      wide
    >
      <div className="lab-page">
        <LabTabs lab={link.lab} onSelect={link.selectLab} />
        {/* Both labs stay mounted, so each keeps its last result while the other is shown. */}
        <div
          role="tabpanel"
          id={panelId('eviction')}
          aria-labelledby={tabId('eviction')}
          hidden={link.lab !== 'eviction'}
        >
          <EvictionLab
            settings={link.eviction}
            onChange={link.setEviction}
            active={link.lab === 'eviction'}
            linkNotice={link.lab === 'eviction' ? notice : null}
          />
        </div>
        <div
          role="tabpanel"
          id={panelId('sharding')}
          aria-labelledby={tabId('sharding')}
          hidden={link.lab !== 'sharding'}
        >
          <ShardingLab
            settings={link.sharding}
            onChange={link.setSharding}
            active={link.lab === 'sharding'}
            linkNotice={link.lab === 'sharding' ? notice : null}
          />
        </div>
      </div>
    </Page>
  );
}
