package com.storefrontauth.domain.cors;

import com.storefrontauth.domain.store.StoreId;
import java.util.List;

public interface CorsOriginRepository {

    void insert(CorsOrigin origin);

    List<CorsOrigin> list(StoreId store);

    /** @return whether an entry of that store was removed */
    boolean delete(StoreId store, String originId);
}
