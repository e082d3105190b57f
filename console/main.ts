import '../ui/zod-config.ts';
import { syncDocumentLang } from '../ui/i18n.ts';
import { adoptDocumentStyles } from '../ui/theme.ts';
import './console-app.ts';

adoptDocumentStyles();
syncDocumentLang();
