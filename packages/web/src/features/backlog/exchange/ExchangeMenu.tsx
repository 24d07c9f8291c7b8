// The backlog's way in and out of trackers: export for Jira or Azure DevOps (downloads), and — for people who may
// write the backlog — statuses back from a Jira export.
import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { exportHref } from './api.ts';
import { JiraImportModal } from './JiraImportModal.tsx';

export function ExchangeMenu({ code, canWrite }: { code: string; canWrite: boolean }) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" data-testid="exchange-menu">
            Jira / Azure DevOps
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Export stories and bugs</Menu.Label>
          <Menu.Item component="a" href={exportHref(code, 'jira')} download data-testid="export-jira">
            CSV for Jira's importer
          </Menu.Item>
          <Menu.Item component="a" href={exportHref(code, 'azure')} download data-testid="export-azure">
            CSV for Azure DevOps
          </Menu.Item>
          {canWrite ? (
            <>
              <Menu.Divider />
              <Menu.Label>Import</Menu.Label>
              <Menu.Item onClick={() => setImporting(true)} data-testid="import-jira">
                Update statuses from a Jira export…
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <JiraImportModal code={code} opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
