package com.storefrontauth.domain.shared;

import java.io.Writer;

/**
 * An export that was allowed and audited, not yet written: the caller hands it the response's writer once
 * the answer's status is settled, and it streams its rows in a read transaction of its own.
 */
@FunctionalInterface
public interface CsvDownload {

    void writeTo(Writer out);
}
