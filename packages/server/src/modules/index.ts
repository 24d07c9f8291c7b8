// Every module, once. App assembly (routes.ts), the OpenAPI document, the authorization matrix, the demo and the
// manifest test loop over this list: adding a module is adding its manifest here. The order is the route order.
import { adoptionModule } from './adoption/module.ts';
import { auditModule } from './audit/module.ts';
import { authModule } from './auth/module.ts';
import { backlogModule } from './backlog/module.ts';
import { documentsModule } from './documents/module.ts';
import { feedbackModule } from './feedback/module.ts';
import { gateModule } from './gate/module.ts';
import { handoverModule } from './handover/module.ts';
import type { ModuleManifest } from './manifest.ts';
import { reportsModule } from './reports/module.ts';
import { searchModule } from './search/module.ts';
import { signoffModule } from './signoff/module.ts';
import { uatModule } from './uat/module.ts';
import { workspaceModule } from './workspace/module.ts';

export const MODULES: readonly ModuleManifest[] = [
  authModule,
  workspaceModule,
  auditModule,
  documentsModule,
  searchModule,
  gateModule,
  backlogModule,
  feedbackModule,
  uatModule,
  signoffModule,
  handoverModule,
  adoptionModule,
  reportsModule,
];
