"""The office side without Qt: finding acts, the office password, exports, the register and the materials report.

It works through SQLAlchemy on a tablet's SQLite file and on the central PostgreSQL database alike.
"""
