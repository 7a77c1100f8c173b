package com.storefrontauth.admin;

import com.storefrontauth.domain.activity.ActivitySummary;
import com.storefrontauth.domain.activity.ActivitySummary.Bucket;
import com.storefrontauth.domain.activity.StoreActivity;
import com.storefrontauth.domain.store.Store;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The console's first page: one store's figures for today and a chart of sign-ins and failed attempts
 * over the last 24 hours or 7 days. Without {@code ?store=} it shows the operator's first store.
 */
@Named
@ViewScoped
public class DashboardView extends StorePage {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:00", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Inject
    StoreActivity activity;

    private List<Store> visible = List.of();
    private ActivitySummary summary;
    private boolean week;

    /** One bar pair of the chart; heights are percent of the tallest bar. */
    public record Bar(String label, long signIns, long failures, int signInHeight, int failureHeight) {}

    @Override
    public void load() {
        visible = stores.list(session.operator());
        if (getStoreId() == null || getStoreId().isBlank()) {
            if (visible.isEmpty()) {
                return;
            }
            setStoreId(visible.get(0).id().value());
        }
        super.load();
    }

    @Override
    protected void refresh() {
        summary = activity.summary(session.operator(), id());
    }

    /** The store picker: opens the chosen store's dashboard (the page load checks access again). */
    public void open() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/admin/dashboard.xhtml?store="
                + URLEncoder.encode(getStoreId(), StandardCharsets.UTF_8));
    }

    public List<Bar> getBars() {
        List<Bucket> buckets = buckets();
        long tallest = Math.max(1, getPeak());
        DateTimeFormatter label = week ? DAY : HOUR;
        return buckets.stream()
                .map(b -> new Bar(
                        label.format(b.start()),
                        b.signIns(),
                        b.failures(),
                        percent(b.signIns(), tallest),
                        percent(b.failures(), tallest)))
                .toList();
    }

    /** The chart's scale: the highest count of any bar. */
    public long getPeak() {
        return buckets().stream()
                .mapToLong(b -> Math.max(b.signIns(), b.failures()))
                .max()
                .orElse(0);
    }

    private List<Bucket> buckets() {
        return week ? summary.lastWeek() : summary.lastDay();
    }

    private static int percent(long value, long tallest) {
        // a non-zero count stays visible as a sliver
        return value == 0 ? 0 : (int) Math.max(2, value * 100 / tallest);
    }

    /** True when the operator has no store yet: the page invites them to create one. */
    public boolean isWithoutStores() {
        return visible.isEmpty();
    }

    public List<Store> getVisible() {
        return visible;
    }

    public ActivitySummary getSummary() {
        return summary;
    }

    public String getPeriod() {
        return week ? "week" : "day";
    }

    public void setPeriod(String period) {
        week = "week".equals(period);
    }
}
