"""Store tables. O*NET tables are declared from the ingest specs, one per O*NET file.

Every O*NET row carries ``release_id`` so several releases live side by side; one release
is current. Tables are created by numbered migrations (``store/migrations.py``), never
dropped and re-created.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from skillsx.ingest.specs import SPECS, FileSpec

metadata = MetaData()

_TYPES: dict[str, Any] = {
    "soc": lambda: String(10),
    "text": lambda: Text(),
    "int": lambda: BigInteger(),
    "float": lambda: Float(),
    "flag": lambda: Boolean(),
    "date": lambda: String(7),
}

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

releases = Table(
    "releases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(20), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("loaded_at", String(32), nullable=False),
    Column("is_current", Boolean, nullable=False, default=False),
)

release_files = Table(
    "release_files",
    metadata,
    Column("release_id", Integer, ForeignKey("releases.id"), primary_key=True),
    Column("file", String(100), primary_key=True),
    Column("status", String(10), nullable=False),  # loaded | extra | absent
    Column("source_release", String(20), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("sha256", String(64)),
)


def _onet_table(spec: FileSpec) -> Table:
    columns = [Column("release_id", Integer, ForeignKey("releases.id"), nullable=False)]
    columns += [Column(c.name, _TYPES[c.type]()) for c in spec.columns]
    table = Table(spec.table, metadata, *columns)
    if spec.per_occupation:
        Index(f"ix_{spec.table}_release_soc", table.c.release_id, table.c.soc)
    else:
        Index(f"ix_{spec.table}_release", table.c.release_id)
    return table


ONET_TABLES: dict[str, Table] = {spec.table: _onet_table(spec) for spec in SPECS}

aei_task_usage = Table(
    "aei_task_usage",
    metadata,
    Column("release_id", Integer, ForeignKey("releases.id"), nullable=False),
    Column("aei_release", String(20), nullable=False),
    Column("soc", String(10), nullable=False),
    Column("task_id", BigInteger, nullable=False),
    Column("task_name", Text, nullable=False),
    Column("pct", Float, nullable=False),
    Column("match", String(12), nullable=False),  # exact | normalised | task_id
    # How many O*NET tasks of this release share the same AEI task text.
    Column("shared_by", Integer, nullable=False),
    Index("ix_aei_task_usage_release_soc", "release_id", "soc"),
)

aei_interactions = Table(
    "aei_interactions",
    metadata,
    Column("aei_release", String(20), nullable=False),
    Column("interaction_type", String(40), nullable=False),
    Column("pct", Float, nullable=False),
)

evidence_sources = Table(
    "evidence_sources",
    metadata,
    Column("kind", String(20), primary_key=True),  # aei | cip
    Column("release", String(40), nullable=False),
    Column("source", Text, nullable=False),
    Column("loaded_at", String(32), nullable=False),
    Column("stats", Text, nullable=False),  # JSON
)

cip_soc = Table(
    "cip_soc",
    metadata,
    Column("cip_code", String(7), nullable=False),
    Column("cip_title", Text, nullable=False),
    Column("soc2018", String(7), nullable=False),
    Column("soc_title", Text, nullable=False),
    Index("ix_cip_soc_soc", "soc2018"),
)

BASE_TABLES = [
    schema_migrations,
    releases,
    release_files,
    *ONET_TABLES.values(),
    aei_task_usage,
    aei_interactions,
    evidence_sources,
    cip_soc,
]

# ---------------------------------------------------------------- builds (migration 2)

builds = Table(
    "builds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", String(10), nullable=False),  # v.YY.MM
    Column("number", Integer, nullable=False),  # 1, 2, … within the month
    Column("release_id", Integer, ForeignKey("releases.id"), nullable=False),
    Column("engine", String(60), nullable=False),
    Column("status", String(10), nullable=False),  # building | complete
    Column("is_current", Boolean, nullable=False, default=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("frameworks", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("warnings", Integer, nullable=False, default=0),
)

frameworks = Table(
    "frameworks",
    metadata,
    Column("build_id", Integer, ForeignKey("builds.id"), primary_key=True),
    Column("soc", String(10), primary_key=True),
    Column("title", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("document", Text, nullable=False),  # JSON of the occupation page
)

build_problems = Table(
    "build_problems",
    metadata,
    Column("build_id", Integer, ForeignKey("builds.id"), nullable=False),
    Column("soc", String(10), nullable=False),
    Column("rule", String(60), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("location", Text, nullable=False),
    Column("message", Text, nullable=False),
    Index("ix_build_problems_build", "build_id", "severity"),
)

BUILD_TABLES = [builds, frameworks, build_problems]

# ---------------------------------------------------------------- accounts (migration 3)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),  # viewer | contributor | curator | admin
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(32), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
)

sign_in_attempts = Table(
    "sign_in_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(254), nullable=False),
    Column("client", String(64), nullable=False),
    Column("at", Float, nullable=False),  # seconds since the epoch
    Column("ok", Boolean, nullable=False),
    Index("ix_sign_in_attempts_email", "email", "at"),
)

site_secrets = Table(
    "site_secrets",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", String(128), nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("soc", String(10), nullable=False),
    # statement:<level>:<order> or record:<kind>:<id>
    Column("target", String(120), nullable=False),
    Column("current_text", Text, nullable=False),
    Column("problem", Text, nullable=False),
    Column("proposed", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", String(10), nullable=False),  # pending | accepted | rejected
    Column("submitted_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("submitted_at", String(32), nullable=False),
    Column("build_id", Integer),
    Column("reviewed_by", Integer, ForeignKey("users.id")),
    Column("reviewed_at", String(32)),
    Column("review_reason", Text),
    Index("ix_corrections_status", "status"),
)

overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("correction_id", Integer, ForeignKey("corrections.id"), nullable=False),
    Column("soc", String(10), nullable=False),
    Column("target", String(120), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Index("ix_overrides_soc", "soc"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("actor_id", Integer),
    Column("action", String(40), nullable=False),
    Column("subject", String(120), nullable=False),
    Column("detail", Text, nullable=False),
)

ACCOUNT_TABLES = [
    users,
    sessions,
    sign_in_attempts,
    site_secrets,
    corrections,
    overrides,
    audit_log,
]

# ---------------------------------------------------------------- imported frameworks (migration 4)

external_frameworks = Table(
    "external_frameworks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),  # json-1.0 | case
    # The file's own identifier: the CFDocument identifier, or the SOC code of a json-1.0 file.
    Column("identifier", String(120), nullable=False),
    Column("title", Text, nullable=False),
    Column("soc", String(10)),
    Column("version", String(60)),
    Column("source_name", Text, nullable=False),
    Column("imported_at", String(32), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("document", Text, nullable=False),  # the checked file, as JSON
    Index("ux_external_frameworks_identity", "kind", "identifier", unique=True),
)

EXTERNAL_TABLES = [external_frameworks]

# ---------------------------------------------------------------- self-assessments (migration 5)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # Random and unguessable: the id pages, the API and credentials show (never the row id).
    Column("public_id", String(32), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("soc", String(10), nullable=False),
    Column("title", Text, nullable=False),
    # The build, framework version and release the ratings refer to (no foreign key: the
    # assessment keeps its own snapshot of the statements and outlives any build).
    Column("build_id", Integer, nullable=False),
    Column("build_label", String(40), nullable=False),
    Column("framework_version", String(10), nullable=False),
    Column("release", String(20), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("note", Text, nullable=False),
    # JSON: every statement rated against (id, level, theme, text, anchors, hash, rating).
    Column("ratings", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_assessments_user", "user_id", "updated_at"),
)

ASSESSMENT_TABLES = [assessments]
