import { Page } from '../pages/Page.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import { ResetSection } from './ResetSection.tsx';
import '../progress/progress.css';
import './data.css';

/** `#/data`: export, import and reset what this browser keeps, and the backups of unreadable data. */
export function DataPage() {
  return (
    <Page
      title="Your data"
      lede="Your progress is kept only in this browser. Export it to a file to keep a copy or to move it to another browser."
    >
      <div className="data-sections">
        <ExportSection />
        <ImportSection />
        <BackupsSection />
        <ResetSection />
      </div>
    </Page>
  );
}
