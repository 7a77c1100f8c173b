package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.store.ProfileChange;
import com.storefrontauth.domain.store.StoreChange;
import com.storefrontauth.domain.store.StoreLanguage;
import com.storefrontauth.domain.store.StoreProfile;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.List;

/**
 * A store's profile and the platform's commission on it, saved through the same store change as the
 * management API's {@code PATCH /stores/{id}}: the domain checks every field and refuses the commission to
 * anyone but the platform admin.
 */
@Named
@ViewScoped
public class ProfileView extends StorePage {

    private static final long serialVersionUID = 1L;

    private String description;
    private String logoUrl;
    private String businessAddress;
    private String contactPhone;
    private String preferredLanguage;
    private String percent;

    @Override
    protected void refresh() {
        StoreProfile profile = getStore().profile();
        description = profile.description();
        logoUrl = profile.logoUrl();
        businessAddress = profile.businessAddress();
        contactPhone = profile.contactPhone();
        preferredLanguage = profile.preferredLanguage().tag();
        percent = getStore().commission().percent().toPlainString();
    }

    /** Sends only what the form changed, so the audit trail names the fields that were edited. */
    public void save() {
        StoreProfile current = getStore().profile();
        try {
            ProfileChange profile = new ProfileChange(
                    edited(description, current.description()),
                    edited(logoUrl, current.logoUrl()),
                    edited(businessAddress, current.businessAddress()),
                    edited(contactPhone, current.contactPhone()),
                    edited(preferredLanguage, current.preferredLanguage().tag()));
            stores.change(
                    session.operator(),
                    id(),
                    new StoreChange(null, null, null, profile, editedPercent()),
                    Feedback.client());
            Feedback.info("Profile saved.");
            load();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    /**
     * An emptied field arrives as null (empty strings are submitted as null) and clears the member; browsers
     * send a textarea's line breaks as CRLF, which the profile keeps as LF.
     */
    private static String edited(String value, String current) {
        String given = value == null ? "" : value.replace("\r\n", "\n");
        return given.equals(current) ? null : given;
    }

    /** The percent as a number when it was edited; a merchant's form never submits it. */
    private BigDecimal editedPercent() {
        String given = percent == null ? "" : percent.strip();
        BigDecimal number;
        try {
            number = new BigDecimal(given);
        } catch (NumberFormatException notANumber) {
            throw DomainException.invalidField("percent", "must be a number");
        }
        return number.compareTo(getStore().commission().percent()) == 0 ? null : number;
    }

    public List<StoreLanguage> getLanguages() {
        return StoreLanguage.supported();
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }

    public String getBusinessAddress() {
        return businessAddress;
    }

    public void setBusinessAddress(String businessAddress) {
        this.businessAddress = businessAddress;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getPercent() {
        return percent;
    }

    public void setPercent(String percent) {
        this.percent = percent;
    }
}
