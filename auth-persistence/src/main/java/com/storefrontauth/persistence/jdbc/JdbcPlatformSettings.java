package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

@ApplicationScoped
public class JdbcPlatformSettings implements PlatformSettings {

    @Inject
    Sql sql;

    protected JdbcPlatformSettings() {
        // for CDI
    }

    JdbcPlatformSettings(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> get(String name) {
        return sql.one("SELECT setting_value FROM platform_settings WHERE name = ?", row -> row.getString(1), name);
    }

    /** Update, else insert (portable; settings are written rarely, at bootstrap). */
    @Override
    public void put(String name, String value) {
        if (sql.update("UPDATE platform_settings SET setting_value = ? WHERE name = ?", value, name) == 0) {
            sql.update("INSERT INTO platform_settings (name, setting_value) VALUES (?, ?)", name, value);
        }
    }
}
