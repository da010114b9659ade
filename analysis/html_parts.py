"""HTML pieces of the report, escaped by construction.

Everything a parksim file holds (labels, ids, titles, messages, provenance) is text, and text is
always escaped, in element content and in attribute values alike. The only HTML that goes into the
page unescaped is a `Markup` value, and only this module and report.py make those, from constant
tags and escaped text; a string is never taken for markup because of what it looks like.
"""
import base64
import html
import io

# The CSS classes report.py may put on a styled value (defined in STYLE).
CLASSES = frozenset({"ok", "no", "small", "num"})

STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif; margin: 2em auto; max-width: 1300px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: .85em; margin: .5em 0; }
th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #176f2c; font-weight: bold; } .no { color: #b0261b; font-weight: bold; }
img { max-width: 100%; display: block; margin: .5em 0 1.5em 0; } .small { color: #666; font-size: .85em; }
pre { background: #f7f7f7; padding: .6em; font-size: .75em; max-height: 20em; overflow: auto; }
"""


class Markup:
    """A fragment of HTML the report made itself; the one kind of value written without escaping."""
    __slots__ = ("html",)

    def __init__(self, fragment):
        if not isinstance(fragment, str):
            raise TypeError("Markup holds a str of HTML")
        self.html = fragment

    def __repr__(self):
        return f"Markup({self.html!r})"


def text(v):
    """A value from a file as text (HDF5 strings may come back as bytes)."""
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return str(v)


def esc(v):
    """Text escaped for element content and for quoted attribute values (quotes included)."""
    return html.escape(text(v), quote=True)


def to_html(v):
    """A Markup value as it is, anything else as escaped text."""
    return v.html if isinstance(v, Markup) else esc(v)


def styled(value, css_class):
    """Text in a <span> with one of the report's own CSS classes."""
    if css_class not in CLASSES:
        raise ValueError(f"not one of the report's CSS classes: {css_class!r}")
    return Markup(f'<span class="{css_class}">{esc(value)}</span>')


def tag(name, content, css_class=None):
    """<name>content</name> with content escaped unless it is Markup (name is the report's own)."""
    if css_class is not None and css_class not in CLASSES:
        raise ValueError(f"not one of the report's CSS classes: {css_class!r}")
    attr = "" if css_class is None else f' class="{css_class}"'
    return Markup(f"<{name}{attr}>{to_html(content)}</{name}>")


def join(*parts):
    """Markup of several parts in a row, each escaped unless it is Markup."""
    return Markup("".join(to_html(p) for p in parts))


def table(header, rows, numeric=()):
    """An HTML table; every cell is escaped text unless the report made it as Markup."""
    out = ["<table><tr>" + "".join(f"<th>{to_html(h)}</th>" for h in header) + "</tr>"]
    for row in rows:
        cells = [('<td class="num">' if k in numeric else "<td>") + to_html(v) + "</td>" for k, v in enumerate(row)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    return Markup("\n".join(out) + "</table>")


def provenance(attrs, keys):
    """The Provenance section: the root attributes named in keys that the file has."""
    rows = [(k, text(attrs[k])) for k in keys if k in attrs]
    return join(tag("h2", "Provenance 来源"), table(["attribute", "value"], rows))


def png(fig, alt):
    """A matplotlib figure as an embedded <img>; alt is escaped (it may carry names from the file)."""
    import matplotlib.pyplot as plt
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return Markup(f'<img alt="{esc(alt)}" src="data:image/png;base64,{data}">')


def page(title, body, note=None, source=""):
    """The whole document: title and body parts (Markup or text), the note, where it came from."""
    parts = "\n".join(to_html(b) for b in body)
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{esc(title)}</title>"
            f"<style>{STYLE}</style></head><body>\n{to_html(note or '')}\n{parts}\n"
            f"<p class='small'>Made by parksim report from {esc(source)}</p></body></html>\n")
