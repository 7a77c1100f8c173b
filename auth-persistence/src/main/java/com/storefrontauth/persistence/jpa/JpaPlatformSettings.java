package com.storefrontauth.persistence.jpa;

import com.storefrontauth.domain.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The installation's named settings on JPA. */
@ApplicationScoped
public class JpaPlatformSettings implements PlatformSettings {

    @Inject
    Jpa jpa;

    protected JpaPlatformSettings() {
        // for CDI
    }

    public JpaPlatformSettings(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<String> get(String name) {
        return jpa.read(
                "read a platform setting",
                em -> Optional.ofNullable(em.find(PlatformSettingEntity.class, name, Jpa.readOnly(em)))
                        .map(PlatformSettingEntity::value));
    }

    @Override
    public Map<String, String> startingWith(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        // no LIKE: a prefix holding '_' or '%' would match more than it says
        jpa
                .run(
                        "list platform settings",
                        em -> em.createQuery(
                                        "SELECT s FROM PlatformSettingEntity s ORDER BY s.name",
                                        PlatformSettingEntity.class)
                                .getResultList())
                .stream()
                .filter(setting -> setting.name().startsWith(prefix))
                .forEach(setting -> found.put(setting.name(), setting.value()));
        return found;
    }

    /** Update, else insert (portable; settings are written rarely, at bootstrap). */
    @Override
    public void put(String name, String value) {
        jpa.run("write a platform setting", em -> {
            PlatformSettingEntity setting = em.find(PlatformSettingEntity.class, name);
            if (setting == null) {
                em.persist(new PlatformSettingEntity(name, value));
            } else {
                setting.replace(value);
            }
            em.flush();
            return null;
        });
    }
}
