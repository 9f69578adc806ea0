#!/usr/bin/env python3
"""Writes the openpyxl workbooks the xlsx reader is tested against (tests/io/xlsx_table_test.cc).

openpyxl (and so pandas) writes what Debian 12's liborcus 0.17 cannot read: every string as an
inline string and the worksheets' relationships as absolute part names. The files are kept in the
repository so that the unit tests need no Python; rerun this script (python3-openpyxl) to remake
them:  python3 tests/io/testdata/make_openpyxl_fixtures.py
"""
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

workbook = openpyxl.Workbook()
notes = workbook.active
notes.title = "说明"
notes["A1"] = "填报说明: 请在“填报”表中填写"
sheet = workbook.create_sheet("填报")
sheet.append(["学校标识码", "填报期", "小学在校生数", "教学及辅助用房面积(m²)", "开齐开足课程"])
sheet.append(["school_code", "period", "primary_students", "teaching_aux_area_m2",
              "courses_complete"])
sheet.append(["2140043001", 2024, 620, 3492.3, True])
workbook.save(os.path.join(HERE, "openpyxl-report.xlsx"))

workbook = openpyxl.Workbook()
sheet = workbook.active
sheet.title = "填报"
sheet.append(["school_code", "primary_students"])
sheet.append(["2140043001", "=600+20"])
workbook.save(os.path.join(HERE, "openpyxl-formula.xlsx"))

# Damaged copies of the report: a character reference beyond Unicode (liborcus 0.17 aborts the
# process on one) and a worksheet cut off inside a tag (its parser read past the end). The reader
# must refuse both with a sentence.
import zipfile


def damaged(name, change):
    with zipfile.ZipFile(os.path.join(HERE, "openpyxl-report.xlsx")) as source, \
            zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = change(data)
            out.writestr(item, data)


damaged("damaged-character-reference.xlsx",
        lambda xml: xml.replace(b"<t>2140043001</t>", b"<t>&#x110000;</t>"))
damaged("damaged-truncated-sheet.xlsx", lambda xml: xml[: xml.index(b"<c r=\"B3\"") + 5])
