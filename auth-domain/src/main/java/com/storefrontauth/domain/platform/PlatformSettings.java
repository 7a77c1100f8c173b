package com.storefrontauth.domain.platform;

import java.util.Optional;

/** Installation-wide facts that must be remembered across restarts (e.g. the demo store's id). */
public interface PlatformSettings {

    Optional<String> get(String name);

    void put(String name, String value);
}
