package com.storefrontauth.admin;

import com.storefrontauth.domain.account.MerchantAccount;
import com.storefrontauth.domain.account.MerchantLogin;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.throttle.PublicRouteThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Console sign-in and sign-out through the domain's merchant sign-in: the same lockout, the same answer
 * for a wrong password and an unknown email, and an inactive account gets a new activation code.
 */
@Named
@RequestScoped
public class SignInView {

    @Inject
    MerchantLogin login;

    @Inject
    ConsoleSession session;

    @Inject
    PublicRouteThrottle throttle;

    @Inject
    ConsoleLifetime lifetime;

    private String email;
    private String password;

    public void signIn() throws IOException {
        try {
            ClientInfo client = Feedback.client();
            throttle.requireAccountsAllowed(Feedback.rateKey(client));
            MerchantAccount account = login.authenticate(email, password, client);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            request.getSession(true);
            // a session id known before sign-in must not survive it (session fixation)
            request.changeSessionId();
            session.signIn(account, lifetime.now());
            external.redirect(external.getRequestContextPath() + ConsoleGate.HOME);
        } catch (DomainException refused) {
            Feedback.refused(refused);
        } finally {
            password = null;
        }
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + ConsoleGate.LOGIN);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
