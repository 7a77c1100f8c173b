package com.storefrontauth.admin;

import com.storefrontauth.domain.account.MerchantLogin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's door: security headers on every console page, and every page but the sign-in page
 * answered with a redirect to it when the session is not signed in (an Ajax postback gets the redirect
 * as a Faces partial response, so the browser follows it). A session past its {@link ConsoleLifetime},
 * or whose account was disabled or changed its password since, ends here.
 */
@WebFilter(urlPatterns = "/admin/*")
public class ConsoleGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOGIN = "/admin/login.xhtml";
    static final String HOME = "/admin/dashboard.xhtml";

    @Inject
    ConsoleSession session;

    @Inject
    MerchantLogin login;

    @Inject
    ConsoleLifetime lifetime;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the Content-Security-Policy comes with each Faces page: its script nonce is per response (web.xml)
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean signedIn = request.getSession(false) != null && session.isSignedIn();
        if (signedIn
                && (lifetime.hasEnded(session.signedInAt())
                        || !login.isStillValid(session.accountId(), session.credentialStamp()))) {
            // too old, the password was changed elsewhere, or the account disabled: this session ends
            request.getSession().invalidate();
            signedIn = false;
        }
        if (path.equals("/admin") || path.equals("/admin/")) {
            response.sendRedirect(request.getContextPath() + (signedIn ? HOME : LOGIN));
            return;
        }
        if (signedIn || path.equals(LOGIN)) {
            chain.doFilter(request, response);
            return;
        }
        String login = request.getContextPath() + LOGIN;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + login
                            + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(login);
    }
}
