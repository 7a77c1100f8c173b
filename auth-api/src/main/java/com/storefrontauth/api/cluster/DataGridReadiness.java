package com.storefrontauth.api.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How many instances share the data grid. Always UP: an instance whose peers are gone keeps serving alone
 * (its durable state is in the database), so a load balancer must not take it out for that.
 */
@Readiness
@ApplicationScoped
public class DataGridReadiness implements HealthCheck {

    static final String NAME = "data-grid";

    @Inject
    DataGrid grid;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .up()
                .withData("clustered", grid.instance().isPresent())
                .withData("members", grid.memberCount())
                .build();
    }
}
