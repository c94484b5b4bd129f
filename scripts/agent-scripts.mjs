// The sandbox's scripted chat model's scripts for the agent template (sandbox/scriptedModel.ts):
// what the model does for each chat message, step by step from the tool results so far. Used by
// the e2e and by `npm start`.

export const JANE = 'jane.doe@corp.example';
const BOB = 'bob.brown@corp.example';
export const INVENTED = 'plan-0123456789abcdef01234567';

/** A Preview's answer, as the tool returned it to the model: planId and message. */
function previewIn(text) {
	try {
		const [plan] = [JSON.parse(text)].flat();
		return { planId: plan?.planId, planMessage: plan?.message };
	} catch {
		return {};
	}
}
/** The people a "Find people" answer lists, as { name, email }. */
const candidates = (text) =>
	[
		...String(text ?? '').matchAll(/"displayName"\s*:\s*"([^"]*)"[^{}]*?"email"\s*:\s*"([^"]*)"/g),
	].map(([, name, email]) => ({ name, email }));
const said = (text) => ({ say: text });
export const ASKED_IN_BROWSER = 'Offboard Jane Doe, please: her rooms and files go to Bob Brown.';
export const SENT_FOR_REVIEW =
	'I have asked the approver by e-mail; nothing changes before they approve.';
/** Whether the model answered the user (rather than calling a tool). */
export const answers = (move) => !('tool' in move);
/** What a tool answered, in words: its message, the review's verdict, or its error. */
function reportIn(text) {
	try {
		const [item] = [JSON.parse(text)].flat();
		return String(item?.message ?? item?.output ?? item?.error ?? text);
	} catch {
		return String(text);
	}
}

/** The model's scripts, chosen by the chat message: each step reads the tool results so far. */
export function agentScripts({ liamEmail }) {
	return [
		{
			// find → find → preview → run (reviewed) → report
			when: /^Offboard Jane Doe/,
			next({ results }) {
				const [jane, bob, preview, run] = results.map((r) => r.text);
				const one = (text, name) => candidates(text).filter((c) => c.name === name);
				if (results.length === 0) return { tool: 'Find people', args: { search: 'Doe' } };
				if (one(jane, 'Jane Doe').length !== 1) return said('Which Jane Doe do you mean?');
				if (results.length === 1) return { tool: 'Find people', args: { search: 'Brown' } };
				if (one(bob, 'Bob Brown').length !== 1) return said('Which Bob Brown do you mean?');
				const people = {
					leaverEmail: one(jane, 'Jane Doe')[0].email,
					recipientEmail: one(bob, 'Bob Brown')[0].email,
				};
				if (results.length === 2) return { tool: 'Preview offboarding', args: people };
				if (!previewIn(preview).planId) return said(`The preview did not run: ${preview}`);
				if (results.length === 3)
					return {
						tool: 'Run offboarding',
						args: { ...people, ...previewIn(preview) },
						say: `${previewIn(preview).planMessage}\n\n${SENT_FOR_REVIEW}`,
					};
				return said(reportIn(run));
			},
		},
		{
			// Run at once, with a plan id nobody previewed.
			when: /^Run the offboarding of Jane at once/,
			next: ({ results }) =>
				results.length === 0
					? {
							tool: 'Run offboarding',
							args: { leaverEmail: JANE, recipientEmail: BOB, planId: INVENTED },
						}
					: said(reportIn(results[0].text)),
		},
		{
			// Jane's plan, used for Liam.
			when: /^Preview Jane, then run it for Liam/,
			next({ results }) {
				if (results.length === 0)
					return { tool: 'Preview offboarding', args: { leaverEmail: JANE, recipientEmail: BOB } };
				if (results.length === 1)
					return {
						tool: 'Run offboarding',
						args: {
							...previewIn(results[0].text),
							leaverEmail: liamEmail,
							recipientEmail: BOB,
						},
					};
				return said(reportIn(results[1].text));
			},
		},
		{
			// The workflow without review: the node's own guard is all that stands in the way.
			when: /^Delete Jane's profile/,
			next: ({ results }) =>
				results.length === 0
					? { tool: 'Delete user', args: { leaverEmail: JANE } }
					: said(reportIn(results[0].text)),
		},
	];
}

/** What the model says to anything it has no script for (`npm start`). */
export const UNSCRIPTED =
	'I am the sandbox’s scripted stand-in for a chat model, not a real one. Try: “Offboard Jane Doe; her rooms and files go to Bob Brown.” To chat freely, give this workflow’s Chat model an OpenAI credential of your own (or any OpenAI-compatible server).';
