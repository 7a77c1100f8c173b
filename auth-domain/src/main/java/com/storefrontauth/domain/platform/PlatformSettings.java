package com.storefrontauth.domain.platform;

import java.util.Map;
import java.util.Optional;

/** Installation-wide facts that must be remembered across restarts (e.g. the demo store's id, the platform limits). */
public interface PlatformSettings {

    Optional<String> get(String name);

    /** Every setting whose name starts with {@code prefix}, by full name. */
    Map<String, String> startingWith(String prefix);

    void put(String name, String value);
}
