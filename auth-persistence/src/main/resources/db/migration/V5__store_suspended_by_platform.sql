-- A store the platform admin suspended stays suspended until a platform admin resumes it.
ALTER TABLE stores ADD COLUMN suspended_by_platform BOOLEAN DEFAULT FALSE NOT NULL;
