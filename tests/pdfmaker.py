"""A tiny PDF writer for tests: text lines in a Type0 font with a ToUnicode map, so that any
Vietnamese text has a real text layer without shipping a font file."""

from __future__ import annotations

FONT_MAP_HEAD = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
    "/CMapName /Test-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> "
    "endcodespacerange\n"
)
FONT_MAP_TAIL = "endcmap CMapName currentdict /CMap defineresource pop end end\n"


def _to_unicode(chars: set[str]) -> str:
    entries = sorted(f"<{ord(c):04X}> <{ord(c):04X}>" for c in chars)
    body = ""
    for i in range(0, len(entries), 100):
        chunk = entries[i: i + 100]
        body += f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
    return FONT_MAP_HEAD + body + FONT_MAP_TAIL


def _content(lines: list[str]) -> str:
    ops = ["BT /F1 10 Tf 40 800 Td 13 TL"]
    for line in lines:
        ops.append(f"<{''.join(f'{ord(c):04X}' for c in line)}> Tj T*" if line else "T*")
    ops.append("ET")
    return "\n".join(ops)


def make_pdf(pages: list[list[str]]) -> bytes:
    """One list of text lines per page ('' for an empty line); [] makes a page with no text."""
    chars = {c for page in pages for line in page for c in line} | {" "}
    objects: list[str] = []

    def add(body: str) -> int:
        objects.append(body)
        return len(objects)

    catalog = add("")  # filled below
    pages_obj = add("")
    cmap = _to_unicode(chars)
    tounicode = add(f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}endstream")
    descriptor = add("<< /Type /FontDescriptor /FontName /TestSans /Flags 32 "
                     "/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 "
                     "/CapHeight 700 /StemV 80 >>")
    cid = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo "
              "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
              f"/FontDescriptor {descriptor} 0 R /DW 500 >>")
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H "
               f"/DescendantFonts [{cid} 0 R] /ToUnicode {tounicode} 0 R >>")
    kids = []
    for lines in pages:
        content = _content(lines)
        stream = add(f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {stream} 0 R >>"))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>"
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return out
