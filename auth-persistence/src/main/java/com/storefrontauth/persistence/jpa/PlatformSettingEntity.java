package com.storefrontauth.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code platform_settings}: one named value of the installation. */
@Entity
@Table(name = "platform_settings")
public class PlatformSettingEntity {

    @Id
    private String name;

    @Column(name = "setting_value")
    private String value;

    protected PlatformSettingEntity() {
        // for JPA
    }

    PlatformSettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    void replace(String newValue) {
        value = newValue;
    }
}
