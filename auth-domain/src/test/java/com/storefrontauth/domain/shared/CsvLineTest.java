package com.storefrontauth.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void whenFieldsHoldCommasQuotesOrLineBreaksThenTheyAreQuotedAndTheLineEndsWithCrLf() {
        assertThat(CsvLine.of(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n");
    }

    @Test
    void whenAFieldWouldRunAsASpreadsheetFormulaThenItIsKeptAsText() {
        assertThat(CsvLine.of(List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "a=b")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b\r\n");
    }
}
