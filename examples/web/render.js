// Renders a report's text with its section headings, commitments and indicators as nested
// elements, and its outline. Offsets from `parse` are UTF-16 indices, i.e. plain
// `text.slice(start, end)` positions, so no conversion is needed here.

/**
 * The spans to render for `report`, each `{ start, end, layer, id }`. Layers from outermost to
 * innermost: 0 section headings (from the section's start, its marker, to the end of its title),
 * 1 commitments, 2 indicators. When spans of different layers share a start and an end, the
 * outer layer wraps the inner one.
 */
export function spansOf(report) {
  const spans = [];
  for (const s of report.sections) spans.push({ start: s.start, end: s.title_end, layer: 0, id: s.id });
  for (const c of report.commitments) spans.push({ start: c.start, end: c.end, layer: 1, id: c.id });
  for (const i of report.indicators) spans.push({ start: i.start, end: i.end, layer: 2, id: i.id });
  return spans;
}

/**
 * Text as displayed: scraped reports often separate paragraphs by several blank lines, which
 * `white-space: pre-wrap` would show as large gaps; two or more blank lines show as one. Only
 * the display changes: items are positioned by the elements built from their offsets.
 */
const display = (s) => s.replace(/\r\n?/g, '\n').replace(/\n[ \t\u3000]*(?:\n[ \t\u3000]*){2,}/g, '\n\n');

const order = (a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer;

/**
 * Builds `text` as a DocumentFragment with one element per span, properly nested. A span that
 * crosses the end of the element it starts in (not seen in the corpus, but nothing in the model
 * forbids it) is split there; its continuation is a second element with the same `data-*` id
 * and the class `cont`, so counting distinct ids still counts items.
 *
 * `make(span, isContinuation)` creates the (empty) element of a span.
 */
export function renderText(text, spans, make) {
  const queue = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start <= s.end)
    .sort(order);
  const root = document.createDocumentFragment();
  const stack = [{ end: text.length, el: root }];
  let pos = 0;
  const top = () => stack[stack.length - 1];
  const emit = (upTo) => {
    if (upTo > pos) {
      top().el.append(display(text.slice(pos, upTo)));
      pos = upTo;
    }
  };
  for (let k = 0; k < queue.length; k++) {
    const span = queue[k];
    while (stack.length > 1 && top().end <= span.start) {
      emit(top().end);
      stack.pop();
    }
    emit(span.start);
    let end = span.end;
    if (end > top().end) {
      // Crosses its parent: render up to the parent's end now, the rest after the parent closes.
      const rest = { ...span, start: top().end, cont: true };
      let at = k + 1;
      while (at < queue.length && order(queue[at], rest) <= 0) at++;
      queue.splice(at, 0, rest);
      end = top().end;
    }
    const el = make(span, Boolean(span.cont));
    top().el.append(el);
    stack.push({ end, el });
  }
  while (stack.length > 1) {
    emit(top().end);
    stack.pop();
  }
  emit(text.length);
  return root;
}

/** The element factory of the report view: headings, commitments, indicators. */
export function makeElement(report) {
  return (span, cont) => {
    let el;
    if (span.layer === 0) {
      const s = report.sections[span.id];
      el = document.createElement('span');
      el.className = `h d${s.depth}`;
      el.dataset.s = String(s.id);
      if (!cont) el.id = `sec-${s.id}`;
    } else if (span.layer === 1) {
      const c = report.commitments[span.id];
      el = document.createElement('span');
      el.className = 'c';
      el.dataset.c = String(c.id);
      el.dataset.modality = c.modality;
    } else {
      const i = report.indicators[span.id];
      el = document.createElement('mark');
      el.className = 'i';
      el.dataset.i = String(i.id);
      el.dataset.status = i.status;
    }
    if (cont) el.classList.add('cont');
    return el;
  };
}

/**
 * The outline as nested lists: one `<li data-section=id>` per section, with its marker, title and
 * role; `onPick(id)` is called when an entry is chosen.
 */
export function renderOutline(report, roleLabel, onPick) {
  const root = document.createElement('ol');
  const lists = new Map(); // section id → the <ol> of its children
  for (const s of report.sections) {
    const parentList = s.parent === null ? root : lists.get(s.parent) ?? root;
    const li = document.createElement('li');
    li.dataset.section = String(s.id);
    li.dataset.role = s.role;
    const a = document.createElement('a');
    a.href = `#sec-${s.id}`;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      onPick(s.id);
    });
    const marker = document.createElement('span');
    marker.className = 'marker';
    marker.textContent = s.marker ?? '';
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = s.title.replace(/\s+/g, ' ').trim();
    const role = document.createElement('span');
    role.className = `role role-${s.role}`;
    role.textContent = s.role;
    role.title = roleLabel(s.role);
    a.append(marker, title, role);
    li.append(a);
    parentList.append(li);
    const children = document.createElement('ol');
    li.append(children);
    lists.set(s.id, children);
  }
  // Drop the empty child lists.
  for (const ol of lists.values()) if (!ol.childElementCount) ol.remove();
  return root;
}
