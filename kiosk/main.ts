import '../ui/zod-config.ts';
import { syncDocumentLang } from '../ui/i18n.ts';
import { adoptDocumentStyles } from '../ui/theme.ts';
import './kiosk-app.ts';
import { adoptPrintStyles } from './print-styles.ts';

adoptDocumentStyles();
adoptPrintStyles();
syncDocumentLang();
