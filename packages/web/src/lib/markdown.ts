// Renders stored Markdown for display. html:true matches the server's parser (documents may carry HTML from
// imports), so the output MUST go through DOMPurify before it reaches the DOM.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { taskLists } from './task-lists.ts';

const md = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(taskLists);

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Drops YAML front matter from the top of a body. The server already parsed it into the version's metadata,
 * which the page shows as a table; rendered as Markdown it would turn into a rule and a stray heading.
 */
export function stripFrontMatter(source: string): string {
  return source.replace(FRONT_MATTER, '');
}

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(md.render(stripFrontMatter(source)), { USE_PROFILES: { html: true } });
}

/** Search snippets arrive escaped with only <mark> around hits; anything else is stripped. */
export function sanitizeSnippet(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
