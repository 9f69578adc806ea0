import { h } from './dom.js';

// A download of the server's own export (the workbook `junheng status|remind|values -o x.xlsx`
// writes), made with the session: /api/export/NAME.xlsx (docs/web-console.md).
export function downloadLink(name, period, label, acceptedOnly = false) {
  const query = `period=${encodeURIComponent(period)}${acceptedOnly ? '&accepted_only=1' : ''}`;
  return h('a', { class: 'btn btn-small', 'data-export': name, href: `/api/export/${name}.xlsx?${query}`, download: '' }, `下载 ${label}`);
}
