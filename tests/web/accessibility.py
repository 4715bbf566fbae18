"""Checks of WCAG 2.1 AA a browser can make on a rendered page: the contrast of every piece
of visible text against what is really behind it (1.4.3), and a visible change on every
control when the keyboard focuses it (2.4.7). Used by tests/web/test_accessibility.py;
any page test may call them too.

The contrast is computed from the computed styles, as the WCAG formula says: the text
colour and the backgrounds of the element and its ancestors, alpha-blended from the
page's white up. A background image makes the answer unknowable, so it is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

# Runs in the page. Returns one entry per element whose own visible text fails.
_CONTRAST_JS = """
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat([1]);
  };
  const channel = (v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const behind = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none') return null;
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const seen = new Set();
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim()) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (s.visibility !== 'visible' || s.display === 'none') continue;
    if (box.width === 0 || box.height === 0) continue;
    if (el.closest('[hidden], [aria-hidden="true"], :disabled, option, script, style')) continue;
    // Off-screen on purpose: the skip link until it is focused.
    if (box.right < 0 || box.bottom < 0) continue;
    const bg = behind(el);
    const text = node.textContent.trim().slice(0, 40);
    if (bg === null) { found.push({text, ratio: 0, need: 4.5, why: 'background image'}); continue; }
    const fg = over(parse(s.color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (parseInt(s.fontWeight, 10) >= 700 && size >= 18.66);
    const need = large ? 3 : 4.5;
    const why = `${s.color} on rgb(${bg.slice(0, 3).map(Math.round)})`;
    if (ratio < need) found.push({text, ratio: Math.round(ratio * 100) / 100, need, why});
  }
  return found;
}
"""

# Runs in the page after an element got the keyboard's focus: what it looks like.
_LOOK_JS = """
const look = (el) => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
          s.color, s.borderColor, s.textDecorationLine].join('|');
};
"""


@dataclass(frozen=True)
class LowContrast:
    text: str
    ratio: float
    need: float
    why: str

    def __str__(self) -> str:
        return f"{self.text!r}: {self.ratio} < {self.need} ({self.why})"


def contrast_problems(page) -> list[LowContrast]:  # type: ignore[no-untyped-def]
    """Every element whose visible text is below AA (4.5:1, or 3:1 for large text)."""
    page.wait_for_load_state()  # after a form's redirect the new document may have no body yet
    return [LowContrast(**found) for found in page.evaluate(_CONTRAST_JS)]


def focus_problems(page, *, limit: int = 80) -> list[str]:  # type: ignore[no-untyped-def]
    """Tabs through the page from the top; names every control that looks the same
    focused as it did before any focus. `limit` stops on a page with very many controls."""
    page.wait_for_load_state()
    plain = page.evaluate(
        "() => {"
        + _LOOK_JS
        + """
            const all = document.querySelectorAll(
              'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]');
            return Array.from(all, (el, i) => { el.dataset.a11y = i; return look(el); });
        }""",
    )
    problems: list[str] = []
    seen: set[str] = set()
    # Tab goes on from the last focus or click: start it from the top of the page.
    page.evaluate(
        """() => {
            const start = document.createElement('span');
            start.tabIndex = -1;
            start.id = 'a11y-start';
            document.body.prepend(start);
            start.focus();
        }"""
    )
    for _ in range(limit):
        page.keyboard.press("Tab")
        index, look, html = page.evaluate(
            "() => {"
            + _LOOK_JS
            + """
                const el = document.activeElement;
                const outside = !el || el === document.body || el.dataset.a11y === undefined;
                if (outside) return [null, '', ''];
                const tag = el.tagName.toLowerCase();
                const name = (el.innerText || el.name || el.id || '').trim().slice(0, 40);
                return [el.dataset.a11y, look(el), `<${tag}> ${name}`];
            }""",
        )
        if index is None or index in seen:
            break
        seen.add(index)
        if look == plain[int(index)]:
            problems.append(html)
    page.evaluate("() => document.getElementById('a11y-start').remove()")
    return problems
