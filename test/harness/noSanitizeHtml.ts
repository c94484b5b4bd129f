/**
 * Stands in for sanitize-html under jest (see jest.config.js), for the approval forms the Wait node
 * renders. Stricter than the real one: it keeps no tag at all, so a test sees every character of the
 * text as n8n would show it, escaped. The real sanitizer runs in the end-to-end tests in n8n.
 */
const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

function sanitizeHtml(text: unknown): string {
	return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
/** sanitize-html's helper that rewrites a tag; the stand-in keeps no tag, so there is nothing to rewrite. */
sanitizeHtml.simpleTransform = () => () => ({ tagName: 'span', attribs: {} });
export = sanitizeHtml;
