/**
 * Every administration panel, loaded as one chunk when an administrator or supervisor signs in:
 * clerks and guides never download them (nor the chart library the reports use).
 */
import './agents-panel.ts';
import './audit-panel.ts';
import './blacklist-panel.ts';
import './config-panel.ts';
import './notices-panel.ts';
import './reports-panel.ts';
