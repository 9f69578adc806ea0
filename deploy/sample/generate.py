#!/usr/bin/env python3
"""Generate junheng's SYNTHETIC sample data: Qin County (沁县, 140430) and two more counties of
Changzhi (长治市, 1404), Wuxiang (武乡县, 140429) and Qinyuan (沁源县, 140431), for the region demo.

Every value written by this script (school codes, contacts, student counts, teachers, areas,
equipment, funds, county facts) is invented for demonstration and testing. For Qin County only the
school names, towns and target years come from the county plan (沁政办函〔2021〕22号). For Wuxiang and
Qinyuan EVERYTHING but the county names and codes is invented, the school names, towns and target
years included: they are not those counties' schools, plans or figures, and exist only so that
`junheng region status --region 1404` compares three counties. A fourth county, 130102 (长安区,
石家庄市, 河北省), is as synthetic and is written for the end-to-end test of the region viewer only
(tests/e2e/data/), never loaded by the demo.

Python 3 standard library only; deterministic (fixed seed). Run from anywhere:

    python3 deploy/sample/generate.py

It writes, next to itself:
    schools.csv, reports-2023.csv, reports-2024.csv,
    county-facts-2023.json, county-facts-2024.json          (Qin County)
    140429/ and 140431/ with the same five files              (Wuxiang, Qinyuan)
and tests/e2e/data/130102/ (the Hebei test county, period 2024 only). It prints, per county, year
and level, the student-weighted difference coefficient (CV) of each of the seven resource
indicators and how many schools meet the per-unit rule, so the mix can be tuned.

How values are made: for each school and year the seven resource indicators are set as a ratio of
their threshold (the locale's ranges, drawn once with the seed, then the school profile's
overrides); the counts and areas are derived from that ratio and the student count. Everything else
(classes, rooms, funds, admissions, ratings) is derived from the students plus the per-school quirks.
Qin County draws from random.Random(SEED) exactly as it always has, so its files do not change when
other counties are added; every other county has its own generator seeded with SEED and its code.
"""

import csv
import json
import math
import os
import random

SEED = 20240601
COUNTY_CODE = "140430"
YEARS = ("2023", "2024")
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

# --- The county plan (沁政办函〔2021〕22号): name, level, town, target year. -----------------------
# Copied from shared/data/qin-county-plan.csv so the script is self-contained.
PLAN = [
    ("沁县新店镇新店小学", "primary", "新店镇", 2024),
    ("沁县故县镇向升小学", "primary", "故县镇", 2024),
    ("沁县松村镇松村小学", "primary", "松村镇", 2024),
    ("沁县牛寺镇牛寺小学", "primary", "牛寺镇", 2024),
    ("沁县南里镇南里小学", "primary", "南里镇", 2024),
    ("沁县册村镇册村小学", "primary", "册村镇", 2025),
    ("沁县郭村镇郭村小学", "primary", "郭村镇", 2025),
    ("沁县漳源镇交口小学", "primary", "漳源镇", 2025),
    ("沁县定昌镇迎春小学", "primary", "定昌镇", 2025),
    ("沁县郭村镇元王小学", "primary", "郭村镇", 2025),
    ("沁县第三中学", "junior", "", 2026),
    ("沁县第五中学", "junior", "", 2026),
    ("沁县故县镇故县小学", "primary", "故县镇", 2026),
    ("沁县新店镇待贤小学", "primary", "新店镇", 2026),
    ("沁县新店镇南池小学", "primary", "新店镇", 2027),
    ("沁县册村镇书存小学", "primary", "册村镇", 2027),
    ("沁县漳源镇羊庄小学", "primary", "漳源镇", 2027),
    ("沁县定昌镇南石垢小学", "primary", "定昌镇", 2027),
    ("沁县定昌镇西关小学", "primary", "定昌镇", 2028),
    ("沁县红旗小学", "primary", "", 2028),
    ("沁县育才小学", "primary", "", 2028),
    ("沁县胜利小学", "primary", "", 2028),
    ("沁县中学", "junior", "", 2029),
    ("沁县实验中学", "junior", "", 2029),
    ("沁县东风小学", "primary", "", 2029),
    ("沁县明德小学", "primary", "", 2029),
]

# --- Thresholds (evaluation-method.md §2) ----------------------------------------------------------
IND = ("L1", "L2", "L3", "L4", "L5", "L6", "L7")
THR = {
    "primary": {"L1": 4.2, "L2": 1.0, "L3": 0.9, "L4": 4.5, "L5": 7.5, "L6": 2000, "L7": 2.3},
    "junior": {"L1": 5.3, "L2": 1.0, "L3": 0.9, "L4": 5.8, "L5": 10.2, "L6": 2500, "L7": 2.4},
}
CV_MAX = {"primary": 0.50, "junior": 0.45}
QUOTA = {"primary": 650, "junior": 850}      # Shanxi per-student public-funds quota, yuan
CLASS_CAP = {"primary": 45, "junior": 50}
ARTS_ROOM_MIN_M2 = (96.0, 90.0)              # G3: smallest music room, smallest art room
CLASSES_PER_ARTS_ROOM = 12

# Default ratio ranges (value / threshold) by locale; PROFILES override single indicators.
DEFAULT_RANGES = {
    "urban": {"L1": (1.05, 1.25), "L2": (1.05, 1.35), "L3": (1.05, 1.30), "L4": (1.02, 1.15),
              "L5": (1.02, 1.15), "L6": (1.05, 1.30), "L7": (1.02, 1.15)},
    "town": {"L1": (1.10, 1.35), "L2": (1.05, 1.45), "L3": (1.05, 1.45), "L4": (1.10, 1.45),
             "L5": (1.15, 1.60), "L6": (1.05, 1.35), "L7": (1.15, 1.60)},
    "rural": {"L1": (1.15, 1.45), "L2": (1.05, 1.50), "L3": (1.05, 1.50), "L4": (1.20, 1.60),
              "L5": (1.30, 1.90), "L6": (1.02, 1.25), "L7": (1.60, 2.60)},
}
# Students per full-time teacher, by locale (junior schools use "junior").
STR_RANGE = {"urban": (16.5, 18.8), "town": (13.5, 16.0), "rural": (11.8, 13.5), "junior": (11.8, 13.4)}

# --- Per-school profile -----------------------------------------------------------------------------
# locale, boarding, built_year, students in 2024, students 2023 / 2024,
# r: 2024 ratio overrides; r23: 2023 ratio overrides (otherwise 2024 slightly worse);
# extra: per-school item quirks per year (see derive_report).
PROFILES = {
    "沁县新店镇新店小学": dict(locale="town", boarding=True, built=2009, p=620, p23=1.02),
    "沁县故县镇向升小学": dict(locale="rural", boarding=True, built=2003, p=210, p23=1.05,
                         r={"L2": 0.95}, r23={"L2": 0.48, "L6": 0.90}),
    "沁县松村镇松村小学": dict(locale="town", boarding=True, built=2011, p=430, p23=1.03,
                         r23={"L6": 0.92, "L7": 0.88}),
    "沁县牛寺镇牛寺小学": dict(locale="town", boarding=False, built=1998, p=360, p23=1.04,
                         r={"L5": 0.80, "L2": 0.93}, r23={"L5": 0.78, "L2": 0.80}),
    "沁县南里镇南里小学": dict(locale="town", boarding=True, built=2014, p=390, p23=1.03),
    "沁县册村镇册村小学": dict(locale="town", boarding=True, built=2006, p=470, p23=1.02,
                         r={"L6": 0.90}, r23={"L6": 0.86}),
    "沁县郭村镇郭村小学": dict(locale="town", boarding=True, built=2012, p=540, p23=1.02),
    "沁县漳源镇交口小学": dict(locale="rural", boarding=True, built=2005, p=160, p23=1.06),
    "沁县定昌镇迎春小学": dict(locale="urban", boarding=False, built=2016, p=1150, p23=0.98,
                         r={"L5": 0.89}, r23={"L5": 0.87}),
    "沁县郭村镇元王小学": dict(locale="rural", boarding=False, built=2001, p=130, p23=1.07),
    "沁县第三中学": dict(locale="urban", boarding=False, built=2004, p=1320, p23=0.99,
                   r={"L5": 0.90, "L6": 1.15}, r23={"L5": 0.88, "L6": 1.10}),
    "沁县第五中学": dict(locale="urban", boarding=True, built=2008, p=860, p23=1.02,
                   r={"L6": 1.20}, r23={"L6": 0.48}),
    "沁县故县镇故县小学": dict(locale="town", boarding=True, built=1996, p=580, p23=1.03,
                         r={"L6": 0.88}, r23={"L6": 0.86}),
    "沁县新店镇待贤小学": dict(locale="rural", boarding=False, built=2000, p=150, p23=1.07,
                         r={"L6": 0.91}, r23={"L2": 0.62, "L6": 0.84}),
    "沁县新店镇南池小学": dict(locale="rural", boarding=False, built=1993, p=95, p23=1.08,
                         r={"L6": 0.74}),
    "沁县册村镇书存小学": dict(locale="rural", boarding=False, built=1989, p=120, p23=1.06,
                         r={"L2": 0.0}),
    "沁县漳源镇羊庄小学": dict(locale="rural", boarding=False, built=1991, p=85, p23=1.09),
    # 南石垢 is a village of 定昌镇 on the county seat's edge: rural, not urban.
    "沁县定昌镇南石垢小学": dict(locale="rural", boarding=False, built=1999, p=260, p23=1.04,
                          r={"L6": 0.78, "L2": 0.76}),
    "沁县定昌镇西关小学": dict(locale="urban", boarding=False, built=2002, p=980, p23=0.98,
                         r={"L5": 0.72}),
    "沁县红旗小学": dict(locale="urban", boarding=False, built=1987, p=1620, p23=0.99,
                   r={"L5": 0.62, "L4": 0.82}),
    "沁县育才小学": dict(locale="urban", boarding=False, built=2012, p=1380, p23=0.97,
                   r={"L5": 0.90}),
    "沁县胜利小学": dict(locale="urban", boarding=False, built=1995, p=1250, p23=0.98,
                   r={"L5": 0.76, "L7": 0.90}),
    "沁县中学": dict(locale="urban", boarding=False, built=1985, p=1850, p23=1.0,
                 r={"L5": 0.72, "L4": 0.84, "L6": 1.10}),
    "沁县实验中学": dict(locale="urban", boarding=False, built=2017, p=1540, p23=0.97,
                   r={"L5": 0.80, "L7": 0.90, "L6": 2.30}, r23={"L6": 2.40}),
    "沁县东风小学": dict(locale="urban", boarding=False, built=1990, p=1780, p23=0.98,
                   r={"L5": 0.58, "L4": 0.80, "L7": 0.87}),
    "沁县明德小学": dict(locale="urban", boarding=False, built=2018, p=1050, p23=0.96,
                   r={"L5": 0.88}, r23={"L5": 0.86}),
}

# Music and art rooms (G3). The 2017 method and the county plan alike require each room to be at
# least 96 m² (music) / 90 m² (art), with no allowance for older buildings; neither built-in profile
# sets one. Campuses built since 2016 were designed to that size, and most older ones have enlarged
# or rebuilt their rooms ahead of their target year. The schools below still teach music and art in
# converted ordinary classrooms, at least one of the two rooms under the size (checked in main()):
# four old county-seat schools and two old village schools due late in the plan, and 新店小学, due in
# 2024 and behind on this item alone.
UNDERSIZED_ARTS_ROOMS = {
    "沁县新店镇新店小学", "沁县册村镇书存小学", "沁县漳源镇羊庄小学", "沁县红旗小学", "沁县胜利小学",
    "沁县中学", "沁县东风小学",
}

# Per-school item quirks, by year: maximum class size (大班额), too few music/art rooms,
# small rooms, funding below the 100-student floor, low training spend, zoning gaps, flags,
# uncertified teachers, and ("untrained", used by the synthetic counties) teachers short of the
# 5-year training.
QUIRKS = {
    ("沁县红旗小学", "2023"): {"max_class": 53, "music_rooms": 2},
    ("沁县红旗小学", "2024"): {"max_class": 51, "music_rooms": 2},
    ("沁县东风小学", "2023"): {"max_class": 58, "zoned_short": 3},
    ("沁县东风小学", "2024"): {"max_class": 55},
    ("沁县中学", "2023"): {"zoned_share": 0.93, "no_excess_burden": False},
    ("沁县中学", "2024"): {"zoned_share": 0.96},
    ("沁县册村镇书存小学", "2023"): {"room_area": (62.0, 60.5), "courses_complete": False,
                             "ict": "fair"},
    ("沁县册村镇书存小学", "2024"): {"room_area": (62.0, 60.5), "courses_complete": False},
    ("沁县漳源镇羊庄小学", "2023"): {"funds_per_student": 650 * 0.98, "funds_floor": False},
    ("沁县新店镇待贤小学", "2023"): {"ict": "fair", "training_share": 0.031},
    ("沁县故县镇故县小学", "2024"): {"training_share": 0.042},
    ("沁县胜利小学", "2023"): {"training_share": 0.036},
    ("沁县胜利小学", "2024"): {"training_share": 0.044},
    ("沁县定昌镇南石垢小学", "2023"): {"moral": "fair", "uncertified": 2},
    ("沁县定昌镇南石垢小学", "2024"): {"uncertified": 1},
    ("沁县第五中学", "2023"): {"has_charter": False},
    ("沁县牛寺镇牛寺小学", "2023"): {"uncertified": 1},
}

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡郭何高林罗郑梁宋谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["建华", "秀英", "志强", "丽娟", "国平", "海燕", "晓东", "红梅", "文斌", "翠萍", "永胜", "俊峰",
         "爱民", "桂芳", "宏伟", "素珍", "建军", "晓红", "卫东", "玉兰", "振国", "慧敏", "鹏飞", "淑华",
         "长青", "彩霞", "保平", "月娥", "旭东", "瑞琴"]

SCHOOL_FIELDS = ["school_code", "school_name", "school_type", "county_code", "town", "locale",
                 "ownership", "boarding", "built_year", "parent_school_code", "target_year",
                 "contact_name", "contact_phone"]

REPORT_FIELDS = [
    "school_code", "period",
    "primary_students", "junior_students", "senior_students",
    "primary_classes", "junior_classes",
    "primary_max_class_size", "junior_max_class_size",
    "primary_teachers", "junior_teachers",
    "primary_teachers_above_degree", "junior_teachers_above_degree",
    "primary_backbone_teachers", "junior_backbone_teachers",
    "primary_pe_art_teachers", "junior_pe_art_teachers",
    "certified_teachers", "training_completed_teachers",
    "teaching_aux_area_m2", "sports_area_m2", "equipment_value_yuan", "multimedia_classrooms",
    "music_rooms", "art_rooms", "music_room_min_area_m2", "art_room_min_area_m2",
    "public_funds_yuan", "teacher_training_funds_yuan", "zoned_admissions", "total_admissions",
    "has_charter", "courses_complete", "no_excess_burden", "ict_rating", "moral_culture_rating",
]

COUNTY_FACT_FIELDS = [
    "county_code", "period", "layout_plan_ok", "unified_standards_ok", "staffing_allocation_ok",
    "public_funds_quota_primary_yuan", "public_funds_quota_junior_yuan",
    "special_ed_funds_per_student_yuan", "teacher_pay_ratio", "performance_pay_approved",
    "rotation_eligible_teachers", "rotated_teachers", "rotated_backbone_teachers",
    "quality_hs_quota_share", "migrant_children_public_share", "left_behind_care_ok",
    "consolidation_rate", "disabled_enrollment_rate", "monitoring", "survey_valid",
    "survey_satisfied", "veto_exam_admission", "veto_illegal_choice", "veto_key_schools",
    "veto_unfilled_posts", "veto_major_incident", "veto_falsification",
    # The national forms' figures (申报表 表Ⅰ, 表Ⅳ-表Ⅵ), entered beside the rates they explain.
    "population_10k", "agricultural_population_10k", "towns", "administrative_villages",
    "gdp_per_capita_yuan", "fiscal_revenue_per_capita_yuan", "rural_income_per_capita_yuan",
    "urban_income_per_capita_yuan", "special_ed_schools", "primary_staff", "junior_staff",
    "oversize_primary_classes", "oversize_junior_classes", "special_ed_public_funds_yuan",
    "special_ed_students", "teacher_average_pay_yuan", "civil_servant_average_pay_yuan",
    "quality_hs_places", "quality_hs_places_allocated", "quality_hs_places_rural",
    "migrant_children_eligible", "migrant_children_in_public",
    "migrant_children_in_purchased_private", "junior_graduates", "junior_entrants_three_years_ago",
    "junior_transfers_in", "junior_deaths", "junior_transfers_out", "disabled_children",
    "disabled_children_enrolled", "disabled_children_in_special_schools", "survey_total", "visits",
    "visits_satisfied", "parent_survey_total", "parent_survey_valid", "parent_survey_satisfied",
    "parent_visits", "parent_visits_satisfied",
]


def b(v):
    return "true" if v else "false"


def money(x):
    return str(int(round(x)))


def area(x):
    return f"{x:.1f}"


def make_schools(rng, county):
    plan = county.plan
    given = rng.sample(GIVEN, len(plan))      # no two contacts share a given name
    surnames = rng.sample(SURNAMES, len(plan))
    rows = []
    for i, (name, level, town, target) in enumerate(plan, start=1):
        prof = county.profiles[name]
        person = surnames[i - 1] + given[i - 1]
        rows.append({
            "school_code": county.school_code(i),
            "school_name": name,
            "school_type": level,
            "county_code": county.code,
            "town": town,
            "locale": prof["locale"],
            "ownership": "public",
            "boarding": b(prof["boarding"]),
            "built_year": str(prof["built"]),
            "parent_school_code": "",
            "target_year": str(target),
            "contact_name": person,
            "contact_phone": county.phone(i),
        })
    return rows


def draw_ratios(rng, county):
    """Ratios (value / threshold) per school and year."""
    ratios = {}
    for name, level, _town, _target in county.plan:
        prof = county.profiles[name]
        rng_key = prof["locale"]
        r24 = {k: rng.uniform(*DEFAULT_RANGES[rng_key][k]) for k in IND}
        r24.update(prof.get("r", {}))
        r23 = {}
        for k in IND:
            shrink = rng.uniform(0.95, 1.0)
            v = r24[k] * shrink
            if r24[k] >= 1.0:
                v = max(1.0, v)          # stays passing unless overridden below
            r23[k] = v
        r23.update(prof.get("r23", {}))
        ratios[(name, "2024")] = r24
        ratios[(name, "2023")] = r23
    return ratios


def count_for(ratio, thr_per100, students):
    """Integer count giving `ratio` of a per-100-students threshold (ceil when meant to pass)."""
    x = ratio * thr_per100 * students / 100.0
    if ratio >= 1.0:
        return math.ceil(x - 1e-9)
    c = int(round(x))
    if c * 100.0 / students >= thr_per100:  # rounding must not turn a planned miss into a pass
        c -= 1
    return max(c, 0)


def derive_report(rng, county, school, year, ratio):
    name, level = school["school_name"], school["school_type"]
    prof = county.profiles[name]
    q = county.quirks.get((name, year), {})
    thr = THR[level]
    p = prof["p"] if year == "2024" else int(round(prof["p"] * prof["p23"]))
    sect = level  # "primary" or "junior"

    # Teachers.
    key = "junior" if level == "junior" else prof["locale"]
    teachers = int(round(p / rng.uniform(*STR_RANGE[key])))
    above = count_for(ratio["L1"], thr["L1"], p)
    backbone = count_for(ratio["L2"], thr["L2"], p)
    pe_art = count_for(ratio["L3"], thr["L3"], p)
    teachers = max(teachers, above + max(1, teachers // 10), backbone, pe_art)
    uncert = q.get("uncertified", 0)
    certified = teachers - uncert
    if county.trained_share[year] > 0 and rng.random() < county.trained_share[year]:
        trained = teachers                    # the school has finished the 5-year cycle
    else:
        trained = min(teachers, int(round(teachers * rng.uniform(0.88, 0.98))))
    trained = min(trained, teachers - q.get("untrained", 0))

    # Classes and class size.
    if level == "primary":
        classes = max(6, int(round(p / rng.uniform(38, 44))))
    else:
        classes = max(3, int(round(p / rng.uniform(44, 48))))
    avg = p / classes
    max_class = q.get("max_class", min(CLASS_CAP[level], int(math.ceil(avg)) + rng.randint(1, 4)))
    max_class = max(max_class, int(math.ceil(avg)))
    max_class = min(max_class, p)

    # Facilities (whole school).
    def amount(k, step):
        # Planned passes never round below the threshold; planned misses stay misses.
        x = ratio[k] * thr[k] * p * (rng.uniform(1.001, 1.01) if ratio[k] >= 1.0 else rng.uniform(0.995, 1.0))
        return (math.ceil(x / step) if ratio[k] >= 1.0 else math.floor(x / step)) * step
    teach_area = amount("L4", 0.1)
    sports_area = amount("L5", 0.1)
    equipment = amount("L6", 100)
    multimedia = count_for(ratio["L7"], thr["L7"], p)
    need_rooms = math.ceil(classes / 12)
    music_rooms = q.get("music_rooms", need_rooms)
    art_rooms = q.get("art_rooms", need_rooms)
    if "room_area" in q:
        m_area, a_area = q["room_area"]
    else:
        # The smallest room does not change between years: draw it per school, not per report.
        room_rng = random.Random(f"{SEED}-rooms-{name}")
        if name in county.undersized_arts_rooms:  # converted classrooms, one of them perhaps refitted
            m_area, a_area = room_rng.uniform(74, 106), room_rng.uniform(68, 100)
        else:  # built to 96 / 90 m², or enlarged since
            m_area, a_area = room_rng.uniform(96, 110), room_rng.uniform(90, 104)

    # Funds.
    per = q.get("funds_per_student", QUOTA[level] * rng.uniform(1.02, 1.30 if level == "primary" else 1.08))
    funded_students = max(p, 100) if q.get("funds_floor", True) else p
    funds = round(per * funded_students, -2)
    training = round(funds * q.get("training_share", rng.uniform(0.050, 0.062)), -1)

    # Admissions: one grade's intake.
    grades = 6 if level == "primary" else 3
    total_adm = max(1, int(round(p / grades * rng.uniform(0.92, 1.06))))
    zoned = total_adm
    if "zoned_share" in q:
        zoned = int(math.floor(total_adm * q["zoned_share"]))
    zoned -= q.get("zoned_short", 0)

    row = {k: "" for k in REPORT_FIELDS}
    row.update({
        "school_code": school["school_code"],
        "period": year,
        f"{sect}_students": str(p),
        f"{sect}_classes": str(classes),
        f"{sect}_max_class_size": str(max_class),
        f"{sect}_teachers": str(teachers),
        f"{sect}_teachers_above_degree": str(above),
        f"{sect}_backbone_teachers": str(backbone),
        f"{sect}_pe_art_teachers": str(pe_art),
        "certified_teachers": str(certified),
        "training_completed_teachers": str(trained),
        "teaching_aux_area_m2": area(teach_area),
        "sports_area_m2": area(sports_area),
        "equipment_value_yuan": money(equipment),
        "multimedia_classrooms": str(multimedia),
        "music_rooms": str(music_rooms),
        "art_rooms": str(art_rooms),
        "music_room_min_area_m2": area(m_area),
        "art_room_min_area_m2": area(a_area),
        "public_funds_yuan": money(funds),
        "teacher_training_funds_yuan": money(training),
        "zoned_admissions": str(zoned),
        "total_admissions": str(total_adm),
        "has_charter": b(q.get("has_charter", True)),
        "courses_complete": b(q.get("courses_complete", True)),
        "no_excess_burden": b(q.get("no_excess_burden", True)),
        "ict_rating": q.get("ict", rng.choice(["good", "good", "excellent"])),
        "moral_culture_rating": q.get("moral", rng.choice(["good", "good", "excellent"])),
    })
    check_consistency(name, row, level)
    return row


def check_consistency(name, r, level):
    s = level
    n = lambda k: float(r[k])
    p, t = n(f"{s}_students"), n(f"{s}_teachers")
    problems = []
    for k in ("teachers_above_degree", "backbone_teachers", "pe_art_teachers"):
        if n(f"{s}_{k}") > t:
            problems.append(k)
    if n("certified_teachers") > t or n("training_completed_teachers") > t:
        problems.append("certified/trained")
    if n("zoned_admissions") > n("total_admissions"):
        problems.append("zoned")
    if n("teacher_training_funds_yuan") > n("public_funds_yuan"):
        problems.append("training funds")
    if n(f"{s}_max_class_size") > p or n(f"{s}_max_class_size") * n(f"{s}_classes") < p:
        problems.append("class size")
    if not 11.0 <= p / t <= 19.5:
        problems.append(f"student-teacher ratio {p / t:.1f}")
    if problems:
        raise SystemExit(f"inconsistent synthetic row for {name} {r['period']}: {problems}")


def indicators(row, level):
    s = level
    p = float(row[f"{s}_students"])
    return p, {
        "L1": 100 * float(row[f"{s}_teachers_above_degree"]) / p,
        "L2": 100 * float(row[f"{s}_backbone_teachers"]) / p,
        "L3": 100 * float(row[f"{s}_pe_art_teachers"]) / p,
        "L4": float(row["teaching_aux_area_m2"]) / p,
        "L5": float(row["sports_area_m2"]) / p,
        "L6": float(row["equipment_value_yuan"]) / p,
        "L7": 100 * float(row["multimedia_classrooms"]) / p,
    }


def per_unit(vals, level):
    thr = THR[level]
    misses = [k for k in IND if vals[k] < thr[k]]
    ok = len(misses) <= 1 and all(vals[k] >= 0.85 * thr[k] for k in misses)
    return ok, misses


def g3_misses(row, level):
    """What keeps a school from G3 under the national 96 / 90 m² (no relaxation for old campuses)."""
    need = math.ceil(int(row[f"{level}_classes"]) / CLASSES_PER_ARTS_ROOM)
    misses = [f"{k} {row[k]} < {need}" for k in ("music_rooms", "art_rooms") if int(row[k]) < need]
    for k, minimum in zip(("music_room_min_area_m2", "art_room_min_area_m2"), ARTS_ROOM_MIN_M2):
        if float(row[k]) < minimum:
            misses.append(f"{k} {row[k]} < {minimum:g}")
    return misses


def weighted_cv(pairs):
    total = sum(p for p, _ in pairs)
    mean = sum(p * x for p, x in pairs) / total
    var = sum((p / total) * (x - mean) ** 2 for p, x in pairs)
    return mean, math.sqrt(var) / mean


def qin_county_facts(year, rows):
    """Qin County's facts: hand-tuned, see README.md "What the data is built to show"."""
    y24 = year == "2024"
    # Staff (教职工) are the full-time teachers of the reports plus about one in eight more.
    teachers = {level: sum(int(r[f"{level}_teachers"] or 0) for r in rows)
                for level in ("primary", "junior")}
    facts = {
        "county_code": COUNTY_CODE,
        "period": year,
        "layout_plan_ok": True,
        "unified_standards_ok": True,
        "staffing_allocation_ok": True,
        "public_funds_quota_primary_yuan": 650,
        "public_funds_quota_junior_yuan": 850,
        "special_ed_funds_per_student_yuan": 6500 if y24 else 6000,
        "teacher_pay_ratio": 1.03 if y24 else 1.01,
        "performance_pay_approved": True,
        "rotation_eligible_teachers": 612 if y24 else 628,
        "rotated_teachers": 71 if y24 else 59,
        "rotated_backbone_teachers": 16 if y24 else 11,
        "quality_hs_quota_share": 0.81 if y24 else 0.62,
        "migrant_children_public_share": 0.93 if y24 else 0.91,
        "left_behind_care_ok": True,
        "consolidation_rate": 0.992 if y24 else 0.985,
        "disabled_enrollment_rate": 0.991 if y24 else 0.97,
        "monitoring": [
            {"subject": "语文", "level": 4 if y24 else 3, "between_school_rate": 0.10 if y24 else 0.12},
            {"subject": "数学", "level": 3, "between_school_rate": 0.13 if y24 else 0.16},
            {"subject": "科学", "level": 3 if y24 else 2, "between_school_rate": 0.14 if y24 else 0.14},
            {"subject": "体育", "level": 3, "between_school_rate": 0.12 if y24 else 0.13},
        ],
        "survey_valid": 3046 if y24 else 2987,
        "survey_satisfied": 2791 if y24 else 2647,
        "veto_exam_admission": False,
        "veto_illegal_choice": False,
        "veto_key_schools": False,
        "veto_unfilled_posts": False,
        "veto_major_incident": False,
        "veto_falsification": False,
        # 表Ⅰ: population in 10,000 people, the economy per head, staff.
        "population_10k": 15.73 if y24 else 15.81,
        "agricultural_population_10k": 11.02 if y24 else 11.19,
        "towns": 13,
        "administrative_villages": 198,
        "gdp_per_capita_yuan": 38512 if y24 else 36230,
        "fiscal_revenue_per_capita_yuan": 2950 if y24 else 2780,
        "rural_income_per_capita_yuan": 13650 if y24 else 12840,
        "urban_income_per_capita_yuan": 33120 if y24 else 31890,
        "special_ed_schools": 1,
        "primary_staff": round(teachers["primary"] * 1.12),
        "junior_staff": round(teachers["junior"] * 1.12),
        # 表Ⅳ: the figures behind G5, G7, G8, G14 and G15 (their rates above agree with them).
        "oversize_primary_classes": 5 if y24 else 7,
        "oversize_junior_classes": 0,
        "special_ed_public_funds_yuan": 442000 if y24 else 384000,
        "special_ed_students": 68 if y24 else 64,
        "teacher_average_pay_yuan": 74160 if y24 else 71710,
        "civil_servant_average_pay_yuan": 72000 if y24 else 71000,
        "quality_hs_places": 900,
        "quality_hs_places_allocated": 729 if y24 else 558,
        "quality_hs_places_rural": 462 if y24 else 301,
        "migrant_children_eligible": 420 if y24 else 410,
        "migrant_children_in_public": 352 if y24 else 338,
        "migrant_children_in_purchased_private": 39 if y24 else 35,
        # 表Ⅴ: the parts of Q1 and Q2.
        "junior_graduates": 1221 if y24 else 1236,
        "junior_entrants_three_years_ago": 1240 if y24 else 1262,
        "junior_transfers_in": 15 if y24 else 18,
        "junior_deaths": 2 if y24 else 1,
        "junior_transfers_out": 22 if y24 else 24,
        "disabled_children": 112 if y24 else 100,
        "disabled_children_enrolled": 111 if y24 else 97,
        "disabled_children_in_special_schools": 41 if y24 else 38,
        # 表Ⅵ: questionnaires handed out and field visits, everyone and parents.
        "survey_total": 3200 if y24 else 3150,
        "visits": 420 if y24 else 400,
        "visits_satisfied": 391 if y24 else 352,
        "parent_survey_total": 1500 if y24 else 1450,
        "parent_survey_valid": 1431 if y24 else 1398,
        "parent_survey_satisfied": 1322 if y24 else 1221,
        "parent_visits": 160 if y24 else 150,
        "parent_visits_satisfied": 148 if y24 else 131,
    }
    assert list(facts) == COUNTY_FACT_FIELDS
    return facts


def write_csv(path, fields, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


# --- The synthetic counties -------------------------------------------------------------------------
# Two more counties of Changzhi (长治市, 1404) so that a city's region view compares three counties:
# Wuxiang (武乡县, 140429) and Qinyuan (沁源县, 140431). Only the county names and codes are real.
# School names, towns, target years, sizes and every figure are INVENTED; they are not those
# counties' schools, plans or data. The mix is built so that the three differ:
#   沁县 Qin County   2024: 1 of 4 dimensions passes (the hand-tuned sample above);
#   武乡县 Wuxiang     passes more: every unit meets the per-unit rule in 2024, low coefficients,
#                     facts on target; only G9 (training at two schools) keeps it from the standard;
#   沁源县 Qinyuan     a rich county seat and poor villages: primary L6 (equipment per student) has
#                     the largest coefficient of the three and exceeds 0.50; G5 and G9 fail too.
# Profile keys as in PROFILES; plan rows as in PLAN plus the profile.

WUXIANG = [
    ("武乡县实验小学", "primary", "丰州镇", 2024,
     dict(locale="urban", boarding=False, built=2015, p=1460, p23=0.98)),
    ("武乡县丰州镇第一小学", "primary", "丰州镇", 2024,
     dict(locale="urban", boarding=False, built=2010, p=1350, p23=0.99)),
    ("武乡县丰州镇第二小学", "primary", "丰州镇", 2025,
     dict(locale="urban", boarding=False, built=2013, p=1180, p23=0.99, r23={"L5": 0.82})),
    ("武乡县洪水镇洪水小学", "primary", "洪水镇", 2024,
     dict(locale="town", boarding=True, built=2008, p=520, p23=1.02)),
    ("武乡县蟠龙镇蟠龙小学", "primary", "蟠龙镇", 2025,
     dict(locale="town", boarding=True, built=2011, p=480, p23=1.03)),
    ("武乡县监漳镇监漳小学", "primary", "监漳镇", 2025,
     dict(locale="town", boarding=True, built=2009, p=410, p23=1.03, r23={"L6": 0.83})),
    ("武乡县故城镇故城小学", "primary", "故城镇", 2025,
     dict(locale="town", boarding=True, built=2012, p=450, p23=1.02)),
    ("武乡县韩北镇韩北小学", "primary", "韩北镇", 2026,
     dict(locale="town", boarding=True, built=2006, p=260, p23=1.04)),
    ("武乡县上司乡上司小学", "primary", "上司乡", 2026,
     dict(locale="rural", boarding=False, built=2004, p=140, p23=1.06)),
    ("武乡县墨镫乡墨镫小学", "primary", "墨镫乡", 2026,
     dict(locale="rural", boarding=False, built=2002, p=120, p23=1.06, r23={"L2": 0.0})),
    ("武乡县涌泉乡涌泉小学", "primary", "涌泉乡", 2027,
     dict(locale="rural", boarding=False, built=2005, p=150, p23=1.05)),
    ("武乡县贾豁乡贾豁小学", "primary", "贾豁乡", 2027,
     dict(locale="rural", boarding=False, built=2001, p=110, p23=1.07)),
    ("武乡县石北乡石北小学", "primary", "石北乡", 2027,
     dict(locale="rural", boarding=False, built=2003, p=130, p23=1.06)),
    ("武乡县大有乡大有小学", "primary", "大有乡", 2028,
     dict(locale="rural", boarding=False, built=2000, p=95, p23=1.08)),
    ("武乡县实验中学", "junior", "丰州镇", 2024,
     dict(locale="urban", boarding=False, built=2016, p=1280, p23=0.98)),
    ("武乡县第二中学", "junior", "丰州镇", 2025,
     dict(locale="urban", boarding=True, built=2012, p=1420, p23=1.0, r23={"L4": 0.84})),
    ("武乡县洪水镇中学", "junior", "洪水镇", 2026,
     dict(locale="town", boarding=True, built=2010, p=620, p23=1.02)),
    ("武乡县蟠龙镇中学", "junior", "蟠龙镇", 2027,
     dict(locale="town", boarding=True, built=2007, p=480, p23=1.03)),
]
WUXIANG_QUIRKS = {
    ("武乡县丰州镇第一小学", "2023"): {"max_class": 48},
    ("武乡县涌泉乡涌泉小学", "2024"): {"untrained": 1},
    ("武乡县蟠龙镇中学", "2024"): {"untrained": 3},
}

QINYUAN = [
    ("沁源县实验小学", "primary", "沁河镇", 2024,
     dict(locale="urban", boarding=False, built=2017, p=1650, p23=0.97, r={"L6": 3.8}, r23={"L6": 3.6})),
    ("沁源县第一小学", "primary", "沁河镇", 2025,
     dict(locale="urban", boarding=False, built=2014, p=1520, p23=0.98, r={"L6": 3.4}, r23={"L6": 3.3})),
    ("沁源县第二小学", "primary", "沁河镇", 2025,
     dict(locale="urban", boarding=False, built=2011, p=1380, p23=0.99, r={"L6": 3.0}, r23={"L6": 2.9})),
    ("沁源县沁河镇西街小学", "primary", "沁河镇", 2027,
     dict(locale="urban", boarding=False, built=1996, p=980, p23=0.99, r={"L5": 0.70, "L4": 0.92, "L6": 0.95})),
    ("沁源县郭道镇郭道小学", "primary", "郭道镇", 2025,
     dict(locale="town", boarding=True, built=2008, p=560, p23=1.02)),
    ("沁源县灵空山镇灵空山小学", "primary", "灵空山镇", 2026,
     dict(locale="town", boarding=True, built=2006, p=320, p23=1.03, r={"L6": 0.92})),
    ("沁源县王和镇王和小学", "primary", "王和镇", 2026,
     dict(locale="town", boarding=True, built=2009, p=410, p23=1.03, r={"L6": 0.95})),
    ("沁源县李元镇李元小学", "primary", "李元镇", 2026,
     dict(locale="town", boarding=True, built=2010, p=380, p23=1.02, r={"L6": 0.93})),
    ("沁源县中峪乡中峪小学", "primary", "中峪乡", 2027,
     dict(locale="rural", boarding=False, built=2003, p=150, p23=1.05, r={"L6": 0.88})),
    ("沁源县法中乡法中小学", "primary", "法中乡", 2027,
     dict(locale="rural", boarding=False, built=2001, p=120, p23=1.06, r={"L6": 0.78})),
    ("沁源县交口乡交口小学", "primary", "交口乡", 2028,
     dict(locale="rural", boarding=False, built=1999, p=105, p23=1.07, r={"L6": 0.72, "L2": 0.80})),
    ("沁源县韩洪乡韩洪小学", "primary", "韩洪乡", 2028,
     dict(locale="rural", boarding=False, built=2002, p=130, p23=1.05, r={"L6": 0.87})),
    ("沁源县官滩乡官滩小学", "primary", "官滩乡", 2028,
     dict(locale="rural", boarding=False, built=1998, p=90, p23=1.08, r={"L6": 0.76})),
    ("沁源县聪子峪乡聪子峪小学", "primary", "聪子峪乡", 2029,
     dict(locale="rural", boarding=False, built=1997, p=80, p23=1.09, r={"L6": 0.70})),
    ("沁源县赤石桥乡赤石桥小学", "primary", "赤石桥乡", 2029,
     dict(locale="rural", boarding=False, built=2000, p=100, p23=1.07, r={"L6": 0.74})),
    ("沁源县景凤乡景凤小学", "primary", "景凤乡", 2029,
     dict(locale="rural", boarding=False, built=2002, p=115, p23=1.06, r={"L6": 0.89})),
    ("沁源县王陶乡王陶小学", "primary", "王陶乡", 2029,
     dict(locale="rural", boarding=False, built=2004, p=140, p23=1.05)),
    ("沁源县实验中学", "junior", "沁河镇", 2025,
     dict(locale="urban", boarding=False, built=2016, p=1420, p23=0.98, r={"L6": 2.4}, r23={"L6": 2.3})),
    ("沁源县第二中学", "junior", "沁河镇", 2026,
     dict(locale="urban", boarding=True, built=2009, p=1650, p23=1.0, r={"L6": 1.9, "L5": 0.80})),
    ("沁源县郭道镇中学", "junior", "郭道镇", 2027,
     dict(locale="town", boarding=True, built=2006, p=540, p23=1.02, r={"L6": 0.90})),
    ("沁源县王和镇中学", "junior", "王和镇", 2028,
     dict(locale="town", boarding=True, built=2005, p=420, p23=1.03, r={"L6": 0.88})),
    ("沁源县李元镇中学", "junior", "李元镇", 2028,
     dict(locale="town", boarding=True, built=2003, p=360, p23=1.04)),
]
QINYUAN_QUIRKS = {
    ("沁源县实验小学", "2023"): {"max_class": 49},
    ("沁源县实验小学", "2024"): {"max_class": 47},
    ("沁源县第一小学", "2023"): {"max_class": 50},
    ("沁源县第一小学", "2024"): {"max_class": 48},
    ("沁源县交口乡交口小学", "2023"): {"uncertified": 1},
}
QINYUAN_UNDERSIZED_ARTS_ROOMS = {"沁源县沁河镇西街小学", "沁源县官滩乡官滩小学"}

# The test-only county of another province (tests/e2e/region_e2e_test.sh): never in the demo.
HEBEI_TEST = [
    ("长安区第一小学", "primary", "", 2024, dict(locale="urban", boarding=False, built=2012, p=1280, p23=1.0)),
    ("长安区第二小学", "primary", "", 2025, dict(locale="urban", boarding=False, built=2009, p=1120, p23=1.0)),
    ("长安区第三小学", "primary", "", 2026, dict(locale="urban", boarding=False, built=2015, p=960, p23=1.0)),
    ("长安区第一初级中学", "junior", "", 2025, dict(locale="urban", boarding=False, built=2011, p=1340, p23=1.0)),
]

# County facts of the synthetic counties: the figures the forms ask for; the rates the items judge
# are computed from them (synthetic_facts), so `junheng facts submit` has nothing to warn about.
MONITORING_GOOD = [("语文", 4, 0.09), ("数学", 3, 0.12), ("科学", 3, 0.13), ("体育", 3, 0.11)]
MONITORING_WEAK = [("语文", 3, 0.13), ("数学", 3, 0.16), ("科学", 2, 0.17), ("体育", 3, 0.14)]
FIGURES = {
    ("140429", "2024"): dict(
        population_10k=18.52, agricultural_population_10k=12.94, towns=12, administrative_villages=212,
        gdp_per_capita_yuan=42100, fiscal_revenue_per_capita_yuan=3350,
        rural_income_per_capita_yuan=13980, urban_income_per_capita_yuan=34260,
        special_ed_public_funds_yuan=416000, special_ed_students=64,
        teacher_average_pay_yuan=75300, civil_servant_average_pay_yuan=72800,
        rotation_eligible_teachers=540, rotated_teachers=66, rotated_backbone_teachers=15,
        quality_hs_places=860, quality_hs_places_allocated=705, quality_hs_places_rural=430,
        migrant_children_eligible=360, migrant_children_in_public=318,
        migrant_children_in_purchased_private=22,
        junior_graduates=1262, junior_entrants_three_years_ago=1270, junior_transfers_in=12,
        junior_deaths=1, junior_transfers_out=14,
        disabled_children=120, disabled_children_enrolled=119, disabled_children_in_special_schools=44,
        survey_total=2900, survey_valid=2811, survey_satisfied=2620, visits=380, visits_satisfied=357,
        parent_survey_total=1380, parent_survey_valid=1330, parent_survey_satisfied=1241,
        parent_visits=140, parent_visits_satisfied=131, monitoring=MONITORING_GOOD),
    ("140429", "2023"): dict(
        population_10k=18.61, agricultural_population_10k=13.08, towns=12, administrative_villages=212,
        gdp_per_capita_yuan=39870, fiscal_revenue_per_capita_yuan=3120,
        rural_income_per_capita_yuan=13160, urban_income_per_capita_yuan=33050,
        special_ed_public_funds_yuan=372000, special_ed_students=62,
        teacher_average_pay_yuan=72600, civil_servant_average_pay_yuan=71800,
        rotation_eligible_teachers=548, rotated_teachers=58, rotated_backbone_teachers=12,
        quality_hs_places=860, quality_hs_places_allocated=667, quality_hs_places_rural=352,
        migrant_children_eligible=350, migrant_children_in_public=300,
        migrant_children_in_purchased_private=20,
        junior_graduates=1240, junior_entrants_three_years_ago=1262, junior_transfers_in=14,
        junior_deaths=2, junior_transfers_out=13,
        disabled_children=117, disabled_children_enrolled=115, disabled_children_in_special_schools=42,
        survey_total=2880, survey_valid=2760, survey_satisfied=2480, visits=370, visits_satisfied=331,
        parent_survey_total=1360, parent_survey_valid=1302, parent_survey_satisfied=1160,
        parent_visits=130, parent_visits_satisfied=114, monitoring=MONITORING_GOOD),
    ("140431", "2024"): dict(
        population_10k=16.05, agricultural_population_10k=10.21, towns=14, administrative_villages=254,
        gdp_per_capita_yuan=112400, fiscal_revenue_per_capita_yuan=14500,
        rural_income_per_capita_yuan=16820, urban_income_per_capita_yuan=38900,
        special_ed_public_funds_yuan=468000, special_ed_students=72,
        teacher_average_pay_yuan=78600, civil_servant_average_pay_yuan=76200,
        rotation_eligible_teachers=650, rotated_teachers=68, rotated_backbone_teachers=14,
        quality_hs_places=980, quality_hs_places_allocated=790, quality_hs_places_rural=402,
        migrant_children_eligible=640, migrant_children_in_public=560,
        migrant_children_in_purchased_private=40,
        junior_graduates=1430, junior_entrants_three_years_ago=1440, junior_transfers_in=16,
        junior_deaths=1, junior_transfers_out=13,
        disabled_children=109, disabled_children_enrolled=108, disabled_children_in_special_schools=47,
        survey_total=3400, survey_valid=3210, survey_satisfied=2801, visits=450, visits_satisfied=388,
        parent_survey_total=1600, parent_survey_valid=1520, parent_survey_satisfied=1310,
        parent_visits=170, parent_visits_satisfied=146, monitoring=MONITORING_GOOD),
    ("140431", "2023"): dict(
        population_10k=16.12, agricultural_population_10k=10.37, towns=14, administrative_villages=254,
        gdp_per_capita_yuan=118300, fiscal_revenue_per_capita_yuan=15800,
        rural_income_per_capita_yuan=15960, urban_income_per_capita_yuan=37600,
        special_ed_public_funds_yuan=420000, special_ed_students=70,
        teacher_average_pay_yuan=76100, civil_servant_average_pay_yuan=75000,
        rotation_eligible_teachers=660, rotated_teachers=62, rotated_backbone_teachers=12,
        quality_hs_places=980, quality_hs_places_allocated=745, quality_hs_places_rural=360,
        migrant_children_eligible=620, migrant_children_in_public=530,
        migrant_children_in_purchased_private=38,
        junior_graduates=1398, junior_entrants_three_years_ago=1430, junior_transfers_in=18,
        junior_deaths=2, junior_transfers_out=15,
        disabled_children=105, disabled_children_enrolled=101, disabled_children_in_special_schools=45,
        survey_total=3350, survey_valid=3150, survey_satisfied=2680, visits=440, visits_satisfied=361,
        parent_survey_total=1580, parent_survey_valid=1490, parent_survey_satisfied=1248,
        parent_visits=160, parent_visits_satisfied=131, monitoring=MONITORING_WEAK),
    ("130102", "2024"): dict(
        population_10k=56.30, agricultural_population_10k=2.10, towns=8, administrative_villages=30,
        gdp_per_capita_yuan=98600, fiscal_revenue_per_capita_yuan=6100,
        rural_income_per_capita_yuan=24300, urban_income_per_capita_yuan=48800,
        special_ed_public_funds_yuan=390000, special_ed_students=60,
        teacher_average_pay_yuan=86400, civil_servant_average_pay_yuan=84000,
        rotation_eligible_teachers=180, rotated_teachers=20, rotated_backbone_teachers=5,
        quality_hs_places=600, quality_hs_places_allocated=492, quality_hs_places_rural=40,
        migrant_children_eligible=900, migrant_children_in_public=820,
        migrant_children_in_purchased_private=40,
        junior_graduates=440, junior_entrants_three_years_ago=443, junior_transfers_in=6,
        junior_deaths=0, junior_transfers_out=7,
        disabled_children=40, disabled_children_enrolled=40, disabled_children_in_special_schools=18,
        survey_total=800, survey_valid=780, survey_satisfied=709, visits=100, visits_satisfied=92,
        parent_survey_total=400, parent_survey_valid=390, parent_survey_satisfied=352,
        parent_visits=40, parent_visits_satisfied=37, monitoring=MONITORING_GOOD),
}


def synthetic_facts(code, year, rows):
    """A synthetic county's facts: FIGURES[(code, year)], the rates made from them."""
    g = FIGURES[(code, year)]
    teachers = {level: sum(int(r[f"{level}_teachers"] or 0) for r in rows)
                for level in ("primary", "junior")}
    oversize = {level: 2 * sum(1 for r in rows if r[f"{level}_max_class_size"] and
                               int(r[f"{level}_max_class_size"]) > CLASS_CAP[level])
                for level in ("primary", "junior")}   # two classes over the cap at each such school
    rate = lambda part, whole: round(part / whole, 3)
    facts = {
        "county_code": code,
        "period": year,
        "layout_plan_ok": True,
        "unified_standards_ok": True,
        "staffing_allocation_ok": True,
        "public_funds_quota_primary_yuan": QUOTA["primary"],
        "public_funds_quota_junior_yuan": QUOTA["junior"],
        "special_ed_funds_per_student_yuan":
            round(g["special_ed_public_funds_yuan"] / g["special_ed_students"]),
        "teacher_pay_ratio": round(g["teacher_average_pay_yuan"] / g["civil_servant_average_pay_yuan"], 2),
        "performance_pay_approved": True,
        "rotation_eligible_teachers": g["rotation_eligible_teachers"],
        "rotated_teachers": g["rotated_teachers"],
        "rotated_backbone_teachers": g["rotated_backbone_teachers"],
        "quality_hs_quota_share": rate(g["quality_hs_places_allocated"], g["quality_hs_places"]),
        "migrant_children_public_share":
            rate(g["migrant_children_in_public"] + g["migrant_children_in_purchased_private"],
                 g["migrant_children_eligible"]),
        "left_behind_care_ok": True,
        "consolidation_rate":
            rate(g["junior_graduates"] - g["junior_transfers_in"] + g["junior_transfers_out"],
                 g["junior_entrants_three_years_ago"] - g["junior_deaths"]),
        "disabled_enrollment_rate": rate(g["disabled_children_enrolled"], g["disabled_children"]),
        "monitoring": [{"subject": s, "level": lv, "between_school_rate": br}
                       for s, lv, br in g["monitoring"]],
        "survey_valid": g["survey_valid"],
        "survey_satisfied": g["survey_satisfied"],
        "veto_exam_admission": False,
        "veto_illegal_choice": False,
        "veto_key_schools": False,
        "veto_unfilled_posts": False,
        "veto_major_incident": False,
        "veto_falsification": False,
    }
    for k in COUNTY_FACT_FIELDS[COUNTY_FACT_FIELDS.index("population_10k"):]:
        if k in g:
            facts[k] = g[k]
        elif k == "special_ed_schools":
            facts[k] = 1
        elif k in ("primary_staff", "junior_staff"):
            facts[k] = round(teachers[k.split("_")[0]] * 1.12)
        elif k.startswith("oversize_"):
            facts[k] = oversize[k.split("_")[1]]
    assert list(facts) == COUNTY_FACT_FIELDS, set(COUNTY_FACT_FIELDS) ^ set(facts)
    return facts


class County:
    """One county's synthetic data: plan, school profiles, quirks, facts and where the files go."""

    def __init__(self, code, name, out_dir, plan, profiles, facts, school_code, phone, rng,
                 quirks=None, undersized_arts_rooms=frozenset(), trained_share=None, years=YEARS):
        self.code, self.name, self.out_dir = code, name, out_dir
        self.plan, self.profiles, self.facts = plan, profiles, facts
        self.school_code, self.phone, self.rng = school_code, phone, rng
        self.quirks = quirks or {}
        self.undersized_arts_rooms = set(undersized_arts_rooms)
        # The share of schools that have finished the 5-year training cycle, drawn per school.
        self.trained_share = trained_share or {"2023": 0.0, "2024": 0.5}
        self.years = years


def synthetic_county(code, name, out_dir, rows, phone_prefix, **kw):
    return County(code, name, out_dir, plan=[row[:4] for row in rows],
                  profiles={row[0]: row[4] for row in rows},
                  facts=lambda year, reports: synthetic_facts(code, year, reports),
                  school_code=lambda i: f"2{code}{i:03d}",   # made up, like Qin County's
                  phone=lambda i: f"{phone_prefix}{i:03d}",  # placeholders, not real lines
                  rng=random.Random(f"{SEED}-{code}"), **kw)


REPO_DIR = os.path.dirname(os.path.dirname(OUT_DIR))


def counties():
    return [
        County(COUNTY_CODE, "沁县", OUT_DIR, PLAN, PROFILES, qin_county_facts,
               school_code=lambda i: f"2140043{i:03d}",
               # 0355 is the Changzhi area code; 7000xxx numbers are placeholders, not real lines.
               phone=lambda i: f"0355-7000{i:03d}",
               rng=random.Random(SEED), quirks=QUIRKS, undersized_arts_rooms=UNDERSIZED_ARTS_ROOMS),
        synthetic_county("140429", "武乡县", os.path.join(OUT_DIR, "140429"), WUXIANG, "0355-7100",
                         quirks=WUXIANG_QUIRKS, trained_share={"2023": 0.0, "2024": 1.0}),
        synthetic_county("140431", "沁源县", os.path.join(OUT_DIR, "140431"), QINYUAN, "0355-7200",
                         quirks=QINYUAN_QUIRKS, undersized_arts_rooms=QINYUAN_UNDERSIZED_ARTS_ROOMS,
                         trained_share={"2023": 0.0, "2024": 0.6}),
        synthetic_county("130102", "长安区", os.path.join(REPO_DIR, "tests", "e2e", "data", "130102"),
                         HEBEI_TEST, "0311-7000", trained_share={"2023": 0.0, "2024": 1.0},
                         years=("2024",)),
    ]


def generate(county):
    rng = county.rng
    schools = make_schools(rng, county)
    ratios = draw_ratios(rng, county)
    os.makedirs(county.out_dir, exist_ok=True)
    write_csv(os.path.join(county.out_dir, "schools.csv"), SCHOOL_FIELDS, schools)

    reports = {}
    for year in YEARS:
        rows = [derive_report(rng, county, s, year, ratios[(s["school_name"], year)]) for s in schools]
        reports[year] = rows
        if year not in county.years:
            continue
        write_csv(os.path.join(county.out_dir, f"reports-{year}.csv"), REPORT_FIELDS, rows)
        with open(os.path.join(county.out_dir, f"county-facts-{year}.json"), "w", encoding="utf-8") as f:
            json.dump(county.facts(year, rows), f, ensure_ascii=False, indent=2)
            f.write("\n")
    return schools, reports


def summarize(county, schools, reports):
    print(f"##### {county.code} {county.name} -> {county.out_dir}")
    for year in county.years:
        print(f"=== {year} ===")
        for level in ("primary", "junior"):
            units = []
            for s, row in zip(schools, reports[year]):
                if s["school_type"] == level:
                    p, vals = indicators(row, level)
                    units.append((s, p, vals))
            print(f"  {level}: {len(units)} units, {sum(u[1] for u in units):.0f} students, "
                  f"CV limit {CV_MAX[level]}")
            for k in IND:
                mean, cv = weighted_cv([(p, v[k]) for _s, p, v in units])
                flag = "  EXCEEDS" if cv > CV_MAX[level] else ""
                print(f"    {k}: mean {mean:10.2f}  threshold {THR[level][k]:>7}  CV {cv:.3f}{flag}")
            met = [u for u in units if per_unit(u[2], level)[0]]
            print(f"    per-unit rule met: {len(met)}/{len(units)}")
        due = [(s, r) for s, r in zip(schools, reports[year]) if int(s["target_year"]) <= int(year)]
        due_met = sum(1 for s, r in due if per_unit(indicators(r, s["school_type"])[1], s["school_type"])[0])
        print(f"  schools due by {year} (target_year <= {year}): {len(due)}, meeting per-unit rule: {due_met}")
        g3 = [(s, g3_misses(r, s["school_type"])) for s, r in zip(schools, reports[year])]
        g3 = [(s, m) for s, m in g3 if m]
        print(f"  G3 music/art rooms (96 / 90 m², no relaxation): {len(g3)}/{len(schools)} schools fail")
        for s, m in g3:
            print(f"    {s['school_name']} (built {s['built_year']}, target {s['target_year']}): "
                  f"{'; '.join(m)}")
        expected = county.undersized_arts_rooms | {n for (n, y), q in county.quirks.items()
                                                   if y == year and ("music_rooms" in q or "art_rooms" in q)}
        if {s["school_name"] for s, _m in g3} != expected:
            raise SystemExit(f"G3 {year}: failing schools differ from the undersized rooms and the "
                             f"room-count quirks: {sorted(s['school_name'] for s, _m in g3)}")
        print("  schools missing thresholds (value as % of threshold):")
        for s, row in zip(schools, reports[year]):
            level = s["school_type"]
            _p, vals = indicators(row, level)
            ok, misses = per_unit(vals, level)
            if misses:
                detail = ", ".join(f"{k} {100 * vals[k] / THR[level][k]:.0f}%" for k in misses)
                print(f"    {'meets' if ok else 'FAILS'}  {s['school_name']} (target {s['target_year']}, "
                      f"{s['locale']}): {detail}")


def main():
    for county in counties():
        summarize(county, *generate(county))
    print("files written to", OUT_DIR, "and", os.path.join(REPO_DIR, "tests", "e2e", "data"))


if __name__ == "__main__":
    main()
