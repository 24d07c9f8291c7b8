import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { taskLists } from './task-lists.ts';

const md = new MarkdownIt({ html: true, linkify: true }).use(taskLists);

describe('task lists', () => {
  it('turns [ ] and [x] list items into disabled checkboxes, ticked or not', () => {
    expect(md.render('- [ ] Write the PRD\n- [x] Book the review\n- [X] Done too\n')).toBe(
      '<ul class="contains-task-list">\n' +
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled> Write the PRD</li>\n' +
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled checked> Book the review</li>\n' +
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled checked> Done too</li>\n' +
        '</ul>\n',
    );
  });

  it('keeps inline Markdown after the box and marks only the list that holds tasks', () => {
    const html = md.render('1. plain\n2. [ ] see **[the brief](https://x.test)**\n   - [x] nested\n');
    expect(html).toContain('<ol class="contains-task-list">');
    expect(html).toContain('disabled> see <strong><a href="https://x.test">the brief</a></strong>');
    expect(html).toContain('<ul class="contains-task-list">\n<li class="task-list-item"><input');
    expect(html).toContain('<li>plain</li>');
  });

  it('leaves brackets that are not a task alone', () => {
    for (const source of [
      '- [] empty\n',
      '- [y] other\n',
      '- text [ ] later\n',
      '[ ] not in a list\n',
      '- [x]tight\n',
    ]) {
      expect(md.render(source), source).not.toContain('checkbox');
    }
  });
});
