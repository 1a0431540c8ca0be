-- Accounts for Accounts mode: one row a person. A reference table (no place_id): an account is partnership-wide,
-- and an agency analyst's place and agency are columns, not a distribution key. The password is kept only as
-- ASP.NET Core Identity's PasswordHasher hash (PBKDF2, versioned format).
CREATE TABLE users (
    user_name       TEXT NOT NULL PRIMARY KEY,  -- lower-case: names are compared case-insensitively
    display_name    TEXT NOT NULL,              -- as first written
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL,              -- Administrator | AgencyAnalyst | Board
    place_code      TEXT,                       -- an agency analyst's place (GSS code)
    agency          TEXT,                       -- an agency analyst's agency, by name
    created_at      TIMESTAMPTZ NOT NULL
);
