// Templates carry `{{product.name}}`-style variables that are filled in when a document is created.
// Unknown variables stay as they are, so the gate's placeholder check still flags them.

export type TemplateVars = Record<string, string>;

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * In YAML front matter a variable must be the whole value (`owner: {{author.name}}`); it is written as a
 * double-quoted (JSON) string so names with colons or quotes cannot break the YAML. In the Markdown body
 * values go in verbatim.
 */
export function renderTemplate(body: string, vars: TemplateVars): string {
  const fm = FRONT_MATTER.exec(body);
  const head = fm ? fm[0] : '';
  const rest = body.slice(head.length);
  const renderedHead = head.replace(VARIABLE, (whole, key: string) => {
    const value = vars[key];
    return value === undefined ? whole : JSON.stringify(value);
  });
  return renderedHead + rest.replace(VARIABLE, (whole, key: string) => vars[key] ?? whole);
}
