package com.storefrontauth.domain.audit;

import com.storefrontauth.domain.shared.Page;
import com.storefrontauth.domain.shared.PageRequest;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;

public interface AuditEventRepository {

    void insert(AuditEvent event);

    /** Newest first; {@code type} and {@code since} may be null. */
    Page<AuditEvent> page(StoreId store, AuditEventType type, Instant since, PageRequest request);
}
