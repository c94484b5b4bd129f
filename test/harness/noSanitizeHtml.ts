/** Stands in for sanitize-html under jest (see jest.config.js); nothing in the tests may reach it. */
function sanitizeHtml(): never {
	throw new Error('sanitize-html is not available in the test suite: a test rendered an n8n form');
}
export = sanitizeHtml;
