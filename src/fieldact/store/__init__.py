"""Storage: SQLModel tables, engine, migrations, repositories and the audit log. No Qt."""
