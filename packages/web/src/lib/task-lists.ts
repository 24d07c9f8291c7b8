// GitHub-style task lists for markdown-it: a list item that starts with `[ ]` or `[x]` shows a checkbox. The
// document view is read-only, so the boxes are disabled: ticking one means saving a new version in the editor.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const BOX = /^\[([ xX])\](?:[ \t]+|$)/;

/** The list that holds the item at `itemIndex`: the nearest list opening one level up. */
function enclosingList(tokens: Token[], itemIndex: number): Token | undefined {
  const level = (tokens[itemIndex]?.level ?? 0) - 1;
  for (let i = itemIndex - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t && t.level === level && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) return t;
  }
  return undefined;
}

const addClass = (token: Token, name: string) => {
  if (
    !String(token.attrGet('class') ?? '')
      .split(' ')
      .includes(name)
  )
    token.attrJoin('class', name);
};

function markTasks(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    const item = tokens[i - 2];
    if (inline?.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open' || item?.type !== 'list_item_open') {
      continue;
    }
    const first = inline.children?.[0];
    const match = first?.type === 'text' ? BOX.exec(first.content) : null;
    if (!first || !match || !inline.children) continue;
    first.content = first.content.slice(match[0].length);
    const box = new state.Token('html_inline', '', 0);
    box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled${match[1] === ' ' ? '' : ' checked'}> `;
    inline.children.unshift(box);
    addClass(item, 'task-list-item');
    const list = enclosingList(tokens, i - 2);
    if (list) addClass(list, 'contains-task-list');
  }
}

export function taskLists(md: MarkdownIt): void {
  // Last, after text_join: the item's first text is one token by then.
  md.core.ruler.push('task_lists', markTasks);
}
