/**
 * The lists several panels read (outlets, services, groups), and the loading state every panel shows
 * the same way: loading, failed (with retry; offline said as such), empty, or the data.
 */
import { html, type TemplateResult } from 'lit';
import { adminOutletList, adminServiceList, serviceGroupList } from '../../common/admin.ts';
import type { ApiFailure } from '../../ui/api.ts';
import type { Text } from '../../ui/i18n.ts';
import '../../ui/status-view.ts';
import { consoleRequest } from '../console-api.ts';

export type Load<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed'; failure: ApiFailure };

export const loadAdminOutlets = () => consoleRequest('/api/admin/outlets', { parse: (body) => adminOutletList.parse(body).outlets });
export const loadAdminServices = () => consoleRequest('/api/admin/services', { parse: (body) => adminServiceList.parse(body).services });
export const loadServiceGroups = () => consoleRequest('/api/admin/service-groups', { parse: (body) => serviceGroupList.parse(body).groups });

/**
 * `renderLoad(this.load, this.#reload, (rows) => html`…`, { isEmpty: (rows) => rows.length === 0, empty: {…} })`
 */
export function renderLoad<T>(
  load: Load<T>,
  retry: () => void,
  body: (data: T) => TemplateResult,
  options: { isEmpty?: (data: T) => boolean; empty?: Text } = {},
): TemplateResult {
  if (load.status === 'loading') return html`<lobby-status kind="loading"></lobby-status>`;
  if (load.status === 'failed') return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${retry}></lobby-status>`;
  if (options.isEmpty?.(load.data)) return html`<lobby-status kind="empty" .text=${options.empty}></lobby-status>`;
  return body(load.data);
}
