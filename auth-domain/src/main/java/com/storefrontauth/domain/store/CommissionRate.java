package com.storefrontauth.domain.store;

import com.storefrontauth.domain.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The platform's commission on a store's sales, in percent: 0 to 100 with at most two decimals. */
public record CommissionRate(BigDecimal percent) {

    public static final CommissionRate NONE = new CommissionRate(BigDecimal.ZERO.setScale(2));

    private static final BigDecimal MAX = BigDecimal.valueOf(100);

    public static CommissionRate of(BigDecimal percent) {
        // the scale is read before anything expands the number, so 1e-999999999 costs nothing
        if (percent == null
                || percent.signum() < 0
                || percent.compareTo(MAX) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalidField("percent", "must be a number from 0 to 100 with at most two decimals");
        }
        return new CommissionRate(percent.setScale(2, RoundingMode.UNNECESSARY));
    }
}
