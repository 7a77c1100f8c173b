package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A lazy table over a paged domain listing: the table asks for a page, the domain answers it. */
final class PagedRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page of the listing; serializable because the view that holds it is. */
    interface Listing<T> extends Function<PageRequest, Page<T>>, Serializable {}

    /** A row's stable key. */
    interface RowKey<T> extends Function<T, String>, Serializable {}

    private final Listing<T> listing;
    private final RowKey<T> key;

    PagedRows(Listing<T> listing, RowKey<T> key) {
        this.listing = listing;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        return bounded(listing.apply(new PageRequest(1, 1)).total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
        int size = Math.max(1, Math.min(pageSize, Page.MAX_SIZE));
        Page<T> page = listing.apply(new PageRequest(first / size + 1, size));
        setRowCount(bounded(page.total()));
        return page.items();
    }

    @Override
    public String getRowKey(T row) {
        return key.apply(row);
    }

    private static int bounded(long total) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
