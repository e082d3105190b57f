import '../ui/zod-config.ts';
import { adoptDocumentStyles } from '../ui/theme.ts';
import './display-app.ts';

adoptDocumentStyles();
