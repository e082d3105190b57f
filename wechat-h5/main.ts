import '../ui/zod-config.ts';
import { syncDocumentLang } from '../ui/i18n.ts';
import { adoptDocumentStyles } from '../ui/theme.ts';
import './h5-app.ts';

adoptDocumentStyles();
syncDocumentLang();
