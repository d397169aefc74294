import { useTeamSync } from '../store/appStore';
import { ConflictsDialog } from './ConflictsDialog';
import { ConnectDialog } from './ConnectDialog';
import { SyncIndicator } from './SyncIndicator';

/** The team server's place in the toolbar: the indicator and the dialogs it opens. */
export function TeamSyncControl() {
  const dialog = useTeamSync((s) => s.dialog);
  return (
    <>
      <SyncIndicator />
      {dialog === 'connect' && <ConnectDialog />}
      {dialog === 'conflicts' && <ConflictsDialog />}
    </>
  );
}
