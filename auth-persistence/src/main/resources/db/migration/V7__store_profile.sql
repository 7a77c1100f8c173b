-- A store's profile (what it tells about itself) and the platform's commission on its sales.
ALTER TABLE stores ADD COLUMN description VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE stores ADD COLUMN logo_url VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE stores ADD COLUMN business_address VARCHAR(300) DEFAULT '' NOT NULL;
ALTER TABLE stores ADD COLUMN contact_phone VARCHAR(20) DEFAULT '' NOT NULL;
ALTER TABLE stores ADD COLUMN preferred_language VARCHAR(35) DEFAULT 'en' NOT NULL;
ALTER TABLE stores ADD COLUMN commission_percent NUMERIC(5, 2) DEFAULT 0 NOT NULL;
