package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.audit.RecordedEvents;
import com.storefrontauth.domain.credential.PasswordCheck;
import com.storefrontauth.domain.credential.PasswordHasher;
import com.storefrontauth.domain.credential.TestHashers;
import com.storefrontauth.domain.otp.OtpChallenges;
import com.storefrontauth.domain.otp.TestOtpChallenges;
import com.storefrontauth.domain.session.InMemorySessions;
import com.storefrontauth.domain.session.SessionEnding;
import com.storefrontauth.domain.session.SessionIssuer;
import com.storefrontauth.domain.session.SessionLifetimes;
import com.storefrontauth.domain.session.SessionRevocations;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.session.TokenGrant;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DirectTransactions;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.EmailAddress;
import com.storefrontauth.domain.shared.MutableClock;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.Store;
import com.storefrontauth.domain.store.StoreMode;
import com.storefrontauth.domain.throttle.InMemoryLoginFailures;
import com.storefrontauth.domain.throttle.LoginThrottle;
import java.util.List;
import java.util.Map;

/**
 * The customer use cases wired by hand, as CDI would, over in-memory fakes: one test-mode store with the
 * default policy, a clock to move, and every audit event kept in order.
 */
class CustomerFixture {

    static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "JUnit/5");
    static final String PASSWORD = "purple mountain ferry 7";

    final MutableClock clock = new MutableClock();
    final RecordedEvents events = new RecordedEvents();
    final AuditLog audit = events.log(clock);
    final Transactions transactions = new DirectTransactions();
    final InMemoryCustomers customers = new InMemoryCustomers();
    final InMemorySessions sessions = new InMemorySessions(clock);
    final SessionRevocations revocations = sessions.revocations(clock);
    final SessionEnding ending = new SessionEnding(sessions, revocations, audit, transactions, clock);
    final SessionIssuer issuer = new SessionIssuer(sessions, claims -> "jwt", clock);
    final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    final LoginThrottle throttle = failures.throttle(clock, audit);
    final PasswordHasher hasher = TestHashers.cheap();
    final PasswordCheck credentials = new PasswordCheck(throttle, hasher);
    final OtpChallenges challenges = TestOtpChallenges.over(audit, transactions, clock);
    final Store store = Store.open("Shop", StoreMode.TEST, clock.instant());

    final CustomerOtp otp = new CustomerOtp();
    final AddressClaim claim = new AddressClaim();
    final CodeSignIn codeSignIn = new CodeSignIn();
    final PasswordlessLogin passwordless = new PasswordlessLogin();
    final ContactConfirmation contacts = new ContactConfirmation();
    final PasswordReset reset = new PasswordReset();
    final CodeVerification codes = new CodeVerification();
    final PasswordLogin login = new PasswordLogin();
    final CustomerAccount account = new CustomerAccount();

    CustomerFixture() {
        otp.challenges = challenges;
        claim.customers = customers;
        claim.ending = ending;
        claim.audit = audit;
        codeSignIn.customers = customers;
        codeSignIn.issuer = issuer;
        codeSignIn.claim = claim;
        codeSignIn.audit = audit;
        passwordless.customers = customers;
        passwordless.otp = otp;
        passwordless.issuer = issuer;
        passwordless.codeSignIn = codeSignIn;
        passwordless.claim = claim;
        passwordless.audit = audit;
        passwordless.transactions = transactions;
        contacts.customers = customers;
        contacts.otp = otp;
        contacts.codeSignIn = codeSignIn;
        contacts.claim = claim;
        contacts.audit = audit;
        contacts.transactions = transactions;
        reset.customers = customers;
        reset.otp = otp;
        reset.hasher = hasher;
        reset.codeSignIn = codeSignIn;
        reset.ending = ending;
        reset.throttle = throttle;
        reset.transactions = transactions;
        codes.challenges = challenges;
        codes.otp = otp;
        codes.passwordless = passwordless;
        codes.contacts = contacts;
        codes.reset = reset;
        codes.clock = clock;
        login.customers = customers;
        login.credentials = credentials;
        login.issuer = issuer;
        login.otp = otp;
        login.audit = audit;
        login.transactions = transactions;
        account.customers = customers;
        account.sessions = sessions;
        account.hasher = hasher;
        account.credentials = credentials;
        account.codes = codes;
        account.ending = ending;
        account.audit = audit;
        account.transactions = transactions;
        account.clock = clock;
    }

    /** A customer of the store with a password and a proved email. */
    Customer customer(String email) {
        Customer customer = Customer.register(
                store.id(),
                EmailAddress.parse(email).orElseThrow(),
                null,
                "Ada",
                null,
                hasher.hash(store.id(), PASSWORD),
                clock.instant());
        customer.confirmEmail(clock.instant());
        customers.insert(customer);
        return customer;
    }

    TokenGrant sessionOf(Customer customer) {
        return issuer.start(
                store.id(),
                SubjectKind.CUSTOMER,
                customer.id().value(),
                null,
                SessionLifetimes.of(store.policy()),
                CLIENT);
    }

    static CustomerIdentifier identifier(String email) {
        return new CustomerIdentifier(EmailAddress.parse(email).orElseThrow(), null);
    }

    /** The details of the last event of {@code type}. */
    Map<String, String> detailsOfLast(AuditEventType type) {
        List<AuditEventType> types = events.types();
        return events.details(types.lastIndexOf(type));
    }

    static DomainException refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }
}
