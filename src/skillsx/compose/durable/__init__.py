"""Compose the ten durable-skill domains for one occupation, each at four levels.

The domain names are those of the Pathsmith Durable Skills Framework (America Succeeds with
CompTIA); only the names are used. Descriptions and statements are ours. Modules:

* ``domains``: the ten domains, the O*NET signals behind each, and their weights;
* ``words``: objects and verb phrases read from task and DWA titles, people and colleagues;
* ``facts``: what one occupation's records give the statements, and its traits;
* ``texts_people``, ``texts_work``: the statement templates; ``templates`` parses them;
* ``statements``: choosing and filling templates, and ``compose_durable``.

See docs/durable-and-ai.md.
"""

from skillsx.compose.durable.domains import DOMAINS, FRAMEWORK, DomainSpec, weigh_domain
from skillsx.compose.durable.facts import Facts, Material, gather_facts
from skillsx.compose.durable.statements import COUNTS, DURABLE_LEVELS, compose_durable
from skillsx.compose.durable.templates import TEMPLATES, Template
from skillsx.compose.durable.words import action_of, kind_of, object_of, trim_purpose

__all__ = [
    "COUNTS",
    "DOMAINS",
    "DURABLE_LEVELS",
    "FRAMEWORK",
    "TEMPLATES",
    "DomainSpec",
    "Facts",
    "Material",
    "Template",
    "action_of",
    "compose_durable",
    "gather_facts",
    "kind_of",
    "object_of",
    "trim_purpose",
    "weigh_domain",
]
