"""SOC 2018 major groups and their short names (e.g. 41 → "Sales & Related").

The 23 titles are the SOC 2018 major group titles (public domain, BLS); a test checks them
against ../shared/data/crosswalks/soc_2018/soc_2018_major_groups.csv.
"""

from __future__ import annotations

MAJOR_GROUPS = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}


def short_name(title: str) -> str:
    """ "Sales and Related Occupations" → "Sales & Related"."""
    name = title.removesuffix(" Occupations").replace(", and ", " & ").replace(" and ", " & ")
    return name


def group_name(code: str) -> str:
    """Short name of a SOC major group code ("41")."""
    title = MAJOR_GROUPS.get(code)
    return short_name(title) if title else f"Group {code}"
