package com.storefrontauth.persistence.jdbc;

import com.storefrontauth.domain.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Override
    public Map<String, String> startingWith(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        // no LIKE: a prefix holding '_' or '%' would match more than it says
        sql
                .list(
                        "SELECT name, setting_value FROM platform_settings ORDER BY name",
                        row -> Map.entry(row.getString(1), row.getString(2)))
                .stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    /** Update, else insert (portable; settings are written rarely, at bootstrap). */
    @Override
    public void put(String name, String value) {
        if (sql.update("UPDATE platform_settings SET setting_value = ? WHERE name = ?", value, name) == 0) {
            sql.update("INSERT INTO platform_settings (name, setting_value) VALUES (?, ?)", name, value);
        }
    }
}
