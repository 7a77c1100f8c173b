package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.CsvDownload;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** An allowed export as a {@code text/csv} download, written to the client as its rows are read. */
public final class CsvResponse {

    public static final String TEXT_CSV = "text/csv";

    /**
     * For {@code @Produces} next to a JSON method on the same route: the lower server quality keeps JSON the
     * answer to a client that accepts anything (or sends no {@code Accept}); only asking for CSV gets CSV.
     */
    public static final String TEXT_CSV_SECOND_CHOICE = "text/csv; qs=0.5";

    private CsvResponse() {}

    public static Response of(CsvDownload download, String fileName) {
        StreamingOutput body = output -> {
            Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            download.writeTo(out);
            out.flush();
        };
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
