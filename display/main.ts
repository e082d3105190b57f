// Unlike the other pages, no ui/zod-config.ts: the display ships no zod (ui/device-payloads.ts checks
// its answers by hand), and importing the config would bring the whole of zod back.
import { adoptDocumentStyles } from '../ui/theme.ts';
import './display-app.ts';

adoptDocumentStyles();
