package com.storefrontauth.domain.shared;

import java.util.List;

/**
 * One CSV record (RFC 4180: comma-separated, CRLF-ended, a field quoted when it holds a comma, quote or line
 * break). A field that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return first) is
 * prefixed with an apostrophe: a customer's name is data, not a command in the merchant's spreadsheet.
 */
public final class CsvLine {

    private CsvLine() {}

    public static String of(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    private static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quoted =
                safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
